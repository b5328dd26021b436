#pragma once
// Staff, stays and discharges. Insert-only, like every clinical table.
#include "core/stay.h"

#include "store/database.h"
#include <optional>
#include <string>
#include <vector>

namespace vigil::store {

enum class Role { Nurse, ChargeNurse, Admin };
std::string_view roleCode(Role r);

struct StaffMember {
    StaffId id = 0;
    std::string name;
    Role role = Role::Nurse;
};

StaffId insertStaff(Database& db, const std::string& name, Role role, TimePoint now);
std::vector<StaffMember> listStaff(Database& db);

StayId insertStay(Database& db, const Stay& stay);
void insertDischarge(Database& db, StayId stay, TimePoint at, StaffId by);
std::optional<Stay> findStay(Database& db, StayId id);
// Stays not discharged, by bed.
std::vector<Stay> openStays(Database& db);

} // namespace vigil::store
