#pragma once
// A clinician's observation frequencies for a patient. Insert-only: a new one replaces the older.
#include "core/observation_frequency.h"
#include "store/database.h"

#include <vector>

namespace vigil::store {

std::int64_t insertFrequency(Database& db, const ObservationFrequency& f);
std::vector<ObservationFrequency> frequencies(Database& db, StayId stay); // all, oldest first

} // namespace vigil::store
