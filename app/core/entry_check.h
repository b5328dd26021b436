#pragma once
// Entry limits in two tiers (clinical-reference §7): impossible values are refused, extreme but
// possible ones need the nurse to re-measure and confirm. Nothing is ever clamped.
#include "core/observation.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vigil {

struct EntryProblem {
    enum class Kind { Refused, NeedsConfirmation };
    Kind kind;
    std::string field; // JSON key / column name, e.g. "rr"
    std::optional<double> value;
    std::string message; // names the field, the value and what is accepted
};

// Checks each value against its limits and the fields against each other (diastolic below
// systolic, oxygen flow only on oxygen). `confirmed` lists fields the nurse has re-measured.
std::vector<EntryProblem> checkEntry(const ObservationRound& round,
                                     const std::set<std::string>& confirmed = {});

// The NEWS2 inputs left empty, by key. A round missing any needs a PartialReason to be saved.
std::vector<std::string> missingNews2Inputs(const ObservationRound& round);

bool anyRefused(const std::vector<EntryProblem>& problems);

} // namespace vigil
