#include "core/news2.h"
#include "store/database.h"
#include "store/rounds.h"
#include "store/staff.h"
#include "store/stays.h"
#include "store/change_watcher.h"
#include "support/pg_server.h"
#include "support/temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
struct Fixture {
    test::TempDir dir;
    store::Database db{recordIn(dir)};
    TimePoint now = sys_days{2026y / 11 / 22} + hours(9);
    StaffId nurse = store::insertStaff(db, "Nurse Okafor", store::Role::Nurse, now);
    StayId stay = [&] {
        Stay s;
        s.bed = "4";
        s.name = "Ada Lovelace";
        s.mrn = "D0000001";
        s.since = now - hours(3);
        s.drugs = {Drug::Morphine, Drug::Bupivacaine};
        s.risks = {RiskFactor::SleepApnoea};
        s.admittedAt = now;
        s.admittedBy = nurse;
        return store::insertStay(db, s);
    }();
    RoundId round = [&] {
        ObservationRound r;
        r.stay = stay;
        r.takenAt = now;
        r.recordedBy = nurse;
        r.rr = 14;
        r.acvpu = Acvpu::Alert;
        r.onOxygen = false;
        r.bleeding = Bleeding::Ooze;
        r.rash = true; // schema 8's column
        return store::insertRound(db, r, news2::score(r), {"rr"}, now);
    }();
};
} // namespace

TEST_CASE_METHOD(Fixture, "a stored round reads back field for field, missing stays missing",
                 "[store]") {
    auto r = store::findRound(db, round);
    REQUIRE(r);
    CHECK(r->stay == stay);
    CHECK(r->takenAt == now);
    CHECK(*r->rr == 14);
    CHECK(r->acvpu == Acvpu::Alert);
    CHECK(r->onOxygen == false);
    CHECK(r->bleeding == Bleeding::Ooze);
    CHECK_FALSE(r->spo2.has_value());
    CHECK_FALSE(r->temp.has_value());
    CHECK_FALSE(r->newWeakness.has_value());
    CHECK(r->rash == true);
    auto s = store::findStay(db, stay);
    REQUIRE(s);
    CHECK(s->drugs == std::vector<Drug>{Drug::Morphine, Drug::Bupivacaine});
    CHECK(s->risks == std::vector<RiskFactor>{RiskFactor::SleepApnoea});
    CHECK(s->since == now - hours(3));
}

TEST_CASE_METHOD(Fixture, "UPDATE or DELETE on a clinical row fails", "[store]") {
    auto statement = GENERATE(as<std::string>{}, "UPDATE rounds SET rr = 30", "DELETE FROM rounds",
                              "UPDATE stays SET name = 'x'", "DELETE FROM stays");
    CAPTURE(statement);
    CHECK_THROWS_WITH(db.exec(statement), Catch::Contains("never"));
    CHECK(*store::findRound(db, round)->rr == 14);
}

TEST_CASE_METHOD(Fixture, "amendments and discharges are insert-only too", "[store]") {
    Amendment a{0, round, Amendment::Kind::Corrected, "rr", "16", "recounted", nurse, now};
    store::insertAmendment(db, a);
    store::insertDischarge(db, stay, now + hours(1), nurse);
    CHECK_THROWS_WITH(db.exec("UPDATE amendments SET value = '99'"),
                      Catch::Contains("never"));
    CHECK_THROWS_WITH(db.exec("DELETE FROM amendments"), Catch::Contains("never"));
    CHECK_THROWS_WITH(db.exec("DELETE FROM discharges"), Catch::Contains("never"));
    auto list = store::amendmentsForStay(db, stay);
    REQUIRE(list.size() == 1);
    CHECK(list[0].value == "16");
    CHECK(store::openStays(db).empty());
}

TEST_CASE_METHOD(Fixture, "the schema refuses what the code must never write", "[store]") {
    CHECK_THROWS(db.exec("INSERT INTO rounds (stay_id, taken_at, recorded_at, recorded_by, "
                               "spo2_scale, news2_total, news2_band, news2_complete) VALUES "
                               "(9999, 'x', 'x', 1, 1, 0, 'low', 0)")); // no such stay
    CHECK_THROWS(
        db.exec("INSERT INTO amendments (round_id, kind, reason, amended_by, amended_at) "
                      "VALUES (1, 'corrected', 'r', 1, 'x')")); // correction without field
}

TEST_CASE("another process's save on the same file reaches this one's watcher", "[store][sqlite][live]") {
    test::TempDir dir;
    auto path = dir.file("vigil.db");
    { store::Database create(path); }
    auto watcher = store::watchChanges(path);
    CHECK(watcher->wait(std::chrono::milliseconds(300)) == store::ChangeWatcher::Event::Nothing);
    store::Database other(path);
    other.exec("BEGIN IMMEDIATE; INSERT INTO staff (name, role, created_at) VALUES "
               "('Nurse Okafor', 'nurse', '2026-11-22T09:00:00Z'); COMMIT");
    CHECK(watcher->wait(std::chrono::milliseconds(2000)) == store::ChangeWatcher::Event::Changed);
    CHECK(watcher->wait(std::chrono::milliseconds(300)) == store::ChangeWatcher::Event::Nothing);
}
