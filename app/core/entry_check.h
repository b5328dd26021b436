#pragma once
// Entry limits in two tiers (clinical-reference §7): impossible values are refused, extreme but
// possible ones need the nurse to re-measure and confirm. Nothing is ever clamped.
#include "core/observation.h"

#include <optional>
#include <set>
#include <span>
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

// Systolic minus diastolic below this asks to re-measure (confirmed as "pulse_pressure").
constexpr int kNarrowPulsePressure = 10;

// Checks each value against its limits and the fields against each other (diastolic below
// systolic, oxygen flow only on oxygen). `confirmed` lists fields the nurse has re-measured.
std::vector<EntryProblem> checkEntry(const ObservationRound& round,
                                     const std::set<std::string>& confirmed = {});

// The NEWS2 inputs left empty, by key. A round missing any needs a PartialReason to be saved.
std::vector<std::string> missingNews2Inputs(const ObservationRound& round);

// The side-effect checklist (clinical-reference §6) as the round form asks it, by key: pain,
// the graded items, RASS, Bromage, bleeding, pocket swelling and the yes/no questions.
std::span<const std::string_view> checklistKeys();
bool isChecklistItem(std::string_view key);
// The checklist items left empty: "not asked", which is not "none" (issue 14).
std::vector<std::string> unansweredChecklist(const ObservationRound& round);

bool anyRefused(const std::vector<EntryProblem>& problems);

} // namespace vigil
