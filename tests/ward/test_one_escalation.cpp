// Issue 11 in the ward: one event, one escalation; rounds that tighten while it is open; the
// clinician's observation frequency. Real SQLite file, a clock moved by hand.
#include "core/hash.h"
#include "core/timefmt.h"
#include "store/audit.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
struct World : test::WardWorld {
    EscalationStep step(StepKind k, StaffId by) {
        EscalationStep s;
        s.kind = k;
        s.by = by;
        s.clinicianName = "Dr Mensah";
        s.clinicianRole = "Anaesthetist";
        s.method = "bleep";
        s.instructions = "naloxone given; observations every 15 min";
        s.reason = "RR 14, POSS 1 after naloxone";
        return s;
    }
    ward::RoundOutcome rr8AndPoss3(StayId stay) {
        auto r = test::normalRound(stay);
        r.rr = 8;
        r.poss = Poss::FrequentlyDrowsy;
        return ward.recordRound(r, {}, nurse);
    }
    ward::RoundOutcome normal(StayId stay) {
        return ward.recordRound(test::normalRound(stay), {}, nurse);
    }
    StayId admitSince(const std::string& bed, hours ago) {
        Stay s;
        s.bed = bed, s.name = "Patient " + bed, s.mrn = "D" + bed;
        s.since = clock.now() - ago;
        s.drugs = {Drug::Morphine};
        return *ward.admit(s, nurse).admitted;
    }
};
} // namespace

TEST_CASE_METHOD(World, "RR 8 and POSS 3 in one round: one escalation, every flag, one clock",
                 "[ward][escalation]") {
    auto stay = admit("1");
    auto out = rr8AndPoss3(stay);
    REQUIRE(out.escalationsOpened.size() == 1);
    auto e = *ward.escalation(out.escalationsOpened[0]);
    CHECK(e.level() == rules::Level::Emergency);
    CHECK(e.rule == "rr-8-or-below");
    std::vector<std::string> held;
    for (auto& f : e.flags)
        held.push_back(f.rule);
    // Highest first, then in the rule file's order.
    CHECK(held == std::vector<std::string>{"rr-8-or-below", "poss-3", "news2-single-parameter-3"});
    CHECK_THAT(e.sbar, Catch::Contains("Respiration rate 8/min (emergency); also") &&
                           Catch::Contains("POSS 3: frequently drowsy") &&
                           Catch::Contains("stimulate, oxygen") &&
                           Catch::Contains("deep breaths every 15-30 min"));
    CHECK(db.execAndGet("SELECT count(*) FROM escalations").getInt() == 1);

    // The nurse acknowledges the one thing she sees; fifteen minutes later nothing else waits.
    clock.advance(minutes(2));
    REQUIRE_FALSE(ward.escalationStep(e.id, step(StepKind::Acknowledge, nurse)));
    clock.advance(minutes(15));
    auto bed = ward.board()[0];
    CHECK(bed.openEscalations.size() == 1);
    CHECK_FALSE(bed.acknowledgementOverdue);

    SECTION("a later round with only the same flags adds none") {
        auto again = rr8AndPoss3(stay);
        CHECK(again.escalationsOpened.empty());
        CHECK_FALSE(again.escalationRaised);
        CHECK(ward.escalation(e.id)->state() == EscalationState::Acknowledged);
        CHECK(db.execAndGet("SELECT count(*) FROM escalations").getInt() == 1);
    }
    SECTION("the charge nurse closes one escalation, not three") {
        REQUIRE_FALSE(ward.escalationStep(e.id, step(StepKind::Inform, nurse)));
        REQUIRE_FALSE(ward.escalationStep(e.id, step(StepKind::Resolve, charge)));
        CHECK(ward.board()[0].openEscalations.empty());
    }
    CHECK_FALSE(store::verifyAudit(db).first); // flags and steps are in the chain
}

TEST_CASE_METHOD(World, "a new lower flag joins the open escalation without a new acknowledgement",
                 "[ward][escalation]") {
    auto stay = admit("1");
    auto id = rr8AndPoss3(stay).escalationsOpened.at(0);
    REQUIRE_FALSE(ward.escalationStep(id, step(StepKind::Acknowledge, nurse)));
    clock.advance(minutes(15));
    auto r = test::normalRound(stay);
    r.rr = 8;
    r.woundLeak = true;
    auto out = ward.recordRound(r, {}, nurse);
    CHECK(out.escalationsOpened.empty());
    auto e = ward.escalation(id);
    CHECK(e->holds("clear-fluid-at-wound"));
    CHECK(e->state() == EscalationState::Acknowledged);
    CHECK(e->level() == rules::Level::Emergency);
}

TEST_CASE_METHOD(World, "while an emergency is open rounds are due every 15 min, until resolved",
                 "[ward][schedule]") {
    auto stay = admit("1"); // 2 h after the implant: hourly by the protocol
    auto id = rr8AndPoss3(stay).escalationsOpened.at(0);
    auto taken = clock.now();
    auto bed = ward.board()[0];
    CHECK(bed.due.at == taken + minutes(15));
    CHECK(bed.due.why == "emergency escalation open: every 15 min");
    clock.advance(minutes(20));
    CHECK(ward.board()[0].overdueMinutes == 5);

    auto calm = normal(stay); // RR 14: rr-8 clears, but the escalation is open until resolved
    CHECK(ward.board()[0].due.at == clock.now() + minutes(15));
    REQUIRE_FALSE(ward.escalationStep(id, step(StepKind::Acknowledge, nurse)));
    REQUIRE_FALSE(ward.escalationStep(id, step(StepKind::Inform, nurse)));
    REQUIRE_FALSE(ward.escalationStep(id, step(StepKind::Resolve, charge)));
    bed = ward.board()[0];
    CHECK(bed.due.at == calm.round.takenAt + hours(1)); // back to the protocol
}

TEST_CASE_METHOD(World, "while an urgent escalation is open rounds are hourly, even at 30 h",
                 "[ward][schedule]") {
    auto stay = admitSince("1", hours(30)); // 4-hourly by the protocol
    normal(stay);
    CHECK(ward.board()[0].due.interval == hours(4));
    clock.advance(hours(1));
    auto r = test::normalRound(stay);
    r.poss = Poss::FrequentlyDrowsy;
    auto id = ward.recordRound(r, {}, nurse).escalationsOpened.at(0);
    CHECK(ward.board()[0].due.at == clock.now() + hours(1));
    CHECK(ward.board()[0].due.why == "urgent escalation open: hourly");
    REQUIRE_FALSE(ward.escalationStep(id, step(StepKind::Acknowledge, nurse)));
    REQUIRE_FALSE(ward.escalationStep(id, step(StepKind::Decline, charge)));
    CHECK(ward.board()[0].due.interval == hours(4));
}

TEST_CASE_METHOD(World,
                 "a clinician's frequency: stricter from any nurse, looser with name and "
                 "reason from the charge nurse, shown on the board and the handoff sheet",
                 "[ward][schedule]") {
    auto stay = admitSince("1", hours(30));
    normal(stay);
    auto taken = clock.now();
    ObservationFrequency f;
    f.stay = stay;
    f.every = minutes(30);
    f.expires = clock.now() + hours(4);
    REQUIRE_FALSE(ward.setObservationFrequency(f, nurse)); // stricter: no name needed
    auto bed = ward.board()[0];
    REQUIRE(bed.frequency);
    CHECK(bed.due.at == taken + minutes(30));
    CHECK_THAT(bed.due.why, Catch::StartsWith("clinician: every 30 min"));

    f.every = hours(8);
    CHECK_THAT(ward.setObservationFrequency(f, charge).value_or(""),
               Catch::Contains("looser than the schedule (every 4 h)"));
    f.clinician = "Dr Mensah";
    f.reason = "stable, sleeping; wake only for the 06:00 round";
    CHECK_THROWS_AS(ward.setObservationFrequency(f, nurse), ward::NotAllowed);
    REQUIRE_FALSE(ward.setObservationFrequency(f, charge));
    bed = ward.board()[0];
    REQUIRE(bed.frequency);
    CHECK(bed.frequency->looser);
    CHECK(bed.due.at == taken + hours(8));
    CHECK_THAT(bed.due.why, Catch::Contains("looser than the schedule") &&
                                Catch::Contains("Dr Mensah: stable, sleeping"));
    clock.advance(minutes(1)); // the sheet carries stays admitted before its time
    Shift shift{clock.now() - hours(6), clock.now() + hours(6), "day"};
    auto sheet = ward.handoffSheet(shift, "Recovery", "Charge nurse Adeyemi");
    REQUIRE(sheet.patients.size() == 1);
    REQUIRE(sheet.patients[0].frequency);
    CHECK(sheet.patients[0].frequency->clinician == "Dr Mensah");

    clock.advance(hours(5)); // expired: the protocol again
    CHECK_FALSE(ward.board()[0].frequency);
    CHECK(ward.board()[0].due.at == taken + hours(4));
}

TEST_CASE_METHOD(World, "a round or a step sent again with its device key is kept once",
                 "[ward][live]") {
    auto stay = admit("1");
    auto r = test::normalRound(stay);
    r.rr = 8;
    r.deviceKey = randomKey();
    auto first = ward.recordRound(r, {}, nurse);
    REQUIRE(first.saved);
    CHECK_FALSE(first.alreadySaved);
    REQUIRE(first.escalationsOpened.size() == 1);
    // The answer was lost on the way back; the tablet saves again, with the same key.
    auto again = ward.recordRound(r, {}, nurse);
    CHECK(again.saved == first.saved);
    CHECK(again.alreadySaved);
    CHECK(db.execAndGet("SELECT count(*) FROM rounds").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM escalations").getInt() == 1);

    auto ack = step(StepKind::Acknowledge, nurse);
    ack.deviceKey = randomKey();
    REQUIRE_FALSE(ward.escalationStep(first.escalationsOpened[0], ack));
    CHECK_FALSE(ward.escalationStep(first.escalationsOpened[0], ack)); // no "already" for itself
    CHECK(db.execAndGet("SELECT count(*) FROM escalation_steps WHERE kind = 'acknowledge'")
              .getInt() == 1);
    // A different key is a different save: a second round of the same values is a second round.
    r.deviceKey = randomKey();
    CHECK(ward.recordRound(r, {}, nurse).saved != first.saved);
    CHECK_FALSE(store::verifyAudit(db).first);
}
