#pragma once
// `vigil evaluate`: JSON Lines in, one JSON line out per line in (an outside contract: the field
// names and exit codes are used by checks outside this repository).
#include "core/clock.h"
#include "core/stay.h"

#include <iosfwd>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace vigil::cli {

struct EvaluateSession {
    // `stay` is given once per patient and kept for its later lines.
    std::map<std::string, Stay> stays;
};

// Evaluates one input line. Returns the output object; `ok` is false for an error line.
nlohmann::json evaluateLine(const std::string& line, EvaluateSession& session, bool& ok);

// Reads every line of `in`, writes one line to `out` for each; returns the exit code.
int runEvaluate(std::istream& in, std::ostream& out);

} // namespace vigil::cli
