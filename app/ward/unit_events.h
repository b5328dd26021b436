#pragma once
// The unit's events for paging and messaging systems (`vigil events`), derived from the record's
// rows so the same record always gives the same events, in the same order, with the same ids:
// a follower restarted with --since prints each one once. Two kinds are deadlines rather than
// rows: acknowledgement_overdue and round_overdue carry the deadline as their time and exist
// once it has passed.
#include "core/rules/ruleset.h"
#include "store/database.h"
#include "store/event_rows.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil::ward {

struct UnitEvent {
    TimePoint at{};
    std::string kind;
    int rank = 0;                  // ties at one time: admission first, discharge last
    std::int64_t ref = 0, sub = 0; // the row (or escalation and clock, or round)
    std::int64_t stay = 0;
    std::string bed, name, mrn;
    std::vector<std::pair<std::string, store::EventField>> fields;
    // "2026-11-22T09:05:00Z/round_saved/42.0": its place in the order, usable as --since.
    std::string id() const;
    auto key() const { return std::tuple(at, rank, ref, sub); }
};

struct UnitEvents {
    std::vector<UnitEvent> events;   // at or before `now`, oldest first
    std::optional<TimePoint> nextAt; // the next deadline or cascade step after `now`, if any
};
// `from`: only rows at or after it, and deadlines of stays on the ward since then (a follower
// reads what is new, not the whole year, on every change).
UnitEvents unitEvents(store::Database& db, const rules::RuleSet& rules, TimePoint now,
                      std::optional<TimePoint> from = std::nullopt);

// Where --since starts: after an RFC 3339 time, or after the event with that id.
struct EventCursor {
    TimePoint at{};
    int rank = 0;
    std::int64_t ref = 0, sub = 0;
    bool after(const UnitEvent& e) const { return e.key() > std::tuple(at, rank, ref, sub); }
};
// Nothing when `text` is neither; the caller names the option and what is accepted.
std::optional<EventCursor> parseEventCursor(const std::string& text);

} // namespace vigil::ward
