// "Age over 65" comes from the date of birth as of the moment asked (issue 14), never from a tick
// that could contradict it; an older record's tick without a date of birth still reads.
#include "core/rules/expr.h"
#include "core/rules/snapshot.h"
#include "core/schedule.h"
#include "core/stay.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace vigil;
using namespace std::chrono;

namespace {
// Noon UTC: the same calendar day in any time zone within 11 hours of UTC.
TimePoint noon(year_month_day d) {
    return sys_days{d} + hours(12);
}
Stay bornOn(const char* dateOfBirth) {
    Stay s;
    s.dateOfBirth = dateOfBirth;
    return s;
}
double risk(const Stay& s, TimePoint at) {
    ObservationRound r;
    r.takenAt = at;
    auto snap = rules::snapshot(r, news2::score(r), &s);
    return rules::compile("risk('over_65')", rules::Type::Bool)->eval({&snap, {}, &s});
}
} // namespace

TEST_CASE("age over 65 is older than 65 years on the day asked", "[stay][age]") {
    auto s = bornOn("1961-11-23"); // 65 on 23 Nov 2026
    auto before = ageAt(s, noon(2026y / 11 / 22));
    CHECK(before.from == AgeFact::From::DateOfBirth);
    CHECK(before.years == 64);
    CHECK(before.over65 == false);
    auto birthday = ageAt(s, noon(2026y / 11 / 23));
    CHECK(birthday.years == 65);
    CHECK(birthday.over65 == false); // exactly 65 is not over 65
    auto after = ageAt(s, noon(2026y / 11 / 24));
    CHECK(after.years == 65);
    CHECK(after.over65 == true);
    CHECK(ageAt(s, noon(2030y / 1 / 1)).over65 == true);
    CHECK(ageAt(bornOn("1996-02-29"), noon(2026y / 11 / 22)).years == 30);
    // Born on 29 February: 65 on 1 March in a year without one.
    auto leap = bornOn("1960-02-29");
    CHECK(ageAt(leap, noon(2025y / 2 / 28)).over65 == false);
    CHECK(ageAt(leap, noon(2025y / 3 / 1)).years == 65);
    CHECK(ageAt(leap, noon(2025y / 3 / 2)).over65 == true);
}

TEST_CASE("a date of birth decides over the tick, without either the age is not known",
          "[stay][age]") {
    auto at = noon(2026y / 11 / 22);
    auto young = bornOn("1990-05-01");
    young.risks = {RiskFactor::Over65}; // an old record's tick that the date contradicts
    CHECK(ageAt(young, at).over65 == false);
    CHECK(riskAt(young, RiskFactor::Over65, at) == false);
    CHECK_FALSE(anyRiskAt(young, at));

    Stay ticked; // a record from before the date of birth decided it: read as recorded
    ticked.risks = {RiskFactor::Over65};
    CHECK(ageAt(ticked, at).from == AgeFact::From::RecordedTick);
    CHECK(riskAt(ticked, RiskFactor::Over65, at) == true);
    CHECK(anyRiskAt(ticked, at));

    Stay unknown;
    CHECK(ageAt(unknown, at).from == AgeFact::From::NotRecorded);
    CHECK_FALSE(riskAt(unknown, RiskFactor::Over65, at).has_value());
    CHECK_FALSE(anyRiskAt(unknown, at)); // not known is not a risk factor for the schedule
    unknown.risks = {RiskFactor::SleepApnoea};
    CHECK(anyRiskAt(unknown, at));
    CHECK(riskAt(unknown, RiskFactor::SleepApnoea, at) == true);
    CHECK(riskAt(unknown, RiskFactor::Obesity, at) == false);
}

TEST_CASE("rules ask the age as of each round, not recorded is unknown, never false",
          "[stay][age][rules]") {
    auto s = bornOn("1961-11-23");
    CHECK(risk(s, noon(2026y / 11 / 23)) == 0);
    CHECK(risk(s, noon(2026y / 11 / 24)) == 1);
    Stay unknown;
    CHECK(std::isnan(risk(unknown, noon(2026y / 11 / 24))));
    unknown.risks = {RiskFactor::Over65};
    CHECK(risk(unknown, noon(2026y / 11 / 24)) == 1);
}

TEST_CASE("over 65 from the date of birth tightens the schedule from the day after the birthday",
          "[stay][age][schedule]") {
    auto s = bornOn("1961-11-23");
    s.since = noon(2026y / 11 / 21);
    // After 24 h: every 4 h, or every 2 h with a risk factor (working choice, §4).
    auto onBirthday = schedule::nextDue(s, noon(2026y / 11 / 23), std::nullopt);
    CHECK(onBirthday.interval == hours(4));
    auto dayAfter = schedule::nextDue(s, noon(2026y / 11 / 24), std::nullopt);
    CHECK(dayAfter.interval == hours(2));
    CHECK_THAT(dayAfter.why, Catch::Contains("risk factors"));
}

TEST_CASE("the risk factors in words say where the age comes from", "[stay][age]") {
    auto at = noon(2026y / 11 / 22);
    auto old = bornOn("1948-03-02");
    old.risks = {RiskFactor::SleepApnoea};
    CHECK(riskFactorsText(old, at) == "Sleep apnoea, Age over 65 (born 1948-03-02)");
    CHECK(riskFactorsText(bornOn("1980-01-01"), at) == "none");
    Stay unknown;
    CHECK(riskFactorsText(unknown, at) == "none; age not recorded");
    unknown.risks = {RiskFactor::Obesity};
    CHECK(riskFactorsText(unknown, at) == "Obesity; age not recorded");
    Stay ticked;
    ticked.risks = {RiskFactor::Over65};
    CHECK(riskFactorsText(ticked, at) == "Age over 65 (as recorded; no date of birth)");
}

TEST_CASE("an admission never ticks over 65, and the admit form needs the date of birth",
          "[stay][age]") {
    TimePoint now = noon(2026y / 11 / 22);
    Stay s;
    s.bed = "3";
    s.name = "Ada Lovelace";
    s.mrn = "D1234567";
    CHECK(checkStay(s, now).empty()); // a record from elsewhere: "age not recorded"
    auto needed = checkStay(s, now, DateOfBirthNeeded::Yes);
    REQUIRE(needed.size() == 1);
    CHECK(needed[0].field == "date_of_birth");
    CHECK_THAT(needed[0].message, Catch::Contains("Date of birth is empty"));
    s.dateOfBirth = "1950-12-10";
    CHECK(checkStay(s, now, DateOfBirthNeeded::Yes).empty());
    s.risks = {RiskFactor::Over65};
    auto ticked = checkStay(s, now);
    REQUIRE(ticked.size() == 1);
    CHECK(ticked[0].field == "risks");
    CHECK_THAT(ticked[0].message, Catch::Contains("comes from the date of birth"));
    CHECK_FALSE(parseDateOfBirth("1950-13-01"));
    CHECK_FALSE(parseDateOfBirth("10/12/1950"));
    CHECK(parseDateOfBirth("1950-12-10") == year_month_day{1950y / 12 / 10});
}
