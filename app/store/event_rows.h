#pragma once
// The rows the unit's events are read from (`vigil events`): one per admission, discharge,
// round, missed round, raised flag, escalation, escalation step and cascade step, with the
// facts a paging gateway needs. Deterministic: the same record gives the same rows.
#include "core/clock.h"
#include "store/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace vigil::store {

using EventField = std::variant<std::int64_t, std::string>;

struct EventRow {
    TimePoint at{};
    std::string kind;
    std::int64_t ref = 0, sub = 0; // the row (and which table, for a kind from two)
    std::int64_t stay = 0;
    std::vector<std::pair<std::string, EventField>> fields; // in the order printed
};

// Every such row, unordered (with `from`, those at or after it); staff are named ("who"),
// patients are not (the caller adds them).
std::vector<EventRow> eventRows(Database& db, std::optional<TimePoint> from = std::nullopt);

} // namespace vigil::store
