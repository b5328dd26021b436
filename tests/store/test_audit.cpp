// The audit chain names the first row changed behind Vigil's back, even with the schema's
// triggers dropped first.
#include "core/timefmt.h"
#include "store/audit.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/ward.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

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
        SQLite::Statement q(db.sql(), "SELECT name FROM sqlite_master WHERE type = 'trigger'");
        while (q.executeStep())
            names.push_back(q.getColumn(0).getString());
        for (auto& n : names)
            db.sql().exec("DROP TRIGGER " + n);
    }
};
} // namespace

TEST_CASE_METHOD(AuditFixture, "every write is in the chain and a clean file verifies",
                 "[store][audit]") {
    auto report = store::verifyAudit(db);
    CHECK_FALSE(report.first);
    CHECK(report.entries >= 5); // staff, stay, round, its flags, its escalation
    CHECK(
        db.sql().execAndGet("SELECT staff_id FROM audit WHERE table_name = 'rounds'").getInt64() ==
        nurse);
    CHECK(db.sql().execAndGet("SELECT at FROM audit WHERE table_name = 'rounds'").getString() ==
          formatUtc(clock.now()));
}

TEST_CASE_METHOD(AuditFixture, "an edit behind Vigil's back is named", "[store][audit]") {
    dropTriggers();
    db.sql().exec(fmt::format("UPDATE rounds SET rr = 14 WHERE id = {}", round));
    auto report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->table == "rounds");
    CHECK(report.first->row == round);
    CHECK(report.first->what == "edited");
    CHECK_THAT(report.first->message,
               Catch::Contains(fmt::format("rounds row {} was edited", round)));
}

TEST_CASE_METHOD(AuditFixture, "a deletion behind Vigil's back is named", "[store][audit]") {
    dropTriggers();
    db.sql().exec("PRAGMA foreign_keys = OFF");
    db.sql().exec(fmt::format("DELETE FROM flags WHERE round_id = {}", round));
    auto report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->table == "flags");
    CHECK(report.first->what == "deleted");
}

TEST_CASE_METHOD(AuditFixture, "a row inserted behind Vigil's back is named", "[store][audit]") {
    db.sql().exec(fmt::format("INSERT INTO missed_rounds (stay_id, at, reason, by) VALUES ({}, "
                              "'2026-11-22T10:00:00Z', 'x', {})",
                              stay, nurse));
    auto report = store::verifyAudit(db);
    REQUIRE(report.first);
    CHECK(report.first->table == "missed_rounds");
    CHECK(report.first->what == "inserted outside Vigil");
}

TEST_CASE_METHOD(AuditFixture, "a cut or reordered audit record is named", "[store][audit]") {
    dropTriggers();
    SECTION("an entry removed") {
        db.sql().exec("DELETE FROM audit WHERE id = 2");
        auto report = store::verifyAudit(db);
        REQUIRE(report.first);
        CHECK(report.first->what == "audit chain broken");
        CHECK(report.first->entry == 3);
    }
    SECTION("an entry rewritten to match an edited row") {
        db.sql().exec(fmt::format("UPDATE rounds SET rr = 14 WHERE id = {}", round));
        db.sql().exec(fmt::format(
            "UPDATE audit SET row_hash = 'forged' WHERE table_name = 'rounds' AND row_id = {}",
            round));
        auto report = store::verifyAudit(db);
        REQUIRE(report.first);
        CHECK(report.first->what == "audit entry altered");
    }
}

TEST_CASE("a file from before the audit chain is entered once and verifies", "[store][audit]") {
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
    CHECK(db.sql().execAndGet("SELECT action FROM audit").getString() == "backfill");
}
