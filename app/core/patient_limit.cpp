#include "core/patient_limit.h"

#include "core/timefmt.h"

#include <fmt/format.h>

namespace vigil {

std::string PatientLimit::describe() const {
    const NumberField* f = findNumberField(field);
    std::string label = f ? std::string(f->label) : field;
    std::string unit = f ? std::string(f->unit) : "";
    std::string range;
    if (low && high)
        range =
            fmt::format("accepted {}-{} {}", formatValue(*f, *low), formatValue(*f, *high), unit);
    else if (low)
        range = fmt::format("accepted down to {} {}",
                            f ? formatValue(*f, *low) : fmt::format("{}", *low), unit);
    else if (high)
        range = fmt::format("accepted up to {} {}",
                            f ? formatValue(*f, *high) : fmt::format("{}", *high), unit);
    return fmt::format("{} {} (patient limit by {}: {}; until {})", label, range, clinician, reason,
                       formatLocalDayTime(expires));
}

std::optional<std::string> checkLimit(const PatientLimit& l, TimePoint now) {
    const NumberField* f = findNumberField(l.field);
    if (!f) return fmt::format("\"{}\" is not a measured value a limit can be set for", l.field);
    if (!l.low && !l.high)
        return std::string("Give the lowest or the highest value accepted for this patient");
    for (auto bound : {l.low, l.high})
        if (bound && (*bound < f->rejectLow || *bound > f->rejectHigh))
            return fmt::format("{} {} is outside {}-{}", f->label, *bound, f->rejectLow,
                               f->rejectHigh);
    if (l.low && l.high && *l.low >= *l.high)
        return std::string("The lowest accepted value must be below the highest");
    if (l.clinician.find_first_not_of(" \t") == std::string::npos)
        return std::string("Name the clinician who set the limit");
    if (l.reason.find_first_not_of(" \t") == std::string::npos)
        return std::string("Give the clinical reason for the limit");
    if (l.expires <= now) return std::string("The limit needs an expiry in the future");
    return std::nullopt;
}

} // namespace vigil
