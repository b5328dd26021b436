// Issue 14: each figure of the shift summary opens the patients it counts, and only those.
#include "core/unit_counts.h"

#include <catch2/catch.hpp>

using namespace vigil;

namespace {
ShiftPatient patient(StayId id) {
    ShiftPatient p;
    p.stay = id;
    p.bed = std::to_string(id);
    return p;
}
std::vector<StayId> stays(const std::vector<ShiftPatient>& rows) {
    std::vector<StayId> out;
    for (auto& p : rows)
        out.push_back(p.stay);
    return out;
}
} // namespace

TEST_CASE("each unit figure counts its own patients", "[core][summary]") {
    ShiftSummary s;
    for (StayId id = 1; id <= 6; ++id)
        s.patients.push_back(patient(id));
    s.patients[0].overdueMinutes = 25;
    s.patients[1].flagsRaisedAt[rules::Level::Emergency] = 1;
    s.patients[1].flagsRaisedAt[rules::Level::Watch] = 2;
    s.patients[1].openEscalations = 1;
    s.patients[1].acknowledgementOverdue = true;
    s.patients[2].flagsRaisedAt[rules::Level::Urgent] = 2;
    s.patients[3].flagsRaisedAt[rules::Level::Urgent] = 0; // asked about, none raised
    s.patients[4].openEscalations = 1;
    s.patients[5].flagsRaisedAt[rules::Level::Info] = 3; // info flags are counted nowhere

    using C = UnitCount;
    CHECK(stays(patientsCounted(s, C::Overdue)) == std::vector<StayId>{1});
    CHECK(stays(patientsCounted(s, C::Emergency)) == std::vector<StayId>{2});
    CHECK(stays(patientsCounted(s, C::Urgent)) == std::vector<StayId>{3});
    CHECK(stays(patientsCounted(s, C::Watch)) == std::vector<StayId>{2});
    CHECK(stays(patientsCounted(s, C::OpenEscalations)) == std::vector<StayId>{2, 5});
    CHECK(stays(patientsCounted(s, C::AcknowledgementsOverdue)) == std::vector<StayId>{2});

    s.patients[0].overdueMinutes = 0; // the round was done: nobody overdue, an empty list
    CHECK(patientsCounted(s, C::Overdue).empty());
}

TEST_CASE("the unit figures as the summary line shows them", "[core][summary]") {
    UnitFigures u;
    u.overdueRounds = 1;
    u.flagsRaised[rules::Level::Urgent] = 2;
    u.openEscalations = 3;
    u.acknowledgementsOverdue = 4;
    CHECK(unitFigure(u, UnitCount::Overdue) == 1);
    CHECK(unitFigure(u, UnitCount::Emergency) == 0);
    CHECK(unitFigure(u, UnitCount::Urgent) == 2);
    CHECK(unitFigure(u, UnitCount::OpenEscalations) == 3);
    CHECK(unitFigure(u, UnitCount::AcknowledgementsOverdue) == 4);
    CHECK(unitCounts().size() == 6);
    CHECK(codeOf(unitCounts(), UnitCount::AcknowledgementsOverdue) == "ack-overdue");
}
