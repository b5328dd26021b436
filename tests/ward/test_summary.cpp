// Issue 5: the shift summary's figures and the handoff sheet's content, from a real database.
#include "support/shift_ward.h"

#include "core/timefmt.h"
#include <catch2/catch.hpp>

#include <cstdlib>

using namespace vigil;
using namespace std::chrono;

TEST_CASE_METHOD(test::ShiftWard, "the shift summary counts rounds, flags and escalations",
                 "[ward][summary]") {
    fill(6);
    ward.discharge(stays[3], nurse);
    auto s = ward.shiftSummary(day);
    CHECK(s.asOf == clock.now());
    CHECK(s.unit.patients == 6); // the discharged patient was on the ward this shift
    CHECK(s.unit.roundsDone == 18);
    // Arrival, then each round set the next one within the hour (under 12 h since the implant).
    // The discharged patient's fourth was due at 11:45, before they left at 13:00.
    CHECK(s.unit.roundsDue == 6 * 4);
    CHECK(s.unit.overdueRounds == 5); // 6 h now: the last round was 3 h 45 min ago
    CHECK(s.unit.flagsRaised[rules::Level::Urgent] == 2); // beds 1 and 6, POSS 3
    CHECK(s.unit.openEscalations == 2);
    CHECK(s.unit.acknowledgementsOverdue == 2);
    REQUIRE(s.patients.size() == 6);
    auto& bed1 = s.patients[0];
    CHECK(bed1.bed == "1");
    CHECK(bed1.name == "Patient01 Surname01");
    CHECK(bed1.worstNews2 == 0);
    CHECK(bed1.currentPoss == Poss::FrequentlyDrowsy);
    CHECK(bed1.flagsRaised >= 1);
    CHECK(bed1.openEscalations == 1);
    CHECK(bed1.hoursSinceFill == Approx(7.0));
    CHECK(s.patients[3].discharged);
    CHECK(s.patients[3].overdueMinutes == 0);

    // The next shift has not started: nothing happened in it yet, everyone still there is due.
    Shift night{day.end, day.end + hours(12), "night"};
    clock.set(day.end + hours(1));
    auto n = ward.shiftSummary(night);
    CHECK(n.unit.patients == 5);
    CHECK(n.unit.roundsDone == 0);
    CHECK(n.unit.flagsRaised.empty());
}

TEST_CASE_METHOD(test::ShiftWard, "the handoff sheet proposes severity and lists actions",
                 "[ward][handoff]") {
    fill(5);
    auto sheet = ward.handoffSheet(day, "Recovery", "Charge nurse Adeyemi");
    REQUIRE(sheet.patients.size() == 5);
    auto& p1 = sheet.patients[0];
    CHECK(p1.proposed == Severity::Watcher); // an urgent flag open
    CHECK(p1.rounds.size() == 3);
    CHECK_THAT(p1.actions.front(), Catch::StartsWith("Round OVERDUE since"));
    CHECK_THAT(p1.actions[1], Catch::StartsWith("Acknowledge urgent flag") &&
                                  Catch::EndsWith("ACKNOWLEDGEMENT OVERDUE"));
    CHECK_FALSE(p1.contingencies.empty());
    // In the rule's clinical words (its summary), never its condition (issue 14).
    CHECK(p1.contingencies.front() ==
          "POSS 4 (somnolent, minimal or no response) \u2192 Stop the opioid, consider naloxone, "
          "stay with the patient, call the rapid response team");
    CHECK(sheet.patients[1].proposed == Severity::Stable);

    // The nurse may change the severity, but not without a reason.
    HandoffNote note;
    note.stay = stays[1];
    note.by = nurse;
    note.severity = Severity::Watcher;
    note.note = "Wife visiting at 16:00; wants a call if anything changes.";
    CHECK_THAT(*ward.saveHandoffNote(note), Catch::Contains("Vigil proposes Stable; say why"));
    note.severityReason = "first night on a new pump";
    REQUIRE_FALSE(ward.saveHandoffNote(note));
    auto again = ward.handoffSheet(day, "Recovery", "x");
    CHECK(again.patients[1].severity() == Severity::Watcher);
    CHECK(again.patients[1].note->note == note.note);
}

TEST_CASE("shifts follow the local clock, a shift given by hand is checked", "[core][shift]") {
    setenv("TZ", "UTC", 1);
    tzset();
    TimePoint t = sys_days{November / 22 / 2026} + hours(4) + minutes(30);
    auto night = shiftAt(t, {});
    CHECK(formatUtc(night.start) == "2026-11-21T19:00:00Z");
    CHECK(formatUtc(night.end) == "2026-11-22T07:00:00Z");
    CHECK(night.name == "Night shift Sat 21 Nov 2026, 19:00-07:00");
    auto day = shiftAt(t + hours(3), {});
    CHECK(formatUtc(day.start) == "2026-11-22T07:00:00Z");
    ShiftPattern three{{Minutes(7 * 60), Minutes(15 * 60), Minutes(23 * 60)}};
    CHECK(formatUtc(shiftAt(t, three).start) == "2026-11-21T23:00:00Z");

    CHECK(std::get<Shift>(parseShift("2026-11-22T07:00:00Z..2026-11-22T19:00:00Z")).end == day.end);
    CHECK(std::get<std::string>(parseShift("2026-11-22T07:00:00Z")) ==
          "--shift \"2026-11-22T07:00:00Z\": give START..END, each RFC 3339, e.g. "
          "2026-11-22T07:00:00Z..2026-11-22T19:00:00Z");
    CHECK_THAT(std::get<std::string>(parseShift("2026-11-22T19:00:00Z..2026-11-22T07:00:00Z")),
               Catch::Contains("is not after the start"));
    CHECK(std::get<std::string>(parseTimeOfDay("25:00")) ==
          "\"25:00\" is not a time of day: use HH:MM, e.g. 07:00");
}

TEST_CASE_METHOD(test::ShiftWard,
                 "each patient's flags raised this shift, by level, behind the "
                 "unit's figures",
                 "[ward][summary]") {
    fill(6);
    auto s = ward.shiftSummary(day);
    int urgent = 0;
    for (auto& p : s.patients) {
        INFO("bed " << p.bed);
        int byLevel = 0;
        for (auto& [level, n] : p.flagsRaisedAt)
            byLevel += n;
        CHECK(byLevel == p.flagsRaised);
        auto it = p.flagsRaisedAt.find(rules::Level::Urgent);
        urgent += it == p.flagsRaisedAt.end() ? 0 : it->second;
        // Beds 1 and 6 are frequently drowsy (POSS 3): the urgent flags are theirs.
        CHECK((it != p.flagsRaisedAt.end() && it->second > 0) == (p.bed == "1" || p.bed == "6"));
    }
    CHECK(urgent == s.unit.flagsRaised[rules::Level::Urgent]);
}
