#include "core/hash.h"
#include "core/rules/engine.h"
#include "core/rules/shipped.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace vigil;
using namespace vigil::rules;
using namespace std::chrono;

namespace {
const TimePoint t0 = sys_days{2026y / 11 / 22} + hours(9);

Snapshot snap(ObservationRound r, minutes at, const Stay* stay = nullptr) {
    r.takenAt = t0 + at;
    return snapshot(r, news2::score(r), stay);
}
ObservationRound rr(double v) {
    ObservationRound r;
    r.rr = v;
    return r;
}
std::string compileError(std::string_view text) {
    try {
        compile(text, Type::Bool);
    } catch (const CompileError& e) {
        return e.what();
    }
    return "(compiled)";
}
// Evaluates `text` for the last of `rounds` (oldest first).
double eval(std::string_view text, std::vector<Snapshot> rounds, const Stay* stay = nullptr) {
    auto e = compile(text);
    std::vector<Snapshot> earlier(rounds.rbegin() + 1, rounds.rend());
    return e->eval({&rounds.back(), earlier, stay});
}
std::vector<std::string> because(std::string_view text, std::vector<Snapshot> rounds) {
    auto e = compile(text, Type::Bool);
    std::vector<Snapshot> earlier(rounds.rbegin() + 1, rounds.rend());
    std::vector<std::string> out;
    e->explain({&rounds.back(), earlier, nullptr}, out);
    return out;
}
} // namespace

TEST_CASE("conditions are checked at load with messages a nurse can act on", "[rules]") {
    CHECK_THAT(compileError("rrr <= 8"),
               Catch::Contains("unknown field \"rrr\"") && Catch::Contains("did you mean \"rr\""));
    CHECK_THAT(compileError("drop(rr, 2x) > 1"), Catch::Contains("\"2x\" is not a duration"));
    CHECK_THAT(compileError("acvpu == 'X'"),
               Catch::Contains("\"X\" is not a acvpu code: one of A, C, V, P, U"));
    CHECK_THAT(compileError("rr == 'A'"), Catch::Contains("cannot compare"));
    CHECK_THAT(compileError("rr = 8"), Catch::Contains("use =="));
    CHECK_THAT(compileError("rr + 2"), Catch::Contains("must be true/false"));
    CHECK_THAT(compileError("sqrt(rr) > 1"), Catch::Contains("unknown function \"sqrt\""));
    CHECK_THAT(compileError("persist(rr < 10, 0)"), Catch::Contains("number of rounds"));
    CHECK_THAT(compileError("rr <= 8 and"), Catch::Contains("ends too early"));
    CHECK_THAT(compileError("hours_since_fill < 2h"), Catch::Contains("duration"));
    CHECK_THAT(compileError("drug('aspirin')"), Catch::Contains("not a drug code"));
    CHECK(compileError("rr <= 8 and (acvpu in ['V', 'P', 'U'] or not bowels_opened)") ==
          "(compiled)");
}

TEST_CASE("a value not measured makes a comparison unknown, and unknown never fires", "[rules]") {
    ObservationRound none;
    CHECK(std::isnan(eval("rr <= 8", {snap(none, 0min)})));
    CHECK(std::isnan(eval("not (rr <= 8)", {snap(none, 0min)})));
    CHECK(eval("rr <= 8 or poss == 4", {snap(rr(7), 0min)}) == 1);  // a true part decides "or"
    CHECK(eval("rr <= 8 and poss == 4", {snap(rr(9), 0min)}) == 0); // a false part decides "and"
    CHECK(eval("missing(temp)", {snap(none, 0min)}) == 1);
}

TEST_CASE("choices compare by their code", "[rules]") {
    ObservationRound r;
    r.acvpu = Acvpu::Voice;
    r.poss = Poss::Asleep;
    CHECK(eval("acvpu in ['V', 'P', 'U']", {snap(r, 0min)}) == 1);
    CHECK(eval("acvpu == 'A'", {snap(r, 0min)}) == 0);
    CHECK(eval("acvpu > 'C'", {snap(r, 0min)}) == 1); // codes keep their order: A C V P U
    CHECK(eval("poss == 0", {snap(r, 0min)}) == 1);   // S is 0
}

TEST_CASE("history functions look back over the patient's earlier rounds", "[rules]") {
    std::vector<Snapshot> rounds{snap(rr(16), 0min), snap(rr(14), 60min), snap(rr(12), 120min),
                                 snap(rr(10), 150min)};
    CHECK(eval("prev(rr)", rounds) == 12);
    CHECK(eval("drop(rr, 2h)", rounds) == 4); // 14 (60 min) and 12 are in the window; 16 is not
    CHECK(eval("drop(rr, 3h)", rounds) == 6);
    CHECK(eval("rise(rr, 2h)", rounds) == -2);
    CHECK(eval("persist(rr < 15, 3)", rounds) == 1);
    CHECK(eval("persist(rr < 15, 4)", rounds) == 0);
    CHECK(std::isnan(eval("prev(rr)", {snap(rr(10), 0min)})));
    CHECK(std::isnan(eval("drop(rr, 2h)", {snap(rr(10), 0min)})));

    ObservationRound weak;
    weak.newWeakness = true;
    ObservationRound fine;
    fine.newWeakness = false;
    CHECK(eval("new(new_weakness)", {snap(fine, 0min), snap(weak, 60min)}) == 1);
    CHECK(eval("new(new_weakness)", {snap(weak, 0min), snap(weak, 60min)}) == 0);
    CHECK(eval("new(new_weakness)", {snap(weak, 0min)}) == 1);
}

TEST_CASE("stay facts", "[rules]") {
    Stay s;
    s.drugs = {Drug::Baclofen};
    s.risks = {RiskFactor::Over65};
    s.since = t0 - hours(3);
    s.procedure = Procedure::Refill;
    auto now = snap(rr(14), 0min, &s);
    CHECK(eval("drug('baclofen')", {now}, &s) == 1);
    CHECK(eval("drug('morphine')", {now}, &s) == 0);
    CHECK(eval("risk('over_65')", {now}, &s) == 1);
    CHECK(eval("hours_since_fill", {now}, &s) == 3);
    CHECK(eval("procedure == 'refill'", {now}, &s) == 1);
    CHECK(std::isnan(eval("drug('baclofen')", {snap(rr(14), 0min)})));
}

TEST_CASE("an explanation names each part that held, with its value", "[rules]") {
    std::vector<Snapshot> rounds{snap(rr(14), 0min), snap(rr(8), 60min)};
    CHECK(because("rr <= 8", rounds) == std::vector<std::string>{"rr 8 <= 8"});
    CHECK(because("drop(rr, 2h) >= 4 and rr < 10", rounds) ==
          std::vector<std::string>{"drop(rr, 2h) = 6 >= 4", "rr 8 < 10"});
    CHECK(because("poss == 4 or rr <= 8", rounds) == std::vector<std::string>{"rr 8 <= 8"});
}

TEST_CASE("a rule file with errors is refused whole, each error at file:line:column", "[rules]") {
    auto loaded = loadRuleSet(R"(name = "local"
version = "2"
[[rule]]
id = "a"
level = "urgent"
when = "rr <= 8"
message = "RR {rr}"
action = "call"
source = "clinical-reference §5"
summary = "RR 8/min or less"
[[rule]]
id = "a"
level = "severe"
when = "rr <== 8"
message = "RR {rrr}"
action = "call"
source = "clinical-reference §5"
summary = "RR 8/min or less"
[[rule]]
id = "c"
level = "emergency"
when = "rr <= 8"
message = "x"
action = "y"
source = "clinical-reference §5"
summary = "RR 8/min or less"
repeat_after = "30m"
)",
                              "local.toml");
    CHECK_FALSE(loaded.ruleSet);
    std::vector<std::string> errors;
    for (auto& e : loaded.errors)
        errors.push_back(e.text());
    REQUIRE(errors.size() == 5);
    CHECK_THAT(errors[0], Catch::StartsWith("local.toml:12:6: duplicate rule id \"a\""));
    CHECK_THAT(errors[1], Catch::StartsWith("local.toml:13:9: unknown level \"severe\""));
    CHECK_THAT(errors[2], Catch::StartsWith("local.toml:14:14: when: use == to compare"));
    CHECK_THAT(errors[3], Catch::StartsWith("local.toml:15:16: message: unknown field \"rrr\""));
    CHECK_THAT(errors[4],
               Catch::StartsWith("local.toml:27:16: an emergency flag is never suppressed"));
}

TEST_CASE("malformed TOML is refused with its position", "[rules]") {
    auto loaded = loadRuleSet("name = \"x\"\nversion = \n", "bad.toml");
    REQUIRE(loaded.errors.size() == 1);
    CHECK_THAT(loaded.errors[0].text(), Catch::StartsWith("bad.toml:2:"));
}

TEST_CASE("the shipped rule set loads and is identified by its SHA-256", "[rules]") {
    auto set = shippedRuleSet();
    CHECK(set->name == "intrathecal-recovery");
    CHECK(set->rules.size() >= 25);
    CHECK(set->sha256 == sha256Hex(shippedRuleText()));
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

namespace {
std::shared_ptr<const RuleSet> set(const std::string& rules) {
    auto loaded = loadRuleSet("name = \"t\"\nversion = \"1\"\n" + rules, "t.toml");
    INFO((loaded.errors.empty() ? "" : loaded.errors[0].text()));
    REQUIRE(loaded.ruleSet);
    return loaded.ruleSet;
}
// Runs rounds through the engine as the ward does, returning the flags after each.
std::vector<std::vector<Flag>> run(const RuleSet& s, const std::vector<Snapshot>& rounds) {
    std::vector<std::vector<Flag>> out;
    std::vector<OpenFlag> open;
    for (size_t i = 0; i < rounds.size(); ++i) {
        std::vector<Snapshot> earlier(rounds.rbegin() + static_cast<long>(rounds.size() - i),
                                      rounds.rend());
        auto flags = evaluate(s, {&rounds[i], earlier, nullptr}, open);
        open.clear();
        for (auto& f : flags)
            open.push_back({f.rule, f.lastRaised, f.tracked});
        out.push_back(flags);
    }
    return out;
}
const char* kRule = R"(
[[rule]]
id = "slow"
level = "urgent"
when = "rr <= 10"
message = "RR {rr}"
action = "review"
source = "clinical-reference §5"
summary = "RR 10/min or less"
repeat_after = "1h"
track = "rr"
worse = "lower"
[[rule]]
id = "very-slow"
level = "emergency"
when = "rr <= 8"
message = "RR {rr}"
action = "now"
source = "clinical-reference §5"
summary = "RR 8/min or less"
clear_when = "rr >= 12"
)";
} // namespace

TEST_CASE("repeat_after keeps a flag open without raising it again, unless it worsens",
          "[rules][engine]") {
    auto s = set(kRule);
    auto flags = run(*s, {snap(rr(10), 0min), snap(rr(10), 30min), snap(rr(10), 60min),
                          snap(rr(10), 70min), snap(rr(9), 80min)});
    REQUIRE(flags[0].size() == 1);
    CHECK(flags[0][0].raised);
    CHECK(flags[0][0].message == "RR 10");
    CHECK_FALSE(flags[1][0].raised); // within the hour
    CHECK(flags[2][0].raised);       // an hour later
    CHECK_FALSE(flags[3][0].raised);
    CHECK(flags[4][0].raised); // worse: 9 < 10
}

TEST_CASE("an emergency is raised every round, and suppression never hides it", "[rules][engine]") {
    auto s = set(kRule);
    auto flags = run(*s, {snap(rr(10), 0min), snap(rr(8), 10min), snap(rr(8), 20min)});
    REQUIRE(flags[1].size() == 2);
    CHECK(flags[1][0].rule == "very-slow"); // highest first
    CHECK(flags[1][0].raised);
    CHECK(flags[1][1].rule == "slow");
    CHECK(flags[1][1].raised); // worse than at its raise (10)
    CHECK(flags[2][0].raised); // emergency again
    CHECK_FALSE(flags[2][1].raised);
}

TEST_CASE("clear_when keeps a flag open until it holds", "[rules][engine]") {
    auto s = set(kRule);
    auto flags = run(*s, {snap(rr(8), 0min), snap(rr(11), 30min), snap(rr(12), 60min)});
    REQUIRE(flags[1].size() == 1);
    CHECK(flags[1][0].rule == "very-slow");
    CHECK_FALSE(flags[1][0].raised);
    CHECK_THAT(flags[1][0].because[0], Catch::Contains("clears when rr >= 12"));
    CHECK(flags[2].empty());
}

TEST_CASE("applies_to limits a rule to drugs, procedures and hours since the fill",
          "[rules][engine]") {
    auto s = set(R"(
[[rule]]
id = "baclofen-fever"
level = "emergency"
when = "temp >= 38.1"
message = "T {temp}"
action = "now"
source = "clinical-reference §5"
summary = "Fever on a baclofen pump"
applies_to = { drugs = ["baclofen"], hours_since_fill = [0, 24] }
)");
    ObservationRound hot;
    hot.temp = 38.5;
    Stay baclofen, morphine;
    baclofen.drugs = {Drug::Baclofen};
    morphine.drugs = {Drug::Morphine};
    baclofen.since = morphine.since = t0 - hours(2);
    auto now = snap(hot, 0min, &baclofen);
    CHECK(evaluate(*s, {&now, {}, &baclofen}, {}).size() == 1);
    CHECK(evaluate(*s, {&now, {}, &morphine}, {}).empty());
    baclofen.since = t0 - hours(30);
    auto late = snap(hot, 0min, &baclofen);
    CHECK(evaluate(*s, {&late, {}, &baclofen}, {}).empty());
}

TEST_CASE("deep nesting is refused, not a stack overflow (fuzzing regression)", "[rules][fuzz]") {
    std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/tests/fuzz/regressions/rules-deep-nesting",
                     std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    REQUIRE(text.size() > 1000);
    CHECK_THROWS_WITH(compile(text), Catch::Contains("nests too deeply"));
    CHECK_THROWS_WITH(compile(std::string(200, '(') + "rr" + std::string(200, ')')),
                      Catch::Contains("nests too deeply"));
    CHECK_THROWS_WITH(compile([] {
                          std::string s;
                          for (int i = 0; i < 200; ++i)
                              s += "not ";
                          return s + "o2";
                      }()),
                      Catch::Contains("nests too deeply"));
    CHECK(compile(std::string(20, '(') + "rr <= 8" + std::string(20, ')'), Type::Bool));
}
