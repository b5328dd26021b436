// Issue 10: a failure is a message naming the file and what to do, never a crash and never a
// half-saved round; a bed or an MRN already on the unit cannot be admitted again.
#include "store/audit.h"
#include "support/rounds.h"
#include "support/ward_world.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>

using namespace vigil;

TEST_CASE_METHOD(test::WardWorld, "an occupied bed is refused, naming who is there",
                 "[ward][hardening]") {
    admit("3");
    Stay again;
    again.bed = "3";
    again.name = "Someone Else";
    again.mrn = "D9999";
    again.since = clock.now();
    auto out = ward.admit(again, nurse);
    CHECK_FALSE(out.admitted);
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems[0].field == "bed");
    CHECK_THAT(out.problems[0].message,
               Catch::StartsWith("Bed 3 is occupied by Patient 3 (MRN D3)"));
    CHECK(store::openStays(db).size() == 1);
}

TEST_CASE_METHOD(test::WardWorld, "an MRN already on the unit is refused, naming the bed",
                 "[ward][hardening]") {
    auto first = admit("3");
    Stay again;
    again.bed = "4";
    again.name = "Patient 3";
    again.mrn = "D3";
    again.since = clock.now();
    auto out = ward.admit(again, nurse);
    CHECK_FALSE(out.admitted);
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems[0].field == "mrn");
    CHECK_THAT(out.problems[0].message, Catch::Contains("MRN D3 is already on the unit"));
    CHECK_THAT(out.problems[0].message, Catch::Contains("in bed 3"));
    // Once discharged, the same patient may come back, to the same bed.
    ward.discharge(first, nurse);
    again.bed = "3";
    CHECK(ward.admit(again, nurse).admitted);
}

TEST_CASE_METHOD(test::WardWorld,
                 "a full disk says so, saves nothing, and the round can be saved "
                 "once there is room",
                 "[ward][hardening][sqlite]") {
    auto stay = admit("1");
    auto pages = db.execAndGet("PRAGMA page_count").getInt();
    auto rounds = db.execAndGet("SELECT count(*) FROM rounds").getInt();
    // The file may not grow by a single page: as a full disk would refuse it.
    db.exec(fmt::format("PRAGMA max_page_count = {}", pages));
    auto r = test::normalRound(stay);
    r.rr = 8; // a round that also raises flags and opens an escalation: all or nothing
    std::string message;
    for (int i = 0; i < 200 && message.empty(); ++i) {
        try {
            ward.recordRound(r, {}, nurse);
            ++rounds;
        } catch (const ward::SaveFailed& e) {
            message = e.what();
        }
    }
    REQUIRE_FALSE(message.empty());
    CHECK_THAT(message, Catch::StartsWith("The round was not saved: "));
    CHECK_THAT(message, Catch::Contains("the disk is full"));
    CHECK_THAT(message, Catch::Contains(db.path()));
    CHECK(db.execAndGet("SELECT count(*) FROM rounds").getInt() == rounds);
    CHECK_FALSE(store::verifyAudit(db).first);
    db.exec("PRAGMA max_page_count = 1073741823");
    CHECK(ward.recordRound(r, {}, nurse).saved);
}

TEST_CASE_METHOD(test::WardWorld, "a read-only record refuses a save with words, not a crash",
                 "[ward][hardening][sqlite]") {
    auto stay = admit("1");
    db.exec("PRAGMA query_only = 1");
    try {
        ward.recordRound(test::normalRound(stay), {}, nurse);
        FAIL("saved on a read-only record");
    } catch (const ward::SaveFailed& e) {
        CHECK_THAT(e.what(), Catch::Contains(db.path() + " is read-only here: nothing was saved"));
    }
    db.exec("PRAGMA query_only = 0");
    CHECK(ward.recordRound(test::normalRound(stay), {}, nurse).saved);
}

TEST_CASE("a missing folder and a newer file are named, and nothing is created",
          "[store][hardening]") {
    CHECK_THROWS_WITH(store::Database("/no/such/folder/w.db"),
                      Catch::Contains("the folder /no/such/folder does not exist"));
    test::TempDir dir;
    CHECK_THROWS_AS(
        store::Database(dir.file("absent.db"), store::Durability::Full, store::Access::ReadOnly),
        store::NoSuchDatabase);
    CHECK_FALSE(std::filesystem::exists(dir.file("absent.db")));
    CHECK_THROWS_WITH(store::Database(dir.path().string()), Catch::Contains("is a folder"));
}

TEST_CASE_METHOD(test::WardWorld,
                 "staff names take no hidden characters, and case or spacing "
                 "does not make another person",
                 "[ward][hardening]") {
    ward.setPinCost(PinCost::Minimum);
    auto admin = ward.addFirstAdmin("Admin Mensah", "2468");
    REQUIRE(admin.added);
    for (std::string forged : {std::string("Evil\nX\tadmin"), std::string("A\x1b[2JB"),
                               std::string("Nurse \u202eevil")}) {
        auto out = ward.addStaff(forged, Role::Nurse, "1357", *admin.added);
        CHECK_FALSE(out.added);
        REQUIRE(out.problem);
        CHECK_THAT(*out.problem, Catch::StartsWith("Name: it has"));
    }
    REQUIRE(ward.addStaff("Same Name", Role::Nurse, "1357", *admin.added).added);
    auto twin = ward.addStaff("same   NAME", Role::Nurse, "1357", *admin.added);
    CHECK_FALSE(twin.added);
    REQUIRE(twin.problem);
    CHECK_THAT(*twin.problem, Catch::Contains("already on the staff list as \"Same Name\""));
}

TEST_CASE_METHOD(test::WardWorld,
                 "beds named with letters sort with the numbered ones, on both engines", "[ward]") {
    // CAST('Bay A' AS INTEGER) was 0 on SQLite and an error on the server: the board went empty.
    for (auto bed : {"10", "2", "Bay A", "1"})
        admit(bed);
    std::vector<std::string> order;
    for (auto& b : ward.board())
        order.push_back(b.stay.bed);
    CHECK(order == std::vector<std::string>{"Bay A", "1", "2", "10"});
}
