#include "cli/evaluate.h"
#include "core/rules/shipped.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace vigil;
using nlohmann::json;

namespace {
json evaluate(const std::string& line) {
    cli::EvaluateSession session{rules::shippedRuleSet(), {}};
    bool ok = false;
    return cli::evaluateLine(line, session, ok);
}
} // namespace

TEST_CASE("evaluate scores the worked examples with every output field", "[cli]") {
    auto out = evaluate(
        R"({"rr":9,"spo2":93,"o2":true,"sbp":104,"hr":58,"acvpu":"V","temp":36.0,"poss":"3"})");
    CHECK(out["news2"]["total"] == 10);
    CHECK(out["news2"]["band"] == "high");
    CHECK(out["news2"]["complete"] == true);
    CHECK(out["news2"]["red_score"] == true);
    CHECK(
        out["news2"]["parameters"] ==
        json{{"rr", 1}, {"spo2", 2}, {"o2", 2}, {"sbp", 1}, {"hr", 0}, {"acvpu", 3}, {"temp", 1}});
    CHECK(out["poss"] == "3");
    CHECK(out["warnings"] == json::array());
}

TEST_CASE("evaluate: missing inputs are null, never zero", "[cli]") {
    auto out = evaluate(R"({"rr":18,"acvpu":"C"})");
    CHECK(out["news2"]["total"] == 3);
    CHECK(out["news2"]["complete"] == false);
    CHECK(out["news2"]["band"] == "low-medium");
    CHECK(out["news2"]["parameters"]["spo2"].is_null());
    CHECK(out["poss"].is_null());
}

TEST_CASE("evaluate: scale 2 and band edges", "[cli]") {
    auto out = evaluate(
        R"({"rr":14,"spo2":95,"spo2_scale":2,"o2":true,"sbp":128,"hr":72,"acvpu":"A","temp":36.9})");
    CHECK(out["news2"]["parameters"]["spo2"] == 2);
    CHECK(out["news2"]["total"] == 4);
    CHECK(out["news2"]["band"] == "low");
}

TEST_CASE("evaluate: errors name field, value and message", "[cli]") {
    SECTION("not JSON") {
        auto out = evaluate("{rr: 12");
        CHECK(out["error"]["field"].is_null());
        CHECK(out["error"]["message"] == "line is not valid JSON");
    }
    SECTION("impossible value") {
        auto out = evaluate(R"({"rr":95})");
        CHECK(out["error"]["field"] == "rr");
        CHECK(out["error"]["value"] == 95);
        CHECK_THAT(out["error"]["message"].get<std::string>(), Catch::Contains("0-80"));
    }
    SECTION("Fahrenheit") {
        auto out = evaluate(R"({"temp":98.6})");
        CHECK(out["error"]["field"] == "temp");
        CHECK_THAT(out["error"]["message"].get<std::string>(), Catch::Contains("Fahrenheit"));
    }
    SECTION("wrong type") {
        auto out = evaluate(R"({"rr":"twelve"})");
        CHECK(out["error"]["field"] == "rr");
        CHECK(out["error"]["value"] == "twelve");
    }
    SECTION("unknown choice") {
        auto out = evaluate(R"({"acvpu":"X"})");
        CHECK(out["error"]["field"] == "acvpu");
        CHECK_THAT(out["error"]["message"].get<std::string>(), Catch::Contains("\"A\", \"C\""));
    }
    SECTION("bad time") {
        CHECK(evaluate(R"({"at":"noon"})")["error"]["field"] == "at");
    }
}

TEST_CASE("evaluate: extreme values are scored and warned about", "[cli]") {
    auto out = evaluate(R"({"rr":5,"hr":29})"); // §7: re-measure outside 6-40 and 30-180
    REQUIRE(out.contains("news2"));
    CHECK(out["news2"]["parameters"]["rr"] == 3);
    REQUIRE(out["warnings"].size() == 2);
    CHECK(out["warnings"][0]["field"] == "rr");
    CHECK(out["warnings"][1]["field"] == "hr");
}

TEST_CASE("evaluate: one line out per line in, in order, and the exit code", "[cli]") {
    std::istringstream in("{\"rr\":14}\n\nnot json\n{\"rr\":30}\n");
    std::ostringstream out;
    CHECK(cli::runEvaluate(in, out, rules::shippedRuleSet()) == 1);
    std::istringstream lines(out.str());
    std::vector<json> got;
    for (std::string l; std::getline(lines, l);)
        got.push_back(json::parse(l));
    REQUIRE(got.size() == 4);
    CHECK(got[0]["news2"]["parameters"]["rr"] == 0);
    CHECK(got[1].contains("error"));
    CHECK(got[2].contains("error"));
    CHECK(got[3]["news2"]["parameters"]["rr"] == 3);

    std::istringstream good("{\"rr\":14}\n{\"rr\":12}\n");
    std::ostringstream sink;
    CHECK(cli::runEvaluate(good, sink, rules::shippedRuleSet()) == 0);
}

TEST_CASE("evaluate: flags come from the earlier lines of the same patient", "[cli][rules]") {
    cli::EvaluateSession session{rules::shippedRuleSet(), {}};
    bool ok = false;
    cli::evaluateLine(
        R"({"patient":"a","at":"2026-11-22T09:00:00Z","rr":12,"stay":{"drugs":["morphine"],"since":"2026-11-22T08:00:00Z"}})",
        session, ok);
    cli::evaluateLine(R"({"patient":"b","at":"2026-11-22T09:30:00Z","rr":16})", session, ok);
    auto out =
        cli::evaluateLine(R"({"patient":"a","at":"2026-11-22T10:00:00Z","rr":10})", session, ok);
    REQUIRE(ok);
    std::vector<std::string> rulesFired;
    for (auto& f : out["flags"])
        rulesFired.push_back(f["rule"]);
    CHECK(rulesFired == std::vector<std::string>{"rr-9-10-and-falling", "news2-low-score"});
    auto& falling = out["flags"][0];
    CHECK(falling["level"] == "urgent");
    CHECK(falling["message"] == "Respiration rate 10/min, down from 12");
    CHECK(falling["because"] == json{"rr 10 >= 9", "rr 10 <= 10", "prev(rr) = 12 > rr 10"});
    CHECK_THAT(falling["action"].get<std::string>(), Catch::Contains("Clinician review"));
    CHECK(out["rule_set"]["name"] == "intrathecal-recovery");

    auto other =
        cli::evaluateLine(R"({"patient":"b","at":"2026-11-22T10:30:00Z","rr":10})", session, ok);
    CHECK(other["flags"][0]["message"] ==
          "Respiration rate 10/min, down from 16"); // b's own history
}

TEST_CASE("evaluate: a stay given once applies to later lines; baclofen rules apply to baclofen",
          "[cli][rules]") {
    cli::EvaluateSession session{rules::shippedRuleSet(), {}};
    bool ok = false;
    auto first = cli::evaluateLine(
        R"({"patient":"p","at":"2026-11-22T09:00:00Z","hr":118,"stay":{"drugs":["baclofen"],"since":"2026-11-22T08:00:00Z"}})",
        session, ok);
    CHECK(first["flags"][0]["rule"] == "baclofen-withdrawal");
    auto later =
        cli::evaluateLine(R"({"patient":"p","at":"2026-11-22T10:00:00Z","hr":118})", session, ok);
    CHECK(later["flags"][0]["rule"] == "baclofen-withdrawal");
    auto bad = cli::evaluateLine(R"({"patient":"q","stay":{"drugs":["aspirin"]}})", session, ok);
    CHECK_FALSE(ok);
    CHECK(bad["error"]["field"] == "stay.drugs");
}
