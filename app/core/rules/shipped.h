#pragma once
// The shipped rule set (resources/rules/intrathecal-recovery.toml), compiled into the binary.
#include "core/rules/ruleset.h"

#include <string_view>

namespace vigil::rules {

std::string_view shippedRuleText(); // defined in the generated resources library
inline constexpr const char* kShippedRulePath = "intrathecal-recovery.toml (built in)";
std::shared_ptr<const RuleSet> shippedRuleSet(); // throws if the shipped file does not load

} // namespace vigil::rules
