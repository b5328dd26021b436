#pragma once
// Rounds and stays as JSON: the input of `vigil evaluate`, and of the rule files' golden cases.
#include "core/observation.h"
#include "core/stay.h"

#include <nlohmann/json.hpp>
#include <string>

namespace vigil::cli {

// A line that cannot be read: which field, its value, and what is accepted.
struct InputError {
    nlohmann::json field;
    nlohmann::json value;
    std::string message;
};

// How deep a line may nest objects and lists: a round needs three levels (round, stay, drugs).
// Deeper input is refused before it is built, so no later step recurses through it.
constexpr int kMaxJsonDepth = 16;

// One line of JSON. Throws InputError when it is not JSON, nests deeper than kMaxJsonDepth, or
// gives a key twice in one object (which value counts would be a guess).
nlohmann::json parseJsonLine(const std::string& line);

// Throws InputError. Unknown keys are reported in `warnings` and otherwise ignored; "patient" and
// "stay" are the caller's.
ObservationRound readRoundJson(const nlohmann::json& in, nlohmann::json& warnings);
Stay readStayJson(const nlohmann::json& stay, nlohmann::json& warnings);

} // namespace vigil::cli
