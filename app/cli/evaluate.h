#pragma once
// `vigil evaluate`: JSON Lines in, one JSON line out per line in (an outside contract: the field
// names and exit codes are used by checks outside this repository).
#include "core/escalation.h"
#include "core/rules/engine.h"

#include <iosfwd>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace vigil::cli {

// Everything earlier lines told us about one patient.
struct PatientHistory {
    std::optional<Stay> stay;             // given once, kept for later lines
    std::vector<rules::Snapshot> earlier; // newest first
    std::vector<rules::OpenFlag> open;    // flags open after the previous line
    // Open while any of its flags is still open: nobody resolves anything in evaluate.
    std::optional<Escalation> escalation;
};

struct EvaluateSession {
    std::shared_ptr<const rules::RuleSet> rules;
    std::map<std::string, PatientHistory> patients; // by "patient"; "" for lines without one
};

// Evaluates one input line. Returns the output object; `ok` is false for an error line.
nlohmann::json evaluateLine(const std::string& line, EvaluateSession& session, bool& ok);
nlohmann::json evaluateObject(const nlohmann::json& in, EvaluateSession& session, bool& ok);

// Reads every line of `in`, writes one line to `out` for each; returns the exit code.
int runEvaluate(std::istream& in, std::ostream& out, std::shared_ptr<const rules::RuleSet> rules);

nlohmann::json flagJson(const rules::Flag& f);

} // namespace vigil::cli
