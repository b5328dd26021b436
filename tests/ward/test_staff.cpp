// Issue 6: staff, PINs, the sign-in lockout and roles enforced in the ward, not in the screens.
#include "store/audit.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <catch2/catch.hpp>
#include <fstream>

using namespace vigil;
using namespace std::chrono;

namespace {
struct StaffFixture : test::WardWorld {
    StaffFixture() { ward.setPinCost(PinCost::Minimum); }
    StaffId admin() {
        auto out = ward.addFirstAdmin("Admin Mensah", "9753");
        REQUIRE(out.added);
        return *out.added;
    }
    int count(const char* table) {
        return db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
    }
};
} // namespace

TEST_CASE_METHOD(StaffFixture, "the first start asks for one admin, and only once",
                 "[ward][staff]") {
    CHECK(ward.needsFirstAdmin()); // the fixture's nurses have no PIN: nobody can sign in yet
    CHECK(*ward.addFirstAdmin("  ", "9753").problem == "Name: type the admin's full name");
    CHECK(*ward.addFirstAdmin("Admin Mensah", "97a3").problem == "PIN: digits 0-9 only");
    CHECK(*ward.addFirstAdmin("Admin Mensah", "975").problem ==
          "PIN has 3 digits: it needs 4 to 8 digits");
    CHECK(count("staff_pins") == 0);

    StaffId a = admin();
    CHECK_FALSE(ward.needsFirstAdmin());
    CHECK_THAT(*ward.addFirstAdmin("Someone Else", "1234").problem,
               Catch::Contains("already an admin"));
    CHECK(ward.signIn(a, "9753").signedIn->role == Role::Admin);
}

TEST_CASE_METHOD(StaffFixture, "a PIN is stored only as an Argon2id hash", "[ward][staff]") {
    StaffId a = admin();
    auto nurse2 = ward.addStaff("Nurse Lindgren", Role::Nurse, "24681357", a);
    REQUIRE(nurse2.added);
    for (auto& row : {test::joined(db, "SELECT pin_hash FROM staff_pins", " ")}) {
        CHECK_THAT(row, Catch::StartsWith("$argon2id$"));
        CHECK_THAT(row, !Catch::Contains("24681357") && !Catch::Contains("9753"));
    }
    CHECK_THAT(*ward.addStaff("Nurse Lindgren", Role::Nurse, "1111", a).problem,
               Catch::Contains("already on the staff list"));
}

TEST_CASE_METHOD(StaffFixture, "five wrong PINs lock the account for five minutes, across restarts",
                 "[ward][staff][lockout]") {
    StaffId a = admin();
    StaffId n = *ward.addStaff("Nurse Lindgren", Role::Nurse, "2468", a).added;

    auto first = ward.signIn(n, "1111");
    CHECK_FALSE(first.signedIn);
    CHECK(first.message == "Wrong PIN. 4 more tries before a 5-minute lock.");
    for (int i = 0; i < 3; ++i)
        ward.signIn(n, "1111");
    auto fifth = ward.signIn(n, "1111");
    CHECK_FALSE(fifth.signedIn);
    REQUIRE(fifth.lockedUntil);
    CHECK(*fifth.lockedUntil == clock.now() + minutes(5));

    // The right PIN is refused while locked, and the lock outlives the app.
    ward::Ward restarted(db, clock);
    clock.advance(minutes(4));
    auto locked = restarted.signIn(n, "2468");
    CHECK_FALSE(locked.signedIn);
    CHECK_THAT(locked.message, Catch::StartsWith("Locked after 5 wrong PINs until"));

    // Other accounts are not locked.
    CHECK(ward.signIn(a, "9753").signedIn);

    clock.advance(minutes(1));
    CHECK(restarted.signIn(n, "2468").signedIn);
    // A correct PIN resets the count: the next wrong one has four tries behind it again.
    CHECK(ward.signIn(n, "0000").message == "Wrong PIN. 4 more tries before a 5-minute lock.");
    auto outcomes = test::joined(
        db, "SELECT outcome FROM sign_ins WHERE staff_id = " + std::to_string(n) + " ORDER BY id",
        ",");
    CHECK(outcomes == "wrong_pin,wrong_pin,wrong_pin,wrong_pin,wrong_pin,refused_locked,"
                      "signed_in,wrong_pin");
}

TEST_CASE("the lock counts only wrong PINs in a row, and refused attempts do not extend it",
          "[core][staff][lockout]") {
    using O = SignInAttempt::Outcome;
    TimePoint t0 = sys_days{November / 22 / 2026} + hours(7);
    std::vector<SignInAttempt> a;
    for (int i = 0; i < 4; ++i)
        a.push_back({t0 + minutes(i), O::WrongPin});
    a.push_back({t0 + minutes(4), O::SignedIn});
    a.push_back({t0 + minutes(5), O::WrongPin});
    CHECK(lockState(a, t0 + minutes(6)).triesLeft == 4);
    CHECK_FALSE(lockState(a, t0 + minutes(6)).lockedUntil);
    for (int i = 6; i < 10; ++i)
        a.push_back({t0 + minutes(i), O::WrongPin});
    CHECK(lockState(a, t0 + minutes(10)).lockedUntil == t0 + minutes(14));
    a.push_back({t0 + minutes(12), O::RefusedLocked});
    CHECK(lockState(a, t0 + minutes(13)).lockedUntil == t0 + minutes(14));
    CHECK_FALSE(lockState(a, t0 + minutes(14)).lockedUntil);
    CHECK(lockState(a, t0 + minutes(14)).triesLeft == 5);
}

TEST_CASE_METHOD(StaffFixture, "roles are enforced in the ward, whatever the screen shows",
                 "[ward][staff][roles]") {
    StaffId a = admin();
    auto stay = admit("1");
    auto r = test::normalRound(stay);
    r.poss = Poss::FrequentlyDrowsy;
    auto out = ward.recordRound(r, {}, nurse);
    REQUIRE(out.escalationsOpened.size() == 1);
    EscalationId e = out.escalationsOpened[0];
    REQUIRE_FALSE(ward.escalationStep(e, {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}}));
    REQUIRE_FALSE(ward.escalationStep(
        e, {StepKind::Inform, {}, nurse, "Dr Mensah", "anaesthetist", "bleep", {}, {}}));
    REQUIRE_FALSE(
        ward.escalationStep(e, {StepKind::Respond, {}, nurse, {}, {}, {}, "seen; plan made", {}}));

    auto steps = count("escalation_steps");
    EscalationStep resolve{StepKind::Resolve, {}, nurse, {}, {}, {}, {}, "POSS 2 on review"};
    CHECK_THROWS_WITH(ward.escalationStep(e, resolve),
                      "Nurse Okafor (nurse) may not resolve or decline an escalation: that needs "
                      "charge nurse or above");
    CHECK(count("escalation_steps") == steps); // nothing saved
    resolve.by = charge;
    CHECK_FALSE(ward.escalationStep(e, resolve));

    PatientLimit limit{};
    limit.stay = stay;
    limit.field = "spo2";
    limit.low = 88;
    limit.clinician = "Dr Mensah";
    limit.reason = "COPD";
    limit.expires = clock.now() + hours(4);
    CHECK_THROWS_AS(ward.setPatientLimit(limit, nurse), ward::NotAllowed);
    CHECK_FALSE(ward.setPatientLimit(limit, charge));

    CHECK_THROWS_WITH(ward.addStaff("Nurse Patel", Role::Nurse, "1357", charge),
                      Catch::Contains("may not manage staff: that needs admin"));
    CHECK(ward.addStaff("Nurse Patel", Role::Nurse, "1357", a).added);
    CHECK_THROWS_AS(ward.chooseRules("/nowhere.toml", nurse), ward::NotAllowed);
    CHECK_THROWS_AS(ward.setPin(a, "0000", charge), ward::NotAllowed);

    // Nobody signed in (staff 0) or an id that is not staff: nothing is saved.
    auto rounds = count("rounds");
    CHECK_THROWS_WITH(ward.recordRound(test::normalRound(stay), {}, 0),
                      Catch::StartsWith("Nobody is signed in"));
    CHECK_THROWS_AS(ward.recordRound(test::normalRound(stay), {}, 4242), ward::NotAllowed);
    CHECK(count("rounds") == rounds);
}

TEST_CASE_METHOD(StaffFixture, "an admin chooses the rule set, a broken file changes nothing",
                 "[ward][staff][rules]") {
    StaffId a = admin();
    auto good = dir.file("ours.toml");
    std::ofstream(good) << "name = \"ours\"\nversion = \"2\"\n\n"
                           "[[rule]]\nid = \"slow-rr\"\nlevel = \"urgent\"\nwhen = \"rr <= 9\"\n"
                           "message = \"RR {rr}\"\naction = \"Call\"\nsource = \"local: test\"\n"
                           "summary = \"RR 9/min or less\"\n";
    auto bad = dir.file("broken.toml");
    std::ofstream(bad) << "name = \"broken\"\n[[rule]]\nid = \"x\"\nwhen = \"rr <<\"\n";

    auto refused = ward.chooseRules(bad, a);
    REQUIRE(refused);
    CHECK_THAT(*refused, Catch::StartsWith("Rule file refused: " + bad + ":"));
    CHECK(ward.rules().name == "intrathecal-recovery");
    CHECK_FALSE(ward.ruleChoice());

    auto ok = ward.chooseRules(good, a);
    INFO(ok.value_or(""));
    REQUIRE_FALSE(ok);
    CHECK(ward.rules().name == "ours");
    REQUIRE(ward.ruleChoice());
    CHECK(ward.ruleChoice()->path == good);
    CHECK(ward.ruleChoice()->by == a);
    CHECK(store::verifyAudit(db).first == std::nullopt);
}

TEST_CASE_METHOD(StaffFixture, "the audit record names staff by number and holds no patient names",
                 "[ward][staff][audit]") {
    StaffId a = admin();
    REQUIRE(ward.signIn(a, "9753").signedIn);
    auto stay = admit("3");
    REQUIRE(ward.recordRound(test::normalRound(stay), {}, nurse).saved);
    ward.signOut(a, true);
    auto audit = db.prepared("SELECT * FROM audit");
    auto& q = *audit;
    int rows = 0;
    while (q.executeStep()) {
        ++rows;
        for (int i = 0; i < q.getColumnCount(); ++i) {
            auto v = q.getColumn(i).getString();
            CHECK_THAT(v, !Catch::Contains("Patient 3") && !Catch::Contains("D3") &&
                              !Catch::Contains("Mensah") && !Catch::Contains("Okafor"));
        }
    }
    CHECK(rows >= 6);
    CHECK(store::verifyAudit(db).first == std::nullopt);
}
