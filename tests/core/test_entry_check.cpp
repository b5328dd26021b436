#include "core/entry_check.h"

#include "core/amendment.h"
#include "core/shift.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace vigil;
using Kind = EntryProblem::Kind;

namespace {
const EntryProblem* problemFor(const std::vector<EntryProblem>& ps, std::string_view field) {
    auto it = std::ranges::find_if(ps, [&](auto& p) { return p.field == field; });
    return it == ps.end() ? nullptr : &*it;
}
} // namespace

TEST_CASE("impossible values are refused naming field, value and accepted range", "[entry]") {
    struct Case {
        std::string key;
        double value;
        std::string expect;
    };
    auto c =
        GENERATE(Case{"rr", 81, "0-80"}, Case{"rr", -1, "0-80"}, Case{"hr", 301, "0-300"},
                 Case{"sbp", 301, "0-300"}, Case{"dbp", 201, "0-200"}, Case{"spo2", 101, "0-100"},
                 Case{"temp", 24.9, "25.0-45.0"}, Case{"temp", 45.1, "25.0-45.0"},
                 Case{"pain", 11, "0-10"}, Case{"nausea", 4, "0-3"}, Case{"rass", -6, "-5 to 4"});
    CAPTURE(c.key, c.value);
    ObservationRound r;
    r.*(findNumberField(c.key)->member) = c.value;
    auto ps = checkEntry(r);
    auto* p = problemFor(ps, c.key);
    REQUIRE(p);
    CHECK(p->kind == Kind::Refused);
    CHECK(p->value == c.value);
    CHECK_THAT(p->message, Catch::Contains(c.expect));
    CHECK_THAT(p->message, Catch::Contains(std::string(findNumberField(c.key)->label)));
}

TEST_CASE("values inside the absolute limits are not refused", "[entry]") {
    ObservationRound r;
    r.rr = 80;
    r.hr = 0;
    r.sbp = 300;
    r.dbp = 0;
    r.spo2 = 100;
    r.temp = 25.0;
    r.pain = 10;
    CHECK_FALSE(anyRefused(checkEntry(r)));
}

TEST_CASE("a Fahrenheit temperature is named as such", "[entry]") {
    ObservationRound r;
    r.temp = 98.6;
    auto ps = checkEntry(r);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].kind == Kind::Refused);
    CHECK_THAT(ps[0].message, Catch::Contains("98.6 looks like Fahrenheit"));
}

TEST_CASE("whole-number fields refuse fractions", "[entry]") {
    ObservationRound r;
    r.pain = 4.5;
    auto ps = checkEntry(r);
    REQUIRE(ps.size() == 1);
    CHECK_THAT(ps[0].message, Catch::Contains("whole number"));
}

TEST_CASE("extreme but possible values need confirmation until confirmed", "[entry]") {
    auto [key, value] = GENERATE(table<std::string, double>({{"rr", 5},
                                                             {"rr", 41},
                                                             {"hr", 29},
                                                             {"hr", 181},
                                                             {"sbp", 59},
                                                             {"sbp", 251},
                                                             {"dbp", 29},
                                                             {"spo2", 69},
                                                             {"temp", 31.9},
                                                             {"temp", 42.1}}));
    CAPTURE(key, value);
    ObservationRound r;
    r.*(findNumberField(key)->member) = value;
    auto ps = checkEntry(r);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].kind == Kind::NeedsConfirmation);
    CHECK_THAT(ps[0].message, Catch::Contains("re-measure"));
    CHECK(checkEntry(r, {key}).empty());
}

TEST_CASE("the confirmation band edges themselves need no confirmation", "[entry]") {
    ObservationRound r;
    r.rr = 6;
    r.hr = 180;
    r.sbp = 60;
    r.dbp = 30;
    r.spo2 = 70;
    r.temp = 42.0;
    CHECK(checkEntry(r).empty());
}

TEST_CASE("diastolic must be below systolic", "[entry]") {
    ObservationRound r;
    r.sbp = 110;
    r.dbp = 110;
    auto ps = checkEntry(r);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].field == "dbp");
    CHECK_THAT(ps[0].message, Catch::Contains("below systolic 110"));
}

TEST_CASE("a pulse pressure under 10 mmHg asks to re-measure, then saves once confirmed",
          "[entry]") {
    ObservationRound r;
    r.sbp = 118;
    r.dbp = 110;
    auto ps = checkEntry(r);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].kind == Kind::NeedsConfirmation);
    CHECK(ps[0].field == "pulse_pressure");
    CHECK(*ps[0].value == 8);
    CHECK_THAT(ps[0].message,
               Catch::Contains("Pulse pressure 8 mmHg (118/110)") && Catch::Contains("re-measure"));
    CHECK(checkEntry(r, {"pulse_pressure"}).empty());
    r.dbp = 108; // exactly 10: usual
    CHECK(checkEntry(r).empty());
}

TEST_CASE("oxygen flow on air is refused", "[entry]") {
    ObservationRound r;
    r.onOxygen = false;
    r.o2Flow = 2;
    auto ps = checkEntry(r);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].field == "o2_flow");
}

TEST_CASE("missing NEWS2 inputs are listed, never taken as zero", "[entry]") {
    ObservationRound r;
    r.rr = 14;
    r.spo2 = 97;
    r.onOxygen = false;
    r.sbp = 120;
    r.hr = 70;
    r.acvpu = Acvpu::Alert;
    CHECK(missingNews2Inputs(r) == std::vector<std::string>{"temp"});
    r.temp = 36.5;
    CHECK(missingNews2Inputs(r).empty());
}

TEST_CASE("an unanswered checklist item reads 'not asked', never 'none'", "[entry][checklist]") {
    ObservationRound r;
    CHECK(unansweredChecklist(r).size() == checklistKeys().size());
    CHECK(sideEffectsOf(r).describe() == "not asked");

    for (auto key : checklistKeys())
        REQUIRE_FALSE(setField(r, key,
                               key == "bleeding" || key == "pocket_swelling" ? "none"
                               : findNumberField(key)                        ? "0"
                                                                             : "no"));
    CHECK(unansweredChecklist(r).empty());
    CHECK(sideEffectsOf(r).describe() == "none");

    r.itching.reset();
    r.rash.reset();
    r.nausea = 2;
    CHECK(unansweredChecklist(r) == std::vector<std::string>{"itching", "rash"});
    CHECK(sideEffectsOf(r).describe() == "Nausea 2; not asked: Itching, Rash");
    r.nausea = 0;
    CHECK(sideEffectsOf(r).describe() == "none of those asked; not asked: Itching, Rash");
    ObservationRound painOnly;
    painOnly.pain = 2;
    CHECK(sideEffectsOf(painOnly).describe() == "none of those asked; 16 of 17 items not asked");
}
