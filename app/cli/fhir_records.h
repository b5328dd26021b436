#pragma once
// The rounds of the record as FHIR bundles: gathered through the ward and the store's own
// repositories (no SQL of its own), one stay at a time so a year of history is never all in
// memory.
#include "fhir/round_bundle.h"
#include "store/database.h"

#include <functional>
#include <optional>

namespace vigil::cli {

struct RoundSelection {
    std::optional<StayId> stay;     // one stay, or all of them
    std::optional<TimePoint> since; // only rounds where something changed at or after this
};

// Calls `visit` with each selected round, oldest first within a stay. Throws std::runtime_error
// naming the stay when `selection.stay` is not in the record.
void forEachRound(store::Database& db, const RoundSelection& selection,
                  const std::function<void(const fhir::RoundRecord&)>& visit);

} // namespace vigil::cli
