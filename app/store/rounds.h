#pragma once
// Observation rounds and their amendments. Insert-only; the schema's triggers refuse the rest.
#include "core/amendment.h"
#include "core/news2.h"
#include "core/observation.h"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vigil::store {

RoundId insertRound(SQLite::Database& db, const ObservationRound& round, const news2::Result& shown,
                    const std::set<std::string>& confirmed, TimePoint recordedAt);
// Newest first; `limit` 0 means all.
std::vector<ObservationRound> roundsForStay(SQLite::Database& db, StayId stay, int limit = 0);
std::optional<ObservationRound> findRound(SQLite::Database& db, RoundId id);

std::int64_t insertAmendment(SQLite::Database& db, const Amendment& a);
std::vector<Amendment> amendmentsForStay(SQLite::Database& db, StayId stay);

} // namespace vigil::store
