// Escalation that goes on by itself (clinical-reference §5): times and roles from the rule
// file's [timing], each step recorded once whatever the number of devices running the check.
#include "core/rules/ruleset.h"
#include "store/audit.h"
#include "store/cascade.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/ward.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
struct CascadeFixture : test::WardWorld {
    EscalationId raise(StayId stay, Poss poss) {
        auto r = test::normalRound(stay);
        r.poss = poss;
        auto out = ward.recordRound(r, {}, nurse);
        REQUIRE(out.escalationsOpened.size() == 1);
        return out.escalationsOpened.front();
    }
    long rows() {
        return static_cast<long>(
            db.execAndGet("SELECT count(*) FROM escalation_cascade").getInt64());
    }
};
} // namespace

TEST_CASE_METHOD(CascadeFixture,
                 "an emergency nobody acknowledges goes to the charge nurse at 5 minutes and the "
                 "rapid response team at 10, each recorded once",
                 "[ward][cascade]") {
    auto stay = admit("1");
    auto id = raise(stay, Poss::Somnolent); // POSS 4: emergency
    auto opened = clock.now();
    clock.advance(minutes(4) + seconds(59));
    CHECK(ward.runCascade().empty());
    clock.advance(seconds(1));
    auto first = ward.runCascade();
    REQUIRE(first.size() == 1);
    CHECK(first[0].notified == rules::CascadeRole::ChargeNurse);
    CHECK(first[0].dueAt == opened + minutes(5));
    CHECK(first[0].level == rules::Level::Emergency);
    CHECK(ward.runCascade().empty()); // idempotent: the next timer tick records nothing
    auto board = ward.board();
    REQUIRE(board[0].lastCascade);
    CHECK(board[0].lastCascade->notified == rules::CascadeRole::ChargeNurse);

    // A device that was off for a while records every step now due, at its own due time.
    clock.advance(minutes(20));
    auto second = ward.runCascade();
    REQUIRE(second.size() == 1);
    CHECK(second[0].notified == rules::CascadeRole::RapidResponse);
    CHECK(second[0].dueAt == opened + minutes(10));
    CHECK(second[0].recordedAt == clock.now());
    CHECK(ward.cascadeSteps(id).size() == 2);
    CHECK(rows() == 2);
    // Audited like every row Vigil writes, and never changed afterwards.
    auto report = store::verifyAudit(db);
    CHECK_FALSE(report.first);
    CHECK_THROWS(db.exec("UPDATE escalation_cascade SET notified = 'clinician'"));
    CHECK_THROWS(db.exec("DELETE FROM escalation_cascade"));
}

TEST_CASE_METHOD(CascadeFixture, "an acknowledgement stops the cascade", "[ward][cascade]") {
    auto stay = admit("1");
    auto id = raise(stay, Poss::FrequentlyDrowsy); // POSS 3: urgent, 15 and 30 minutes
    clock.advance(minutes(16));
    auto steps = ward.runCascade();
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].level == rules::Level::Urgent);
    REQUIRE_FALSE(ward.escalationStep(id, {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}}));
    clock.advance(hours(1));
    CHECK(ward.runCascade().empty());
    CHECK(rows() == 1);
}

TEST_CASE_METHOD(CascadeFixture, "two devices running the check record each step once",
                 "[ward][cascade]") {
    auto stay = admit("1");
    auto id = raise(stay, Poss::Somnolent);
    store::Database other{db.path()};
    ward::Ward otherWard{other, clock};
    clock.advance(minutes(6));
    auto mine = ward.runCascade();
    auto theirs = otherWard.runCascade();
    CHECK(mine.size() + theirs.size() == 1);
    CHECK(rows() == 1);
    // Both read before either wrote: the record's unique key keeps the second out.
    other.setActor(0, clock.now());
    store::Database::Transaction tx(other);
    CHECK_FALSE(store::insertCascadeStep(other, {id, rules::Level::Emergency, 0,
                                                 rules::CascadeRole::ChargeNurse,
                                                 clock.now() - minutes(1), clock.now()}));
    tx.commit();
    CHECK(rows() == 1);
}

TEST_CASE_METHOD(CascadeFixture, "a rule file's cascade sets the times and roles, [] turns it off",
                 "[ward][cascade]") {
    auto text = [](const std::string& timing) {
        return "name = \"t\"\nversion = \"1\"\n[timing]\n" + timing +
               "\n[[rule]]\nid = \"p4\"\nlevel = \"emergency\"\nwhen = \"poss == 4\"\n"
               "message = \"POSS 4\"\naction = \"call\"\nsource = \"clinical-reference §5\"\n"
               "summary = \"POSS 4\"\n";
    };
    auto loaded = rules::loadRuleSet(text("cascade_emergency = [\"2m: clinician\"]\n"
                                          "cascade_urgent = []"),
                                     "t.toml");
    INFO((loaded.errors.empty() ? std::string() : loaded.errors.front().text()));
    REQUIRE(loaded.ruleSet);
    ward.setRules(loaded.ruleSet);
    auto stay = admit("1");
    raise(stay, Poss::Somnolent);
    clock.advance(minutes(2));
    auto steps = ward.runCascade();
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].notified == rules::CascadeRole::Clinician);
    clock.advance(hours(2));
    CHECK(ward.runCascade().empty());
}

TEST_CASE("a malformed cascade is refused naming the key, the value and what is accepted",
          "[core][cascade]") {
    auto errorOf = [](const std::string& timing) {
        auto loaded = rules::loadRuleSet(
            "name = \"t\"\nversion = \"1\"\n[timing]\n" + timing +
                "\n[[rule]]\nid = \"p4\"\nlevel = \"emergency\"\nwhen = \"poss == 4\"\n"
                "message = \"POSS 4\"\naction = \"call\"\nsource = \"clinical-reference §5\"\n"
                "summary = \"POSS 4\"\n",
            "t.toml");
        REQUIRE_FALSE(loaded.ruleSet);
        return loaded.errors.front().message;
    };
    auto role = errorOf("cascade_emergency = [\"5m: porter\"]");
    CHECK_THAT(role, Catch::Contains("timing.cascade_emergency \"5m: porter\"") &&
                         Catch::Contains("charge_nurse, rapid_response or clinician"));
    CHECK_THAT(errorOf("cascade_urgent = [\"0m: charge_nurse\"]"),
               Catch::Contains("duration above 0"));
    CHECK_THAT(errorOf("cascade_urgent = [\"10m: charge_nurse\", \"5m: clinician\"]"),
               Catch::Contains("not later than the step before it"));
    CHECK_THAT(errorOf("cascade_urgent = \"5m: charge_nurse\""), Catch::Contains("must be a list"));
    CHECK_THAT(errorOf("cascade_urgent = [5]"), Catch::Contains("text in quotes"));
}
