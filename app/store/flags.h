#pragma once
// Flags as stored with their round: insert-only, each naming the rule set that produced it.
#include "core/rules/engine.h"

#include "store/database.h"
#include <map>
#include <vector>

namespace vigil::store {

struct StoredFlag {
    RoundId round = 0;
    rules::Flag flag;
    std::string ruleSetName, ruleSetVersion, ruleSetSha256;
};

void insertFlags(Database& db, RoundId round, StayId stay, const std::vector<rules::Flag>& flags,
                 const rules::RuleSet& set);
// Highest level first, as evaluated.
std::vector<StoredFlag> flagsForRound(Database& db, RoundId round);
// The flags of each of `rounds`, in one query.
std::map<RoundId, std::vector<StoredFlag>> flagsForRounds(Database& db,
                                                          const std::vector<RoundId>& rounds);

} // namespace vigil::store
