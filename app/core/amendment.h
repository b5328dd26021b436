#pragma once
// A correction to a saved round. Rounds are never edited: the chart shows the current value
// (the original with its amendments applied in order) and the history beside it.
#include "core/observation.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vigil {

struct Amendment {
    enum class Kind { Corrected, EnteredInError };
    std::int64_t id = 0;
    RoundId round = 0;
    Kind kind = Kind::Corrected;
    std::optional<std::string> field; // empty with EnteredInError: the whole round
    std::optional<std::string> value; // text form; empty: now "not measured"
    std::string reason;
    StaffId by = 0;
    TimePoint at{};
};

std::string_view amendmentKindCode(Amendment::Kind k); // "corrected", "entered_in_error"
std::optional<Amendment::Kind> amendmentKindFromCode(std::string_view code);

// Every field of a round by its key ("rr", "acvpu", "o2", ...), as text: numbers as entered,
// choices by code ("A", "3", "ooze"), flags as "yes"/"no". Empty: not measured.
std::optional<std::string> fieldText(const ObservationRound& round, std::string_view key);
// The reverse; returns a message naming the field, the value and what is accepted on failure.
std::optional<std::string> setField(ObservationRound& round, std::string_view key,
                                    const std::optional<std::string>& text);
bool isRoundField(std::string_view key);
std::string_view fieldLabel(std::string_view key);

struct AmendedRound {
    ObservationRound original;
    ObservationRound current;
    bool enteredInError = false;
    std::vector<Amendment> history; // oldest first
    bool amended(std::string_view key) const;
};
AmendedRound applyAmendments(const ObservationRound& original, std::span<const Amendment> all);

} // namespace vigil
