#pragma once
// A clinician's observation frequencies for a patient. Insert-only: a new one replaces the older.
#include "core/observation_frequency.h"
#include "store/database.h"
#include "store/id_list.h"

#include <map>
#include <vector>

namespace vigil::store {

std::int64_t insertFrequency(Database& db, const ObservationFrequency& f);
std::vector<ObservationFrequency> frequencies(Database& db, StayId stay); // all, oldest first
std::map<StayId, std::vector<ObservationFrequency>> frequenciesFor(Database& db,
                                                                   const IdList& stays);

} // namespace vigil::store
