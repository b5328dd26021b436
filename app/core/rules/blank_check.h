#pragma once
// The "blank box" trap (issue 11): a value not recorded is unknown, and a rule fires only when its
// condition is true. Right for measurements; wrong when a rule negates or compares a checklist
// answer that was never asked: `headache >= 1 and headache_postural and not neck_stiffness`
// never fires with neck stiffness left blank, although it fires when neck stiffness is "no".
// This finds every such rule, so `vigil rules check` can say so before a patient meets it.
#include "core/rules/ruleset.h"

#include <string>
#include <vector>

namespace vigil::rules {

struct BlankTrap {
    std::string rule;
    std::string field;      // the item whose blank silences the rule
    std::string reassuring; // the answer with which the rule can fire: "no", "0", "A"
    std::string message;    // what happens and how to write what was meant
};

// Each rule and field where the rule can fire with the field at its reassuring answer (no, none,
// 0, normal) but never with the field not recorded. Searches the rule's condition over the
// values its comparisons name (and missing); history is the same round repeated, or none.
std::vector<BlankTrap> blankTraps(const RuleSet& set);

} // namespace vigil::rules
