#pragma once
// `vigil summary --db FILE [--shift START..END] [--at TIME] [--json]`: the charge nurse's shift
// summary. JSON: {"shift":{...},"unit":{...},"patients":[{"bed":..,"name":..,...}]}.
#include "core/shift.h"

#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace vigil::cli {

nlohmann::json summaryJson(const ShiftSummary& summary);
int runSummary(const std::string& db, const Shift& shift, TimePoint now, bool json,
               std::ostream& out);

} // namespace vigil::cli
