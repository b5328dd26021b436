// The board reads every bed's records with one query per kind (issue 12): each bed must still
// show its own rounds, flags, escalations, limits, clinician's frequency and missed round, and
// nothing of a discharged patient or of a bed beside it.
#include "support/rounds.h"
#include "support/ward_world.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

TEST_CASE_METHOD(test::WardWorld, "each bed on the board shows its own records and no other's",
                 "[ward][board]") {
    auto quiet = admit("1");
    auto slow = admit("2");
    auto limited = admit("3");
    auto gone = admit("4");

    REQUIRE(ward.recordRound(test::normalRound(quiet), {}, nurse).saved);
    auto breathing = test::normalRound(slow);
    breathing.rr = 7; // an emergency: breathing too slow (§4)
    auto raised = ward.recordRound(breathing, {}, nurse);
    REQUIRE(raised.saved);
    REQUIRE_FALSE(raised.flags.empty());
    REQUIRE(ward.recordRound(test::normalRound(limited), {}, nurse).saved);
    auto goneRound = test::normalRound(gone);
    goneRound.rr = 7;
    REQUIRE(ward.recordRound(goneRound, {}, nurse).saved);
    ward.discharge(gone, charge);

    PatientLimit limit;
    limit.stay = limited;
    limit.field = "spo2";
    limit.low = 88;
    limit.clinician = "Dr Mensah";
    limit.reason = "COPD, usual SpO2 88-92";
    limit.expires = clock.now() + hours(12);
    REQUIRE_FALSE(ward.setPatientLimit(limit, charge));
    ObservationFrequency every30;
    every30.stay = limited;
    every30.every = minutes(30);
    every30.expires = clock.now() + hours(4);
    REQUIRE_FALSE(ward.setObservationFrequency(every30, nurse));
    clock.advance(minutes(5));
    REQUIRE_FALSE(ward.recordMissedRound(quiet, "in theatre for a wound check", nurse));

    // The newest round of a bed is the one shown, even when an older one had flags.
    clock.advance(minutes(10));
    auto calmer = test::normalRound(slow);
    calmer.rr = 12;
    REQUIRE(ward.recordRound(calmer, {}, nurse).saved);

    auto board = ward.board();
    REQUIRE(board.size() == 3); // the discharged patient is gone from it
    auto bed = [&](StayId id) -> const ward::BedView& {
        auto it = std::find_if(board.begin(), board.end(),
                               [&](const ward::BedView& b) { return b.stay.id == id; });
        REQUIRE(it != board.end());
        return *it;
    };
    CHECK(bed(quiet).openEscalations.empty());
    CHECK(bed(quiet).openFlags.empty());
    CHECK(bed(quiet).limits.empty());
    CHECK_FALSE(bed(quiet).frequency);
    REQUIRE(bed(quiet).missed);
    CHECK(bed(quiet).missed->reason == "in theatre for a wound check");

    REQUIRE(bed(slow).lastRound);
    CHECK(bed(slow).lastRound->rr == 12);
    CHECK(bed(slow).openEscalations.size() == 1); // still open: nobody acknowledged it
    CHECK(bed(slow).openEscalations[0].stay == slow);
    CHECK_FALSE(bed(slow).missed);
    CHECK(bed(slow).limits.empty());

    REQUIRE(bed(limited).limits.size() == 1);
    CHECK(bed(limited).limits[0].clinician == "Dr Mensah");
    REQUIRE(bed(limited).frequency);
    CHECK(bed(limited).frequency->every == minutes(30));
    CHECK(bed(limited).openEscalations.empty());
    CHECK_FALSE(bed(limited).missed);

    // The same as one bed read alone.
    for (auto& b : board) {
        CAPTURE(b.stay.bed);
        CHECK(b.limits.size() == ward.activeLimits(b.stay.id).size());
        CHECK(b.frequency.has_value() == ward.activeFrequency(b.stay.id).has_value());
        CHECK(b.openEscalations.size() == store::escalationsForStay(db, b.stay.id, true).size());
    }
}

TEST_CASE_METHOD(
    test::WardWorld,
    "the shift summary reads each bed's amendments with the others' and applies its own",
    "[ward][summary]") {
    auto corrected = admit("1");
    auto untouched = admit("2");
    auto slow = test::normalRound(corrected);
    slow.rr = 7;
    auto saved = ward.recordRound(slow, {}, nurse);
    REQUIRE(saved.saved);
    auto other = test::normalRound(untouched);
    other.rr = 7;
    REQUIRE(ward.recordRound(other, {}, nurse).saved);
    clock.advance(minutes(5));
    Amendment fix;
    fix.round = *saved.saved;
    fix.field = "rr";
    fix.value = "16";
    fix.reason = "counted for 15 s, not 30";
    fix.by = nurse;
    REQUIRE_FALSE(ward.amend(fix));

    auto summary = ward.shiftSummary(shiftAt(clock.now(), {}));
    auto row = [&](StayId id) {
        auto it = std::find_if(summary.patients.begin(), summary.patients.end(),
                               [&](const ShiftPatient& p) { return p.stay == id; });
        REQUIRE(it != summary.patients.end());
        return *it;
    };
    REQUIRE(row(corrected).currentNews2);
    REQUIRE(row(untouched).currentNews2);
    CHECK(row(corrected).currentNews2->total + 3 == row(untouched).currentNews2->total);
}
