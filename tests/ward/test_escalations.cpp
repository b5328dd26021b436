#include "store/audit.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
struct EscalationFixture : test::WardWorld {
    ward::RoundOutcome record(StayId stay, double rr, Poss poss = Poss::Awake) {
        auto r = test::normalRound(stay);
        r.rr = rr;
        r.poss = poss;
        return ward.recordRound(r, {}, nurse);
    }
    const ward::BedView& bed(const std::vector<ward::BedView>& board, StayId stay) {
        for (auto& b : board)
            if (b.stay.id == stay) return b;
        FAIL("no such bed");
        return board.front();
    }
};
} // namespace

TEST_CASE_METHOD(EscalationFixture,
                 "an urgent flag opens an escalation with its SBAR, stored with the round",
                 "[ward][escalation]") {
    auto stay = admit("1");
    auto out = record(stay, 14, Poss::FrequentlyDrowsy);
    REQUIRE(out.escalationsOpened.size() == 1);
    auto e = ward.escalation(out.escalationsOpened[0]);
    REQUIRE(e);
    CHECK(e->rule == "poss-3");
    CHECK(e->level() == rules::Level::Urgent);
    CHECK(e->state() == EscalationState::Raised);
    CHECK_THAT(e->sbar, Catch::StartsWith("S: Bed 1, Patient 1 (MRN D1): POSS 3") &&
                            Catch::Contains("\nB: Implant 2 h ago; pump: Morphine") &&
                            Catch::Contains("\nA: NEWS2 0 (low); RR 14") &&
                            Catch::Contains("\nR: Monitor breathing"));

    SECTION("the same flag raised again does not open a second one") {
        clock.advance(hours(2));
        auto again = record(stay, 14, Poss::FrequentlyDrowsy);
        CHECK(again.escalationsOpened.empty());
    }
    SECTION("acknowledge, inform, respond, resolve: each step attributed and timed") {
        clock.advance(minutes(3));
        REQUIRE_FALSE(
            ward.escalationStep(e->id, {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}}));
        clock.advance(minutes(2));
        CHECK_THAT(*ward.escalationStep(
                       e->id, {StepKind::Inform, {}, nurse, "", "anaesthetist", "bleep", {}, {}}),
                   Catch::Contains("Name the clinician"));
        REQUIRE_FALSE(ward.escalationStep(
            e->id, {StepKind::Inform, {}, nurse, "Dr Mensah", "anaesthetist", "bleep", {}, {}}));
        REQUIRE_FALSE(ward.escalationStep(
            e->id, {StepKind::Respond, {}, nurse, {}, {}, {}, "reduce the basal rate", {}}));
        REQUIRE_FALSE(ward.escalationStep(
            e->id, {StepKind::Resolve, {}, charge, {}, {}, {}, {}, "POSS 2 after review"}));
        auto done = ward.escalation(e->id);
        CHECK(done->state() == EscalationState::Resolved);
        REQUIRE(done->steps.size() == 4);
        CHECK(done->steps[0].at == e->raisedAt + minutes(3));
        CHECK(done->steps[1].clinicianName == "Dr Mensah");
        CHECK(done->steps[1].by == nurse);
        CHECK_THROWS(db.exec("UPDATE escalation_steps SET by = 99"));
        CHECK(ward.escalationStep(e->id, {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}})
                  .has_value());
    }
}

TEST_CASE_METHOD(EscalationFixture,
                 "a higher flag raises the open escalation (a step) instead of opening another",
                 "[ward][escalation]") {
    auto stay = admit("1");
    auto urgent = record(stay, 14, Poss::FrequentlyDrowsy).escalationsOpened.at(0);
    REQUIRE_FALSE(
        ward.escalationStep(urgent, {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}}));
    clock.advance(minutes(20));
    auto out = record(stay, 14, Poss::Somnolent);
    CHECK(out.escalationsOpened.empty());
    CHECK(out.escalationRaised == urgent);
    auto e = ward.escalation(urgent);
    CHECK(e->level() == rules::Level::Emergency);
    CHECK(e->state() == EscalationState::Raised); // the new level needs a new acknowledgement
    REQUIRE(e->steps.size() == 2);
    CHECK(e->steps[1].kind == StepKind::Raise);
    CHECK(e->steps[1].by == nurse);
    CHECK_THAT(e->steps[1].reason, Catch::Contains("raised to emergency by poss-4"));
    CHECK_THAT(e->currentSbar(), Catch::Contains("POSS 4") && Catch::Contains("(emergency)"));
    CHECK(e->holds("poss-3"));
    CHECK(e->holds("poss-4"));
    CHECK(ward.board()[0].openEscalations.size() == 1);
    CHECK(ward.escalationStep(urgent, {StepKind::Raise, {}, nurse, {}, {}, {}, {}, "by hand"})
              .value_or("") == "An escalation is raised by a round's flags, not by hand");
    // The emergency is acknowledged again (the record keeps one acknowledgement per level), and
    // only once.
    REQUIRE_FALSE(
        ward.escalationStep(urgent, {StepKind::Acknowledge, {}, charge, {}, {}, {}, {}, {}}));
    CHECK(ward.escalation(urgent)->state() == EscalationState::Acknowledged);
    CHECK_THAT(ward.escalationStep(urgent, {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}})
                   .value_or(""),
               Catch::StartsWith("Already acknowledged by Charge nurse Adeyemi at"));
    CHECK(db.execAndGet("SELECT count(*) FROM escalation_steps WHERE kind = 'acknowledge'")
              .getInt() == 2);
    CHECK_FALSE(store::verifyAudit(db).first);
}

TEST_CASE_METHOD(EscalationFixture, "acknowledgement overdue puts the bed first on the board",
                 "[ward][escalation]") {
    auto calm = admit("1");
    auto sleepy = admit("2");
    record(calm, 14);
    record(sleepy, 14, Poss::FrequentlyDrowsy);
    auto board = ward.board();
    CHECK_FALSE(bed(board, sleepy).acknowledgementOverdue);
    clock.advance(minutes(16));
    board = ward.board();
    CHECK(board[0].stay.id == sleepy);
    CHECK(board[0].acknowledgementOverdue);
    CHECK(board[0].topEscalation(clock.now(), ward.acknowledgeWithin())->rule == "poss-3");
    REQUIRE_FALSE(ward.escalationStep(board[0].openEscalations[0].id,
                                      {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}}));
    CHECK_FALSE(bed(ward.board(), sleepy).acknowledgementOverdue);
}

TEST_CASE_METHOD(EscalationFixture,
                 "each bed shows when its next round is due, and by how much it is overdue",
                 "[ward][schedule]") {
    auto stay = admit("1");
    auto board = ward.board();
    CHECK(board[0].due.at == clock.now()); // first round on arrival
    record(stay, 14);
    auto taken = clock.now();
    clock.advance(minutes(90));
    board = ward.board();
    CHECK(board[0].due.at == taken + hours(1)); // 2 h after the fill: hourly
    CHECK(board[0].overdueMinutes == 30);
    REQUIRE_FALSE(ward.recordMissedRound(stay, "away at X-ray", nurse));
    board = ward.board();
    CHECK(board[0].missed->reason == "away at X-ray");
    CHECK(board[0].overdueMinutes == 30); // a missed round is still due
    CHECK(ward.recordMissedRound(stay, " ", nurse).has_value());
}

TEST_CASE_METHOD(EscalationFixture,
                 "a patient limit moves a rule's threshold, says so, and expires",
                 "[ward][limits]") {
    auto stay = admit("1");
    auto onOxygen = [&](double spo2) {
        auto r = test::normalRound(stay);
        r.onOxygen = true;
        r.o2Flow = 2;
        r.spo2 = spo2;
        auto out = ward.recordRound(r, {}, nurse);
        auto it = std::find_if(out.flags.begin(), out.flags.end(),
                               [](auto& f) { return f.rule == "spo2-low-despite-oxygen"; });
        return it == out.flags.end() ? std::optional<rules::Flag>() : std::optional(*it);
    };
    CHECK(onOxygen(90)); // the population threshold: SpO2 <= 91 on oxygen

    PatientLimit limit;
    limit.stay = stay;
    limit.field = "spo2";
    limit.low = 88;
    limit.clinician = "Dr Mensah";
    limit.reason = "COPD, usual SpO2 88-92";
    limit.expires = clock.now() + hours(12);
    CHECK_THAT(*ward.setPatientLimit(
                   [&] {
                       auto l = limit;
                       l.reason = "";
                       return l;
                   }(),
                   charge),
               Catch::Contains("clinical reason"));
    CHECK_THAT(*ward.setPatientLimit(
                   [&] {
                       auto l = limit;
                       l.field = "mood";
                       return l;
                   }(),
                   charge),
               Catch::Contains("not a measured value"));
    REQUIRE_FALSE(ward.setPatientLimit(limit, charge));

    clock.advance(minutes(30));
    CHECK_FALSE(onOxygen(90)); // within this patient's accepted range
    clock.advance(minutes(30));
    auto flag = onOxygen(87);
    REQUIRE(flag);
    REQUIRE(flag->because.size() == 3);
    CHECK_THAT(flag->because[2], Catch::Contains("spo2 87 < 88 instead of <= 91") &&
                                     Catch::Contains("patient limit by Dr Mensah"));
    CHECK(ward.board()[0].limits.size() == 1);

    clock.advance(hours(12));
    CHECK(onOxygen(90)); // expired
    CHECK(ward.board()[0].limits.empty());
}
