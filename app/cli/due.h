#pragma once
// `vigil due --db FILE [--at TIME] [--json]`: each stay's next round, how overdue, and its open
// escalations, most urgent first (the ward board's order).
#include <iosfwd>
#include <optional>
#include <string>

#include "core/clock.h"

namespace vigil::cli {

int runDue(const std::string& db, std::optional<TimePoint> at, bool json, std::ostream& out);

} // namespace vigil::cli
