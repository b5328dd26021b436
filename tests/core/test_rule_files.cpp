// Rule files that were once accepted and must be refused, each at file:line:column; and a big
// condition that must load (its time and memory are measured in tests/bench, not here).
#include "core/rules/engine.h"
#include "core/rules/hidden_text.h"

#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fstream>

using namespace vigil;
using namespace vigil::rules;

namespace {
// One rule; `line6` replaces its `when` line (line 6 of the file) and `extra` follows the rule.
std::string ruleFile(std::string_view id, std::string_view line6 = "when = \"rr <= 8\"",
                     std::string_view extra = "") {
    return fmt::format("name = \"local\"\nversion = \"1\"\n[[rule]]\nid = \"{}\"\nlevel = "
                       "\"urgent\"\n{}\nmessage = \"RR {{rr}}\"\naction = \"call\"\nsource = "
                       "\"local: test\"\nsummary = \"RR 8/min or less\"\n{}",
                       id, line6, extra);
}
std::vector<std::string> errors(const std::string& text) {
    auto loaded = loadRuleSet(text, "local.toml");
    std::vector<std::string> out;
    for (auto& e : loaded.errors)
        out.push_back(e.text());
    CHECK((loaded.ruleSet == nullptr) == !out.empty());
    return out;
}
} // namespace

TEST_CASE("the test rule file loads as written", "[rules][files]") {
    CHECK(errors(ruleFile("rr-8")).empty());
    CHECK(errors(ruleFile("rr-8", "when = \"rr <= 8\"", "repeat_after = \"30d\"\n")).empty());
}

TEST_CASE("an empty rule id is refused", "[rules][files]") {
    for (auto id : {"", "   "}) {
        auto e = errors(ruleFile(id));
        REQUIRE(e.size() == 1);
        CHECK_THAT(e[0], Catch::StartsWith("local.toml:4:6: id is empty"));
    }
}

TEST_CASE("control and bidirectional characters are refused in ids and texts", "[rules][files]") {
    // TOML escapes, so the file itself shows what is hidden in the value.
    for (auto [escaped, code] : {std::pair{"\\u202E", "U+202E"}, std::pair{"\\u202A", "U+202A"},
                                 std::pair{"\\u2066", "U+2066"}, std::pair{"\\u2069", "U+2069"},
                                 std::pair{"\\u200E", "U+200E"}, std::pair{"\\u200F", "U+200F"},
                                 std::pair{"\\u061C", "U+061C"}, std::pair{"\\u0007", "U+0007"},
                                 std::pair{"\\t", "U+0009"}, std::pair{"\\n", "U+000A"},
                                 std::pair{"\\u007F", "U+007F"}, std::pair{"\\u0085", "U+0085"}}) {
        INFO(escaped);
        auto e = errors(ruleFile(fmt::format("rr-{}8", escaped)));
        REQUIRE(e.size() == 1);
        CHECK_THAT(e[0], Catch::StartsWith("local.toml:4:6: \"id\" holds") &&
                             Catch::Contains(fmt::format("({}) at character 4", code)));
    }
    // Raw in the file, not escaped: what a copy-paste from elsewhere brings in.
    auto message = errors("name = \"local\"\nversion = \"1\"\n[[rule]]\nid = \"rr-8\"\nlevel = "
                          "\"urgent\"\nwhen = \"rr <= 8\"\nmessage = \"RR {rr} \u202Elamron\"\n"
                          "action = \"call\"\nsource = \"local: test\"\nsummary = \"RR\"\n");
    REQUIRE(message.size() == 1);
    CHECK_THAT(message[0], Catch::StartsWith("local.toml:7:11: \"message\" holds a bidirectional "
                                             "control (U+202E) at character 9"));
    // A condition may be spread over lines; a bidirectional control is refused there too.
    CHECK(errors(ruleFile("rr-8", "when = \"\"\"rr <= 8\n\tand spo2 < 95\"\"\"")).empty());
    auto inCondition = errors(ruleFile("rr-8", "when = \"drug('baclofen\\u2066')\""));
    REQUIRE(inCondition.size() == 1);
    CHECK_THAT(inCondition[0], Catch::StartsWith("local.toml:6:8: \"when\" holds a bidirectional"));
    // Ordinary non-ASCII text is fine: "§", "µg", "°C".
    CHECK(errors(ruleFile("temp-38°C-µg-§5")).empty());
}

TEST_CASE("hidden characters are found by code point, not by byte", "[rules][files]") {
    CHECK_FALSE(findHiddenCharacter("SpO₂ ≤ 91 % — §5"));
    auto h = findHiddenCharacter("é\u2067x");
    REQUIRE(h);
    CHECK(h->code == 0x2067);
    CHECK(h->character == 2);
    auto broken = findHiddenCharacter("ab\xC3");
    REQUIRE(broken);
    CHECK(broken->code == 0xFFFD);
    // Zero-width characters make two ids that look the same differ.
    auto invisible = findHiddenCharacter("rr\u200B-8");
    REQUIRE(invisible);
    CHECK(invisible->code == 0x200B);
    CHECK_THAT(invisible->describe(), Catch::StartsWith("an invisible (zero-width) character"));
    CHECK(findHiddenCharacter("\uFEFFid"));
}

TEST_CASE("durations must be finite and at most 30 days", "[rules][files]") {
    for (auto bad : {"infm", "nanm", "1e300m", "31d", "745h", "43201m", "-5m", "0m"}) {
        INFO(bad);
        auto e = errors(
            ruleFile("rr-8", "when = \"rr <= 8\"", fmt::format("repeat_after = \"{}\"\n", bad)));
        REQUIRE(e.size() == 1);
        CHECK_THAT(e[0], Catch::StartsWith("local.toml:11:16: repeat_after") &&
                             Catch::Contains("up to 30 days"));
    }
    auto timing = errors(ruleFile("rr-8") + "[timing]\nacknowledge_urgent = \"1e300m\"\n");
    REQUIRE(timing.size() == 1);
    CHECK_THAT(timing[0], Catch::StartsWith("local.toml:12:22: timing.acknowledge_urgent"));
    auto window = errors(ruleFile("rr-8", "when = \"drop(rr, 99999999m) >= 4\""));
    REQUIRE(window.size() == 1);
    CHECK_THAT(window[0], Catch::StartsWith("local.toml:6:18: when: \"99999999m\" is not a "
                                            "duration") &&
                              Catch::Contains("up to 30 days"));
    CHECK(parseDuration("30d") == 30 * 86400.0);
    CHECK_FALSE(parseDuration("inf"
                              "d"));
    CHECK_FALSE(parseDuration("30.001d"));
}

TEST_CASE("an applies_to range must run from low to high", "[rules][files]") {
    auto reversed = errors(
        ruleFile("rr-8", "when = \"rr <= 8\"", "applies_to = { hours_since_fill = [24, 12] }\n"));
    REQUIRE(reversed.size() == 1);
    CHECK_THAT(reversed[0], Catch::StartsWith("local.toml:11:36: applies_to.hours_since_fill "
                                              "[24, 12]: the low end must be below the high end"));
    CHECK(errors(ruleFile("rr-8", "when = \"rr <= 8\"",
                          "applies_to = { hours_since_fill = [6, 6] }\n"))
              .size() == 1);
    auto infinite = errors(
        ruleFile("rr-8", "when = \"rr <= 8\"", "applies_to = { hours_since_fill = [0, inf] }\n"));
    REQUIRE(infinite.size() == 1);
    CHECK_THAT(infinite[0], Catch::Contains("finite"));
    CHECK(errors(ruleFile("rr-8", "when = \"rr <= 8\"",
                          "applies_to = { hours_since_fill = [0, 24.5] }\n"))
              .empty());
}

TEST_CASE("a folder given as the rule file is refused as a folder", "[rules][files]") {
    test::TempDir dir;
    auto loaded = loadRuleSetFile(dir.path().string());
    CHECK_FALSE(loaded.ruleSet);
    REQUIRE(loaded.errors.size() == 1);
    CHECK(loaded.errors[0].text() == dir.path().string() +
                                         ":0:0: is a folder, not a rule file: give the .toml file "
                                         "in it");
}

TEST_CASE("a 200 KB condition loads and evaluates", "[rules][files]") {
    // Once quadratic (every node copied its source text): 3 s and 2.6 GB. Timing is in
    // tests/bench/bench_rules.cpp; here only that it loads and means what it says.
    std::string sum;
    for (int i = 0; i < 40000; ++i)
        sum += "rr + ";
    auto loaded = loadRuleSet(ruleFile("big", "when = \"" + sum + "rr - rr > 1\""), "big.toml");
    REQUIRE(loaded.ruleSet);
    const Rule& rule = loaded.ruleSet->rules.front();
    ObservationRound r;
    r.rr = 2;
    auto now = snapshot(r, news2::score(r), nullptr);
    CHECK(rule.when->eval({&now, {}, nullptr}) == 1); // 40000 * 2 > 1
    std::vector<std::string> because;
    rule.when->explain({&now, {}, nullptr}, because);
    REQUIRE(because.size() == 1);
    CHECK_THAT(because[0], Catch::EndsWith("= 80000 > 1"));
}
