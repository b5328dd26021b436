#include "core/news2.h"
#include "core/sedation.h"

#include <catch2/catch.hpp>

using namespace vigil;

namespace {
ObservationRound round(double rr, double spo2, int scale, bool o2, double sbp, double hr, Acvpu a,
                       double temp) {
    ObservationRound r;
    r.rr = rr;
    r.spo2 = spo2;
    r.spo2Scale = scale;
    r.onOxygen = o2;
    r.sbp = sbp;
    r.hr = hr;
    r.acvpu = a;
    r.temp = temp;
    return r;
}
} // namespace

TEST_CASE("respiration rate scores at both edges of every band", "[news2]") {
    auto [rr, expected] = GENERATE(table<double, int>(
        {{0, 3}, {8, 3}, {9, 1}, {11, 1}, {12, 0}, {20, 0}, {21, 2}, {24, 2}, {25, 3}, {80, 3}}));
    CAPTURE(rr);
    CHECK(news2::rrScore(rr) == expected);
}

TEST_CASE("SpO2 scale 1 scores at both edges of every band", "[news2]") {
    auto [s, expected] = GENERATE(table<double, int>(
        {{0, 3}, {91, 3}, {92, 2}, {93, 2}, {94, 1}, {95, 1}, {96, 0}, {100, 0}}));
    CAPTURE(s);
    CHECK(news2::spo2Score(s, 1, false) == expected);
    CHECK(news2::spo2Score(s, 1, true) == expected); // scale 1 ignores oxygen for the SpO2 row
}

TEST_CASE("SpO2 scale 2 scores on air and on oxygen", "[news2]") {
    auto [s, air, oxygen] = GENERATE(table<double, int, int>({{83, 3, 3},
                                                              {84, 2, 2},
                                                              {85, 2, 2},
                                                              {86, 1, 1},
                                                              {87, 1, 1},
                                                              {88, 0, 0},
                                                              {92, 0, 0},
                                                              {93, 0, 1},
                                                              {94, 0, 1},
                                                              {95, 0, 2},
                                                              {96, 0, 2},
                                                              {97, 0, 3},
                                                              {100, 0, 3}}));
    CAPTURE(s);
    CHECK(news2::spo2Score(s, 2, false) == air);
    CHECK(news2::spo2Score(s, 2, true) == oxygen);
}

TEST_CASE("systolic BP scores at both edges of every band", "[news2]") {
    auto [v, expected] = GENERATE(table<double, int>(
        {{90, 3}, {91, 2}, {100, 2}, {101, 1}, {110, 1}, {111, 0}, {219, 0}, {220, 3}}));
    CAPTURE(v);
    CHECK(news2::sbpScore(v) == expected);
}

TEST_CASE("pulse scores at both edges of every band", "[news2]") {
    auto [v, expected] = GENERATE(table<double, int>({{40, 3},
                                                      {41, 1},
                                                      {50, 1},
                                                      {51, 0},
                                                      {90, 0},
                                                      {91, 1},
                                                      {110, 1},
                                                      {111, 2},
                                                      {130, 2},
                                                      {131, 3}}));
    CAPTURE(v);
    CHECK(news2::hrScore(v) == expected);
}

TEST_CASE("temperature scores at band edges after rounding half up to one decimal", "[news2]") {
    auto [t, expected] = GENERATE(table<double, int>({{35.0, 3},
                                                      {35.04, 3},
                                                      {35.05, 1},
                                                      {35.1, 1},
                                                      {36.0, 1},
                                                      {36.05, 0},
                                                      {36.1, 0},
                                                      {38.0, 0},
                                                      {38.04, 0},
                                                      {38.05, 1},
                                                      {38.1, 1},
                                                      {39.0, 1},
                                                      {39.05, 2},
                                                      {39.1, 2},
                                                      {41.0, 2}}));
    CAPTURE(t);
    CHECK(news2::tempScore(t) == expected);
}

TEST_CASE("the worked examples of clinical-reference section 2", "[news2]") {
    SECTION("all normal: 0, low") {
        auto r = news2::score(round(14, 97, 1, false, 128, 72, Acvpu::Alert, 36.9));
        CHECK(r.total == 0);
        CHECK(r.band == news2::Band::Low);
        CHECK(r.complete);
        CHECK_FALSE(r.redScore);
    }
    SECTION("slow breathing, borderline SpO2: 2, low") {
        auto r = news2::score(round(10, 95, 1, false, 118, 64, Acvpu::Alert, 36.4));
        CHECK(r.total == 2);
        CHECK(r.band == news2::Band::Low);
    }
    SECTION("over-sedated on oxygen: 10, high") {
        auto r = news2::score(round(9, 93, 1, true, 104, 58, Acvpu::Voice, 36.0));
        CHECK(r.total == 10);
        CHECK(r.band == news2::Band::High);
        CHECK(*r.parameters.rr == 1);
        CHECK(*r.parameters.spo2 == 2);
        CHECK(*r.parameters.o2 == 2);
        CHECK(*r.parameters.sbp == 1);
        CHECK(*r.parameters.hr == 0);
        CHECK(*r.parameters.acvpu == 3);
        CHECK(*r.parameters.temp == 1);
    }
    SECTION("new confusion alone: 3, low-medium through the red score") {
        auto r = news2::score(round(18, 96, 1, false, 135, 88, Acvpu::Confused, 37.2));
        CHECK(r.total == 3);
        CHECK(r.redScore);
        CHECK(r.band == news2::Band::LowMedium);
    }
}

TEST_CASE("band edges of the total", "[news2]") {
    // Built from single-parameter scores that do not reach 3, so the red score stays out of it.
    auto base = round(14, 97, 1, false, 128, 72, Acvpu::Alert, 36.9);
    SECTION("4 is low") {
        base.rr = 22;  // 2
        base.hr = 115; // 2
        CHECK(news2::score(base).total == 4);
        CHECK(news2::score(base).band == news2::Band::Low);
    }
    SECTION("5 and 6 are medium") {
        base.rr = 22;
        base.hr = 115;
        base.temp = 35.5; // 2 + 2 + 1
        CHECK(news2::score(base).total == 5);
        CHECK(news2::score(base).band == news2::Band::Medium);
        base.sbp = 105; // +1
        CHECK(news2::score(base).total == 6);
        CHECK(news2::score(base).band == news2::Band::Medium);
    }
    SECTION("7 is high") {
        base.rr = 22;
        base.hr = 115;
        base.temp = 35.5;
        base.sbp = 105;
        base.spo2 = 95; // 2+2+1+1+1
        CHECK(news2::score(base).total == 7);
        CHECK(news2::score(base).band == news2::Band::High);
    }
}

TEST_CASE("a partial round is scored as at least N, and a red score still fires", "[news2]") {
    ObservationRound r;
    r.rr = 7;
    auto result = news2::score(r);
    CHECK_FALSE(result.complete);
    CHECK(result.total == 3);
    CHECK(result.redScore);
    CHECK(result.band == news2::Band::LowMedium);
    CHECK_FALSE(result.parameters.spo2.has_value());
    CHECK_FALSE(result.parameters.temp.has_value()); // missing is not zero
}

TEST_CASE("POSS levels and their meaning", "[poss]") {
    CHECK(poss::acceptable(Poss::Asleep));
    CHECK(poss::acceptable(Poss::SlightlyDrowsy));
    CHECK_FALSE(poss::acceptable(Poss::FrequentlyDrowsy));
    CHECK_FALSE(poss::acceptable(Poss::Somnolent));
    CHECK(poss::code(Poss::Somnolent) == "4");
    CHECK(poss::response(Poss::Somnolent).find("naloxone") != std::string_view::npos);
    CHECK(poss::response(Poss::Awake).empty());
}
