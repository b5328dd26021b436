#pragma once
// Evaluates a rule set for one round, against the patient's earlier rounds and the flags that
// were open after the previous round. Returns the flags open now, highest level first.
#include "core/rules/ruleset.h"

#include <string>
#include <vector>

namespace vigil::rules {

// What the engine needs to know of a flag from the previous round.
struct OpenFlag {
    std::string rule;
    TimePoint lastRaised{}; // when it last alerted
    double trackedAtRaise = kMissing;
};

struct Flag {
    std::string rule;
    Level level = Level::Info;
    bool raised = true; // false: still open, but not raised again (repeat_after, clear_when)
    std::string message;
    std::string action;
    std::string source;
    std::vector<std::string> because; // each part of the condition that held, with its value
    TimePoint lastRaised{};
    double tracked = kMissing;
};

std::vector<Flag> evaluate(const RuleSet& set, const Frame& frame,
                           const std::vector<OpenFlag>& before);

// The highest level among the flags, if any.
std::optional<Level> highest(const std::vector<Flag>& flags);

} // namespace vigil::rules
