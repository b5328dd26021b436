#pragma once
// `vigil events --db DB [--follow] [--since TIME|ID] [--json] [--with-names]`: the unit's
// events, oldest first, for paging and messaging systems; with --follow, as they happen.
#include "core/rules/ruleset.h"

#include <iosfwd>
#include <memory>
#include <string>

namespace vigil::cli {

struct EventsArgs {
    std::string db;
    std::string since; // empty: from the start of the record
    bool follow = false, json = false, withNames = false;
};

int runEvents(const EventsArgs& args, std::shared_ptr<const rules::RuleSet> rules,
              std::ostream& out, std::ostream& err);

} // namespace vigil::cli
