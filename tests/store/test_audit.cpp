// The audit chain names the first row changed behind Vigil's back, even with the schema's
// triggers dropped first.
#include "core/timefmt.h"
#include "store/audit.h"
#include "store/sqlite_engine.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fstream>

using namespace vigil;
using namespace std::chrono;

namespace {
struct AuditFixture : test::WardWorld {
    StayId stay = admit("1");
    RoundId round = [&] {
        auto r = test::normalRound(stay);
        r.rr = 8; // flags and an escalation too
        return *ward.recordRound(r, {}, nurse).saved;
    }();
    void dropTriggers() {
        std::vector<std::string> names;
        SQLite::Statement q(db.sqlite(), "SELECT name FROM sqlite_master WHERE type = 'trigger'");
        while (q.executeStep())
            names.push_back(q.getColumn(0).getString());
        for (auto& n : names)
            db.exec("DROP TRIGGER " + n);
    }
};
} // namespace

TEST_CASE_METHOD(AuditFixture, "every write is in the chain and a clean file verifies",
                 "[store][audit]") {
    auto report = store::verifyAudit(db);
    CHECK_FALSE(report.first);
    CHECK(report.entries >= 5); // staff, stay, round, its flags, its escalation
    CHECK(
        db.execAndGet("SELECT staff_id FROM audit WHERE table_name = 'rounds'").getInt64() ==
        nurse);
    CHECK(db.execAndGet("SELECT at FROM audit WHERE table_name = 'rounds'").getString() ==
          formatUtc(clock.now()));
}

TEST_CASE_METHOD(AuditFixture, "an edit behind Vigil's back is named", "[store][audit][sqlite]") {
    dropTriggers();
    db.exec(fmt::format("UPDATE rounds SET rr = 14 WHERE id = {}", round));
    auto report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->table == "rounds");
    CHECK(report.first->row == round);
    CHECK(report.first->what == "edited");
    CHECK_THAT(report.first->message,
               Catch::Contains(fmt::format("rounds row {} was edited", round)));
}

TEST_CASE_METHOD(AuditFixture, "a deletion behind Vigil's back is named", "[store][audit][sqlite]") {
    dropTriggers();
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec(fmt::format("DELETE FROM flags WHERE round_id = {}", round));
    auto report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->table == "flags");
    CHECK(report.first->what == "deleted");
}

TEST_CASE_METHOD(AuditFixture, "a row inserted behind Vigil's back is named", "[store][audit]") {
    db.exec(fmt::format("INSERT INTO missed_rounds (stay_id, at, reason, by) VALUES ({}, "
                              "'2026-11-22T10:00:00Z', 'x', {})",
                              stay, nurse));
    auto report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->table == "missed_rounds");
    CHECK(report.first->what == "inserted outside Vigil");
}

TEST_CASE_METHOD(AuditFixture, "a cut or reordered audit record is named", "[store][audit][sqlite]") {
    dropTriggers();
    SECTION("an entry removed") {
        db.exec("DELETE FROM audit WHERE id = 2");
        auto report = store::verifyAudit(db);
        REQUIRE(report.first);
        CHECK(report.first->what == "audit chain broken");
        CHECK(report.first->entry == 3);
    }
    SECTION("an entry rewritten to match an edited row") {
        db.exec(fmt::format("UPDATE rounds SET rr = 14 WHERE id = {}", round));
        db.exec(fmt::format(
            "UPDATE audit SET row_hash = 'forged' WHERE table_name = 'rounds' AND row_id = {}",
            round));
        auto report = store::verifyAudit(db);
        REQUIRE(report.first);
        CHECK(report.first->what == "audit entry altered");
    }
}

TEST_CASE("a file from before the audit chain is entered once and verifies", "[store][audit][sqlite]") {
    test::TempDir dir;
    auto path = dir.file("old.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store::migrate(raw, 4);
        raw.exec("INSERT INTO staff (name, role, created_at) VALUES ('Old Nurse', 'nurse', "
                 "'2026-01-01T00:00:00Z')");
    }
    store::Database db(path);
    auto report = store::verifyAudit(db);
    CHECK_FALSE(report.first);
    CHECK(report.entries == 1);
    CHECK(db.execAndGet("SELECT action FROM audit").getString() == "backfill");
}

namespace {
struct HeadFixture : AuditFixture {
    std::vector<std::string> triggerSql() {
        std::vector<std::string> out;
        SQLite::Statement q(db.sqlite(), "SELECT sql FROM sqlite_master WHERE type = 'trigger'");
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    }
    void restore(const std::vector<std::string>& triggers) {
        for (auto& sql : triggers)
            db.exec(sql);
    }
};
} // namespace

TEST_CASE_METHOD(HeadFixture, "a dropped index or an added view is named too", "[store][audit][sqlite]") {
    db.exec("DROP INDEX audit_by_row");
    auto report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->what == "index dropped");
    db.exec("CREATE UNIQUE INDEX audit_by_row ON audit (table_name, row_id)");
    CHECK_FALSE(store::verifyAudit(db).first);
    db.exec("CREATE VIEW everything AS SELECT * FROM rounds");
    report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->what == "view added");
}

TEST_CASE_METHOD(HeadFixture, "dropped or altered triggers are named even with every row intact",
                 "[store][audit][sqlite]") {
    db.exec("DROP TRIGGER rounds_no_update");
    auto report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->what == "trigger dropped");
    CHECK_THAT(report.first->message, Catch::Contains("rounds_no_update"));
    db.exec("CREATE TRIGGER rounds_no_update BEFORE UPDATE ON rounds BEGIN SELECT 1; END");
    report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->what == "trigger altered");
}

TEST_CASE_METHOD(HeadFixture, "the head prints as N:HASH and parses back", "[store][audit]") {
    auto head = store::auditHead(db);
    CHECK(head.entries == db.execAndGet("SELECT count(*) FROM audit").getInt64());
    auto parsed = store::parseAuditHead(head.text());
    REQUIRE(parsed);
    CHECK(parsed->entries == head.entries);
    CHECK(parsed->hash == head.hash);
    CHECK(head.shortText() == fmt::format("{}:{}", head.entries, head.hash.substr(0, 12)));
    std::vector<std::string> bad{"",
                                 "12",
                                 ":abc",
                                 "x:" + head.hash,
                                 "3:" + head.hash.substr(0, 11),
                                 "3:" + head.hash + "0",
                                 "3:" + std::string(64, 'G')};
    for (const auto& text : bad)
        CHECK_FALSE(store::parseAuditHead(text));
    CHECK_FALSE(store::verifyAudit(db, head).first);
}

TEST_CASE_METHOD(HeadFixture, "a tail cut behind Vigil's back is caught against a recorded head",
                 "[store][audit][sqlite]") {
    auto later = test::normalRound(stay);
    clock.advance(minutes(30));
    auto second = *ward.recordRound(later, {}, nurse).saved;
    auto head = store::auditHead(db);
    auto triggers = triggerSql();
    dropTriggers();
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec(fmt::format("DELETE FROM flags WHERE round_id = {}", second));
    db.exec(fmt::format("DELETE FROM rounds WHERE id = {}", second));
    auto firstCut = db.sqlite()
                        .execAndGet(fmt::format("SELECT min(id) FROM audit WHERE table_name = "
                                                "'rounds' AND row_id = {}",
                                                second))
                        .getInt64();
    db.exec(fmt::format("DELETE FROM audit WHERE id >= {}", firstCut));
    restore(triggers);
    // Without an anchor the shorter chain is indistinguishable from an honest one...
    CHECK_FALSE(store::verifyAudit(db).first);
    // ...but the head recorded outside the file is gone.
    auto report = store::verifyAudit(db, head);
    REQUIRE(report.first);
    CHECK(report.first->what == "cut");
    CHECK_THAT(report.first->message,
               Catch::Contains(fmt::format("audit entry {} of the recorded head", head.entries)));
}

TEST_CASE_METHOD(HeadFixture, "a chain rehashed after an edit is caught against a recorded head",
                 "[store][audit][sqlite]") {
    auto head = store::auditHead(db);
    auto triggers = triggerSql();
    dropTriggers();
    db.exec(fmt::format("UPDATE rounds SET rr = 16 WHERE id = {}", round));
    // The forger's rewrite: every hash recomputed over the edited content.
    db.exec("DELETE FROM audit");
    store::backfillAudit(db, clock.now());
    restore(triggers);
    CHECK_FALSE(store::verifyAudit(db).first);
    auto report = store::verifyAudit(db, head);
    REQUIRE(report.first);
    CHECK(report.first->what == "rewritten");
    CHECK_THAT(report.first->message,
               Catch::Contains(fmt::format("audit entry {} no longer has the hash", head.entries)));
}

TEST_CASE_METHOD(HeadFixture, "a damaged page is not vouched for", "[store][audit][sqlite]") {
    // The index's pages overwritten in place, as a failing disk would.
    auto page = db.sqlite()
                    .execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'audit_by_row'")
                    .getInt64();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    auto pageSize = db.execAndGet("PRAGMA page_size").getInt64();
    {
        std::fstream f(db.path(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp((page - 1) * pageSize + 8);
        std::string junk(static_cast<std::size_t>(pageSize - 16), '\x5A');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    store::Database reopened(db.path());
    auto report = store::verifyAudit(reopened);
    REQUIRE(report.first);
    CHECK(report.first->what == "damaged");
}
