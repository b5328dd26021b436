// The unit's shared record on PostgreSQL (issue 12), against the process's own throwaway server:
// the tablets' role, the protective triggers, writers at once, two nurses acknowledging one
// escalation, `vigil db copy` and what a tablet says when the server is not there.
#include "core/hash.h"
#include "core/timefmt.h"
#include "store/audit.h"
#include "store/change_watcher.h"
#include "store/escalations.h"
#include "support/events_follow.h"
#include "support/pg_server.h"
#include "support/process.h"
#include "support/rounds.h"
#include "support/temp_dir.h"
#include "ward/ward.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <thread>

using namespace vigil;
using namespace std::chrono;

namespace {

std::string cmd(const std::string& args) {
    return fmt::format("'{}' {} 2>&1", VIGIL_BINARY, args);
}

// A ward of its own on a fresh server database, with a nurse, as on a tablet.
struct ServerWard {
    std::string uri;
    store::Database db;
    ManualClock clock{sys_days{November / 22 / 2026} + hours(9)};
    ward::Ward ward{db, clock};
    explicit ServerWard(std::string u) : uri(std::move(u)), db(uri) {}
    StaffId staff(const std::string& name) { return ward.ensureStaff(name, store::Role::Nurse); }
    StayId admit(const std::string& bed, StaffId by) {
        Stay s;
        s.bed = bed, s.name = "Patient " + bed, s.mrn = "D" + bed;
        s.since = clock.now() - hours(2);
        s.drugs = {Drug::Morphine};
        auto out = ward.admit(s, by);
        REQUIRE(out.problems.empty());
        return *out.admitted;
    }
};

std::string roleName(const std::string& base) {
    return fmt::format("{}_{}", base, getpid());
}

} // namespace

TEST_CASE("the tablets' role may read and add rows, and nothing more", "[postgres]") {
    auto& server = test::PgServer::instance();
    auto owner = server.emptyDatabase();
    auto role = roleName("ward_app");
    server.admin(fmt::format("CREATE ROLE {} LOGIN", role));
    auto migrated = test::run(cmd("db migrate --db '" + owner + "' --app-role " + role));
    REQUIRE(migrated.exitCode == 0);
    CHECK_THAT(migrated.output,
               Catch::Contains(fmt::format("schema {} (was 0)", store::latestSchemaVersion())));

    // As the tablets connect: rounds are saved and the chain holds.
    auto tablet = owner;
    tablet.replace(tablet.find("user=postgres"), 13, "user=" + role);
    ServerWard w(tablet);
    auto nurse = w.staff("Nurse Okafor");
    auto stay = w.admit("1", nurse);
    REQUIRE(w.ward.recordRound(test::normalRound(stay), {}, nurse).saved);
    w.ward.roundOpened(stay, randomKey(), nurse); // schema 14's table is granted like the others
    CHECK_FALSE(store::verifyAudit(w.db).first);

    for (auto sql : {"UPDATE rounds SET rr = 30", "DELETE FROM rounds", "TRUNCATE rounds CASCADE",
                     "DELETE FROM audit", "ALTER TABLE rounds DISABLE TRIGGER rounds_no_update",
                     "DROP TRIGGER rounds_no_update ON rounds", "DROP TABLE audit CASCADE",
                     "INSERT INTO vigil_schema (version) VALUES (99)"}) {
        INFO(sql);
        CHECK_THROWS_WITH(w.db.exec(sql),
                          Catch::Contains("may not do this") || Catch::Contains("must be owner"));
    }
    CHECK(w.db.execAndGet("SELECT count(*) FROM rounds").getInt() == 1);

    // The owner is refused too, by the triggers, in the words SQLite's use.
    store::Database asOwner(owner);
    CHECK_THROWS_WITH(asOwner.exec("UPDATE rounds SET rr = 30"), Catch::Contains("never updated"));
    CHECK_THROWS_WITH(asOwner.exec("DELETE FROM rounds"), Catch::Contains("never deleted"));
    CHECK_THROWS_WITH(asOwner.exec("TRUNCATE rounds CASCADE"), Catch::Contains("never truncated"));
    CHECK_FALSE(store::verifyAudit(asOwner).first);
}

TEST_CASE("an owner who disables a trigger and edits a row is caught by audit verify",
          "[postgres]") {
    ServerWard w(test::PgServer::instance().freshRecord());
    auto nurse = w.staff("Nurse Okafor");
    REQUIRE(w.ward.recordRound(test::normalRound(w.admit("1", nurse)), {}, nurse).saved);
    w.db.exec("ALTER TABLE rounds DISABLE TRIGGER rounds_no_update");
    auto disabled = store::verifyAudit(w.db);
    REQUIRE(disabled.first);
    CHECK(disabled.first->what == "trigger altered");
    w.db.exec("UPDATE rounds SET rr = 30");
    auto edited = store::verifyAudit(w.db);
    REQUIRE(edited.first);
    CHECK(edited.first->what == "edited");
    CHECK(edited.first->table == "rounds");
}

TEST_CASE("four writers at once keep one audit chain", "[postgres]") {
    auto uri = test::PgServer::instance().freshRecord();
    StaffId nurse = 0;
    {
        ServerWard setUp(uri);
        nurse = setUp.staff("Nurse Okafor");
    }
    constexpr int kWriters = 4, kRounds = 12;
    std::vector<std::thread> writers;
    std::atomic<int> saved{0};
    for (int i = 0; i < kWriters; ++i)
        writers.emplace_back([&, i] {
            // Each its own connection, as each tablet is.
            store::Database db(uri);
            ManualClock clock{sys_days{November / 22 / 2026} + hours(9)};
            ward::Ward ward(db, clock);
            Stay s;
            s.bed = std::to_string(i + 1), s.name = "Patient", s.mrn = fmt::format("M{}", i);
            s.since = clock.now() - hours(2);
            s.drugs = {Drug::Morphine};
            auto stay = *ward.admit(s, nurse).admitted;
            for (int r = 0; r < kRounds; ++r) {
                clock.advance(minutes(15));
                if (ward.recordRound(test::normalRound(stay), {}, nurse).saved) ++saved;
            }
        });
    for (auto& t : writers)
        t.join();
    CHECK(saved == kWriters * kRounds);
    store::Database db(uri);
    auto report = store::verifyAudit(db);
    CHECK_FALSE(report.first);
    std::int64_t rows = 0;
    for (auto& [table, count] : store::rowCounts(db))
        rows += count;
    CHECK(report.entries == rows); // every row in the one chain, none twice
    CHECK(db.execAndGet("SELECT count(*) FROM rounds").getInt() == kWriters * kRounds);
}

TEST_CASE("two nurses acknowledging one escalation give one acknowledgement", "[postgres]") {
    auto uri = test::PgServer::instance().freshRecord();
    ServerWard a(uri), b(uri);
    auto okafor = a.staff("Nurse Okafor");
    auto lindgren = b.staff("Nurse Lindgren");
    auto r = test::normalRound(a.admit("1", okafor));
    r.rr = 8;
    auto out = a.ward.recordRound(r, {}, okafor);
    REQUIRE(out.escalationsOpened.size() == 1);
    auto id = out.escalationsOpened[0];
    auto seenOnB = *b.ward.escalation(id); // B's screen shows Acknowledge
    CHECK(seenOnB.state() == EscalationState::Raised);

    EscalationStep ack;
    ack.kind = StepKind::Acknowledge;
    ack.by = okafor;
    REQUIRE_FALSE(a.ward.escalationStep(id, ack));
    ack.by = lindgren;
    auto second = b.ward.escalationStep(id, ack);
    REQUIRE(second);
    CHECK_THAT(*second, Catch::StartsWith("Already acknowledged by Nurse Okafor at " +
                                          formatLocalTime(a.clock.now())));
    CHECK(a.db.execAndGet("SELECT count(*) FROM escalation_steps WHERE kind = 'acknowledge'")
              .getInt() == 1);

    // The record itself refuses a second one at the same level, whatever the code above checked.
    ack.level = seenOnB.level(); // as the ward writes it
    store::Database::Transaction tx(b.db);
    CHECK_THROWS_AS(store::insertStep(b.db, id, ack), store::SqlError);
}

TEST_CASE("db copy moves a device's record onto the server: same summary, same chain",
          "[postgres]") {
    test::TempDir dir;
    auto file = dir.file("tablet.db");
    REQUIRE(test::run(cmd("demo --db '" + file + "' --beds 4 --days 2")).exitCode == 0);
    {
        // A round in progress (schema 14) goes with the record like every audited row.
        store::Database tablet(file);
        SystemClock clock;
        ward::Ward ward(tablet, clock);
        auto nurse = ward.ensureStaff("Nurse Okafor", store::Role::Nurse);
        ward.roundOpened(ward.board().at(0).stay.id, randomKey(), nurse);
    }
    auto at = formatUtc(floor<seconds>(system_clock::now()));
    auto summary = [&](const std::string& db) {
        auto r = test::run(cmd("summary --db '" + db + "' --at " + at + " --json"));
        REQUIRE(r.exitCode == 0);
        return r.output;
    };
    auto lastWord = [](const std::string& s) {
        auto trimmed = s.substr(0, s.find_last_not_of("\n") + 1);
        return trimmed.substr(trimmed.find_last_of(' ') + 1);
    };
    auto before = summary(file);
    auto headBefore = lastWord(test::run(cmd("audit head --db '" + file + "'")).output);
    auto fileHash = test::run("sha256sum '" + file + "'").output;

    auto server = test::PgServer::instance().emptyDatabase(); // no schema: the copy makes it
    auto copied = test::run(cmd("db copy --from '" + file + "' --to '" + server + "'"));
    INFO(copied.output);
    REQUIRE(copied.exitCode == 0);
    CHECK_THAT(copied.output, Catch::Contains("verified, audit head " + headBefore));
    CHECK(summary(server) == before);
    store::Database copy(server);
    CHECK(copy.execAndGet("SELECT count(*) FROM round_openings").getInt() == 1);
    CHECK(lastWord(test::run(cmd("audit head --db '" + server + "'")).output) == headBefore);
    CHECK(test::run(cmd("audit verify --db '" + server + "'")).exitCode == 0);
    CHECK(test::run("sha256sum '" + file + "'").output == fileHash); // the file is untouched

    auto again = test::run(cmd("db copy --from '" + file + "' --to '" + server + "'"));
    CHECK(again.exitCode == 2);
    CHECK_THAT(again.output, Catch::Contains("holds rows already"));
    CHECK(summary(server) == before);
}

TEST_CASE("no server, a wrong database, a password in the URI or no schema: exit 2, in words",
          "[postgres]") {
    auto& server = test::PgServer::instance();
    auto gone = test::run(cmd("summary --db 'postgresql:///vigil?host=/nonexistent-vigil'"));
    CHECK(gone.exitCode == 2);
    CHECK_THAT(gone.output, Catch::Contains("the unit server socket /nonexistent-vigil:5432 "
                                            "(database vigil) cannot be reached"));
    auto wrong = test::run(cmd("due --db '" + server.uri("no_such_ward") + "'"));
    CHECK(wrong.exitCode == 2);
    CHECK_THAT(wrong.output, Catch::Contains("no_such_ward") && Catch::Contains("does not exist"));
    auto password = test::run(cmd("staff list --db 'postgresql://ward_app:s3cret@unit/vigil'"));
    CHECK(password.exitCode == 2);
    CHECK_THAT(password.output, Catch::Contains("password file") && !Catch::Contains("s3cret"));
    auto bare = test::run(cmd("audit head --db '" + server.emptyDatabase() + "'"));
    CHECK(bare.exitCode == 2);
    CHECK_THAT(bare.output, Catch::Contains("holds no Vigil record") &&
                                Catch::Contains("vigil db migrate --db URI --app-role ROLE"));
}

TEST_CASE("a save the server refuses keeps the round out and names the server", "[postgres]") {
    ServerWard w(test::PgServer::instance().freshRecord());
    auto nurse = w.staff("Nurse Okafor");
    auto stay = w.admit("1", nurse);
    w.db.exec("SET default_transaction_read_only = on");
    try {
        w.ward.recordRound(test::normalRound(stay), {}, nurse);
        FAIL("saved on a read-only session");
    } catch (const ward::SaveFailed& e) {
        CHECK_THAT(e.what(), Catch::StartsWith("The round was not saved: the unit server socket"));
    }
    w.db.exec("SET default_transaction_read_only = off");
    CHECK(w.ward.recordRound(test::normalRound(stay), {}, nurse).saved);
    CHECK(w.db.execAndGet("SELECT count(*) FROM rounds").getInt() == 1);
}

TEST_CASE("a save on one connection reaches another's watcher, a rolled-back one does not",
          "[postgres][live]") {
    auto uri = test::PgServer::instance().freshRecord();
    auto watcher = store::watchChanges(uri);
    ServerWard w(uri);
    auto nurse = w.staff("Nurse Okafor");
    CHECK(watcher->wait(milliseconds(2000)) == store::ChangeWatcher::Event::Changed);
    CHECK(watcher->wait(milliseconds(200)) == store::ChangeWatcher::Event::Nothing);
    {
        store::Database::Transaction tx(w.db);
        w.db.exec("SELECT 1");
    } // rolled back: nobody is told
    CHECK(watcher->wait(milliseconds(300)) == store::ChangeWatcher::Event::Nothing);
    REQUIRE(w.ward.recordRound(test::normalRound(w.admit("1", nurse)), {}, nurse).saved);
    CHECK(watcher->wait(milliseconds(2000)) == store::ChangeWatcher::Event::Changed);

    while (watcher->wait(milliseconds(300)) == store::ChangeWatcher::Event::Changed) {
    } // the admission and the round: one notice each

    // The watcher's connection cut by the server: said once, then back by itself.
    test::PgServer::instance().admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE application_name = 'vigil-watch'");
    CHECK(watcher->wait(milliseconds(2000)) == store::ChangeWatcher::Event::Lost);
    auto back = store::ChangeWatcher::Event::Nothing;
    for (int i = 0; i < 5 && back == store::ChangeWatcher::Event::Nothing; ++i)
        back = watcher->wait(milliseconds(1000));
    CHECK(back == store::ChangeWatcher::Event::Back);
    REQUIRE(w.ward.recordRound(test::normalRound(w.admit("2", nurse)), {}, nurse).saved);
    CHECK(watcher->wait(milliseconds(2000)) == store::ChangeWatcher::Event::Changed);
}

TEST_CASE("the server gone while a round is typed: not saved, in words, back: saved once",
          "[postgres][live]") {
    auto& server = test::PgServer::instance();
    auto uri = server.freshRecord();
    auto name = uri.substr(std::string("postgresql:///").size());
    name = name.substr(0, name.find('?'));
    ServerWard w(uri);
    auto nurse = w.staff("Nurse Okafor");
    auto r = test::normalRound(w.admit("1", nurse));
    r.deviceKey = randomKey(); // made when the form opened

    // The server goes away (its connections cut, new ones refused) while the form is open.
    server.admin(fmt::format("ALTER DATABASE {} ALLOW_CONNECTIONS false", name));
    server.admin(fmt::format("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = '{}'",
                             name));
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            w.ward.recordRound(r, {}, nurse);
            FAIL("saved while the server was gone");
        } catch (const ward::SaveFailed& e) {
            CHECK_THAT(e.what(), Catch::StartsWith("The round was not saved: the unit server") &&
                                     Catch::Contains("cannot be reached"));
        }
    }
    // Back: Save tapped again with what was typed, and the same key, a third time for good measure.
    server.admin(fmt::format("ALTER DATABASE {} ALLOW_CONNECTIONS true", name));
    auto saved = w.ward.recordRound(r, {}, nurse);
    REQUIRE(saved.saved);
    CHECK(w.ward.recordRound(r, {}, nurse).alreadySaved);
    CHECK(w.db.execAndGet("SELECT count(*) FROM rounds").getInt() == 1);
    CHECK_FALSE(store::verifyAudit(w.db).first);
}

TEST_CASE("vigil events --follow on the server prints every event once, in order, while "
          "another connection writes, and --since resumes without duplicates",
          "[postgres][events]") {
    test::TempDir dir;
    test::followWhileWriting(test::PgServer::instance().freshRecord(), dir);
}
