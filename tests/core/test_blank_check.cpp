// `vigil rules check` warns about a rule that a blank checklist box silences (issue 11).
#include "core/rules/blank_check.h"
#include "core/rules/shipped.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace vigil;

namespace {
std::shared_ptr<const rules::RuleSet> oneRule(const std::string& when) {
    auto loaded = rules::loadRuleSet(fmt::format(R"(name = "t"
version = "1"
[[rule]]
id = "r"
level = "watch"
when = "{}"
message = "m"
action = "a"
source = "local: test"
summary = "s"
)",
                                                 when),
                                     "t.toml");
    REQUIRE(loaded.errors.empty());
    return loaded.ruleSet;
}
std::vector<std::string> trapFields(const std::string& when) {
    std::vector<std::string> out;
    for (auto& t : rules::blankTraps(*oneRule(when)))
        out.push_back(t.field);
    return out;
}
using Fields = std::vector<std::string>;
} // namespace

TEST_CASE("a negated checklist item that silences the rule when blank is found", "[rules][blank]") {
    CHECK(trapFields("headache >= 1 and headache_postural and not neck_stiffness") ==
          Fields{"neck_stiffness"});
    CHECK(trapFields("itching >= 1 and rash == false") == Fields{"rash"});
    CHECK(trapFields("headache >= 2 and nausea < 1") == Fields{"nausea"});
    CHECK(trapFields("itching >= 1 and bleeding != 'active'") == Fields{"bleeding"});
    CHECK(trapFields("headache >= 1 and not (temp >= 38.1)") == Fields{"temp"});
    auto traps = rules::blankTraps(*oneRule("itching >= 1 and not rash"));
    REQUIRE(traps.size() == 1);
    CHECK(traps[0].reassuring == "no");
    CHECK_THAT(traps[0].message, Catch::Contains("can never fire when rash is not recorded") &&
                                     Catch::Contains("missing(rash)"));
}

TEST_CASE("what was meant, and plain findings, are not warned about", "[rules][blank]") {
    CHECK(trapFields("headache >= 1 and headache_postural") == Fields{});
    CHECK(trapFields("itching >= 1 and (missing(rash) or not rash)") == Fields{});
    CHECK(trapFields("rr <= 8") == Fields{}); // a measurement not taken: right to stay quiet
    CHECK(trapFields("new_weakness or new_numbness") == Fields{});
    CHECK(trapFields("persist(bowels_opened == false, 2)") == Fields{}); // "no" is the finding
    CHECK(trapFields("poss >= 3 or acvpu != 'A'") == Fields{}); // another part can still fire
    CHECK(trapFields("rise(bromage, 6h) >= 1") == Fields{});
}

TEST_CASE("the shipped rule set has no rule a blank box silences", "[rules][blank]") {
    CHECK(rules::blankTraps(*rules::shippedRuleSet()).empty());
}
