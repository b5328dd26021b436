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

// Throws InputError. Unknown keys are reported in `warnings` and otherwise ignored; "patient" and
// "stay" are the caller's.
ObservationRound readRoundJson(const nlohmann::json& in, nlohmann::json& warnings);
Stay readStayJson(const nlohmann::json& stay);

} // namespace vigil::cli
