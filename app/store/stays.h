#pragma once
// Stays and discharges. Insert-only, like every clinical table.
#include "core/stay.h"

#include "store/database.h"
#include <optional>
#include <string>
#include <vector>

namespace vigil::store {

StayId insertStay(Database& db, const Stay& stay);
void insertDischarge(Database& db, StayId stay, TimePoint at, StaffId by);
std::optional<Stay> findStay(Database& db, StayId id);
// Stays not discharged, by bed.
std::vector<Stay> openStays(Database& db);
// Stays on the ward at some time in [start, end): admitted before the end, not gone before the
// start.
std::vector<Stay> staysDuring(Database& db, TimePoint start, TimePoint end);
// The ward's bed order: by the number a bed starts with ("2" before "10"), then by name.
bool inBedOrder(const Stay& a, const Stay& b);

} // namespace vigil::store
