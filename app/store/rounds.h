#pragma once
// Observation rounds and their amendments. Insert-only; the schema's triggers refuse the rest.
#include "core/amendment.h"
#include "core/news2.h"
#include "core/observation.h"

#include "store/database.h"
#include "store/id_list.h"
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vigil::store {

RoundId insertRound(Database& db, const ObservationRound& round, const news2::Result& shown,
                    const std::set<std::string>& confirmed, TimePoint recordedAt);
// Newest first; `limit` 0 means all.
std::vector<ObservationRound> roundsForStay(Database& db, StayId stay, int limit = 0);
// The newest `perStay` rounds of each stay in `stays`, newest first, in one query.
std::map<StayId, std::vector<ObservationRound>> recentRounds(Database& db, const IdList& stays,
                                                             int perStay);
// Every round of each stay in `stays`, newest first, and every amendment of them, oldest first:
// the shift summary's reads, one query each whatever the number of beds.
std::map<StayId, std::vector<ObservationRound>> roundsFor(Database& db, const IdList& stays);
std::map<StayId, std::vector<Amendment>> amendmentsFor(Database& db, const IdList& stays);
// The round saved with this device key, if one was.
std::optional<RoundId> roundByDeviceKey(Database& db, const std::string& key);
// How many rounds of the stay were taken at or after `since`.
int countRoundsSince(Database& db, StayId stay, TimePoint since);
std::optional<ObservationRound> findRound(Database& db, RoundId id);

std::int64_t insertAmendment(Database& db, const Amendment& a);
std::vector<Amendment> amendmentsForStay(Database& db, StayId stay);
// Only those of these rounds: a save needs the last few, not the whole stay's.
std::vector<Amendment> amendmentsForRounds(Database& db,
                                           const std::vector<ObservationRound>& rounds);

} // namespace vigil::store
