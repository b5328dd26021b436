#include "cli/evaluate.h"
#include "cli/round_json.h"
#include "core/rules/shipped.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

using namespace vigil;
using nlohmann::json;

namespace {
bool raises(const json& out, const std::string& rule) {
    for (auto& f : out["flags"])
        if (f["rule"] == rule) return true;
    return false;
}
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

TEST_CASE("evaluate: a stay given once applies to later lines, baclofen rules apply to baclofen",
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

namespace {
// Every output line of `input` run through evaluate, and the exit code.
std::pair<std::vector<json>, int> evaluateLines(const std::string& input) {
    std::istringstream in(input);
    std::ostringstream out;
    int exit = cli::runEvaluate(in, out, rules::shippedRuleSet());
    std::vector<json> lines;
    std::istringstream written(out.str());
    for (std::string l; std::getline(written, l);)
        lines.push_back(json::parse(l));
    return {lines, exit};
}
} // namespace

TEST_CASE("evaluate: a deeply nested line is refused, and the lines after it are still answered",
          "[cli][hostile]") {
    // 70,000 brackets once crashed the process (stack overflow) and lost every later line.
    auto [lines, exit] = evaluateLines(std::string(70000, '[') + std::string(70000, ']') + "\n" +
                                       std::string(70000, '[') + "\n" + // unbalanced too
                                       [] {
                                           std::string s;
                                           for (int i = 0; i < 70000; ++i)
                                               s += "{\"a\":";
                                           return s + "1" + std::string(70000, '}');
                                       }() +
                                       "\n{\"rr\":30}\n");
    REQUIRE(lines.size() == 4);
    for (int i = 0; i < 3; ++i) {
        CHECK(lines[i]["error"]["field"].is_null());
        CHECK_THAT(lines[i]["error"]["message"].get<std::string>(), Catch::Contains("deep"));
    }
    CHECK(lines[3]["news2"]["parameters"]["rr"] == 3);
    CHECK(exit == 1);

    // Up to the limit is still JSON like any other (an unknown field, warned about).
    std::string nested =
        std::string(cli::kMaxJsonDepth - 1, '[') + "1" + std::string(cli::kMaxJsonDepth - 1, ']');
    auto ok = evaluate("{\"rr\":14,\"extra\":" + nested + "}");
    REQUIRE(ok.contains("news2"));
    CHECK(ok["warnings"][0]["field"] == "extra");
    auto deeper = evaluate("{\"rr\":14,\"extra\":" + std::string(cli::kMaxJsonDepth, '[') +
                           std::string(cli::kMaxJsonDepth, ']') + "}");
    CHECK(deeper.contains("error"));
}

TEST_CASE("evaluate: a key given twice refuses the line, naming the key", "[cli][hostile]") {
    auto top = evaluate(R"({"rr":18,"rr":12})");
    CHECK(top["error"]["field"] == "rr");
    CHECK_THAT(top["error"]["message"].get<std::string>(), Catch::Contains("twice"));
    auto inStay = evaluate(R"({"rr":12,"stay":{"drugs":["morphine"],"drugs":["baclofen"]}})");
    CHECK(inStay["error"]["field"] == "stay.drugs");
    // The same key in two different objects is no duplicate.
    auto apart = evaluate(R"({"rr":12,"x":{"rr":1},"stay":{"pain_goal":3}})");
    CHECK(apart.contains("news2"));
}

TEST_CASE("evaluate: unknown keys in stay are warned about, wrong kinds are refused as stay.<key>",
          "[cli][hostile]") {
    cli::EvaluateSession session{rules::shippedRuleSet(), {}};
    bool ok = false;
    // "drug" for "drugs" would silently lose the baclofen-withdrawal emergency.
    auto out = cli::evaluateLine(
        R"({"patient":"p","hr":118,"stay":{"drug":["baclofen"],"procedures":["refill"]}})", session,
        ok);
    REQUIRE(ok);
    REQUIRE(out["warnings"].size() == 2);
    CHECK(out["warnings"][0]["field"] == "stay.drug");
    CHECK(out["warnings"][0]["value"] == json{"baclofen"});
    CHECK(out["warnings"][0]["message"] == "unknown field \"stay.drug\" was ignored");
    CHECK(out["warnings"][1]["field"] == "stay.procedures");
    CHECK_FALSE(raises(out, "baclofen-withdrawal")); // no drug was given: the warning says so

    for (auto [line, field] : {std::pair{R"({"stay":{"drugs":"baclofen"}})", "stay.drugs"},
                               std::pair{R"({"stay":{"drugs":[7]}})", "stay.drugs"},
                               std::pair{R"({"stay":{"risk":{"obesity":true}}})", "stay.risk"},
                               std::pair{R"({"stay":{"since":20261122}})", "stay.since"},
                               std::pair{R"({"stay":{"procedure":["refill"]}})", "stay.procedure"},
                               std::pair{R"({"stay":{"pain_goal":"4"}})", "stay.pain_goal"},
                               std::pair{R"({"stay":["baclofen"]})", "stay"}}) {
        INFO(line);
        auto bad = evaluate(line);
        CHECK(bad["error"]["field"] == field);
    }
}

TEST_CASE("evaluate: times that cannot be written back, and the epoch, are refused",
          "[cli][hostile]") {
    for (auto at : {"9999-12-31T23:00:00-01:00", "0001-01-01T00:30:00+01:00",
                    "1970-01-01T00:00:00Z", "1970-01-01T01:00:00+01:00"}) {
        INFO(at);
        auto out = evaluate(fmt::format(R"({{"rr":12,"at":"{}"}})", at));
        CHECK(out["error"]["field"] == "at");
        CHECK(out["error"]["value"] == at);
    }
    CHECK(evaluate(R"({"stay":{"since":"1970-01-01T00:00:00Z"}})")["error"]["field"] ==
          "stay.since");
    CHECK(evaluate(R"({"rr":12,"at":"9999-12-31T20:00:00Z"})").contains("news2")); // no next_due

    // A round late on 31 Dec 9999 whose next round would fall in year 10000: refused whole, and
    // its stay is not kept for later lines.
    cli::EvaluateSession session{rules::shippedRuleSet(), {}};
    bool ok = true;
    auto late = cli::evaluateLine(
        R"({"patient":"p","rr":12,"at":"9999-12-31T23:30:00Z","stay":{"drugs":["baclofen"],"since":"9999-12-31T22:00:00Z"}})",
        session, ok);
    CHECK_FALSE(ok);
    CHECK(late["error"]["field"] == "at");
    auto next =
        cli::evaluateLine(R"({"patient":"p","hr":118,"at":"9999-12-30T10:00:00Z"})", session, ok);
    CHECK(ok);
    // The same stay given with a time that leaves room does raise it: the check above is real.
    auto same = cli::evaluateLine(
        R"({"patient":"q","hr":118,"at":"9999-12-30T10:00:00Z","stay":{"drugs":["baclofen"],"since":"9999-12-30T09:00:00Z"}})",
        session, ok);
    CHECK(raises(same, "baclofen-withdrawal"));
    CHECK_FALSE(raises(next, "baclofen-withdrawal")); // the refused line's stay was not kept
}

TEST_CASE("evaluate: a next round after 2262 is written correctly (fuzzing regression)",
          "[cli][fuzz]") {
    std::ifstream in(std::string(VIGIL_SOURCE_DIR) +
                         "/tests/fuzz/regressions/evaluate-next-due-after-2262",
                     std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto [lines, exit] = evaluateLines(text);
    REQUIRE(lines.size() == 4);
    // Its first line: a round in 2640; formatting its next round overflowed nanoseconds.
    CHECK(lines[0]["next_due"] == "2640-11-22T13:00:00Z");
    CHECK(exit == 1); // "not json" and a Fahrenheit temperature are in the file too
}

TEST_CASE("evaluate: age over 65 from stay.date_of_birth on the day of the line", "[cli][age]") {
    cli::EvaluateSession session{rules::shippedRuleSet(), {}};
    bool ok = false;
    // 40 h after the fill: 4-hourly, or 2-hourly with a risk factor (over 65 from the 24th).
    auto line = [&](const std::string& at, const std::string& stay) {
        return cli::evaluateLine(R"({"rr":14,"at":")" + at +
                                     R"(","stay":{"since":)"
                                     R"("2026-11-21T12:00:00Z",)" +
                                     stay + "}}",
                                 session, ok);
    };
    auto birthday = line("2026-11-23T12:00:00Z", R"("date_of_birth":"1961-11-23")");
    CHECK(birthday["next_due"] == "2026-11-23T16:00:00Z");
    auto after = line("2026-11-24T12:00:00Z", R"("date_of_birth":"1961-11-23")");
    CHECK(after["next_due"] == "2026-11-24T14:00:00Z");
    auto both = line("2026-11-24T12:00:00Z",
                     R"("date_of_birth":"1990-01-01","risk":["over_65"])"); // contradicts
    CHECK(both["error"]["field"] == "stay.risk");
    CHECK_THAT(both["error"]["message"].get<std::string>(),
               Catch::Contains("comes from stay.date_of_birth"));
    auto bad = line("2026-11-24T12:00:00Z", R"("date_of_birth":"23/11/1961")");
    CHECK(bad["error"]["field"] == "stay.date_of_birth");
    auto noTime = evaluate(R"({"rr":14,"stay":{"date_of_birth":"1961-11-23"}})");
    CHECK(noTime["error"]["field"] == "stay.date_of_birth");
    CHECK_THAT(noTime["error"]["message"].get<std::string>(),
               Catch::Contains("needs the line's at"));
    // An older caller's tick, without a date of birth, still counts as recorded.
    auto ticked = evaluate(R"({"rr":14,"at":"2026-11-23T12:00:00Z","stay":{"since":)"
                           R"("2026-11-21T12:00:00Z","risk":["over_65"]}})");
    CHECK(ticked["next_due"] == "2026-11-23T14:00:00Z");
}
