#pragma once
// Staff, their PINs (hashes only), sign-ins and the ward's rule choice. Insert-only, audited.
#include "core/staff.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil::store {

// Kept for the callers that spoke of store::Role before roles moved to core.
using vigil::Role;
std::string_view roleCode(Role r);

struct StaffMember {
    StaffId id = 0;
    std::string name;
    Role role = Role::Nurse;
    bool hasPin = false; // only staff with a PIN can sign in
};

StaffId insertStaff(Database& db, const std::string& name, Role role, TimePoint now);
std::vector<StaffMember> listStaff(Database& db); // by name
std::optional<StaffMember> findStaff(Database& db, StaffId id);

void insertPin(Database& db, StaffId staff, const std::string& hash, TimePoint at, StaffId by);
std::optional<std::string> currentPinHash(Database& db, StaffId staff);

void insertSignIn(Database& db, StaffId staff, TimePoint at, SignInAttempt::Outcome outcome);
// Oldest first, only those that still matter for a lock (the last hour).
std::vector<SignInAttempt> recentSignIns(Database& db, StaffId staff, TimePoint since);

struct RuleChoice {
    std::string path, ruleSet, sha256;
    TimePoint at;
    StaffId by = 0;
};
void insertRuleChoice(Database& db, const RuleChoice& choice);
std::optional<RuleChoice> currentRuleChoice(Database& db);

} // namespace vigil::store
