#include "core/observation_frequency.h"

#include "core/timefmt.h"

#include <fmt/format.h>

namespace vigil {

namespace {
bool blank(const std::string& s) {
    return s.find_first_not_of(" \t") == std::string::npos;
}
// Working choices: nothing closer than 5 min can be done by one nurse with other patients, and
// 12 h is the longest gap the NEWS2 chart allows (§2, score 0).
constexpr std::chrono::minutes kShortest{5}, kLongest{12 * 60};
} // namespace

std::string ObservationFrequency::describe() const {
    std::string who = blank(clinician) ? std::string() : clinician;
    std::string why = who.empty() ? reason : (blank(reason) ? who : who + ": " + reason);
    return fmt::format("every {}{} ({}until {})", formatDuration(every),
                       looser ? ", looser than the schedule" : "", why.empty() ? "" : why + "; ",
                       formatLocalDayTime(expires));
}

std::optional<ObservationFrequency> activeAt(const std::vector<ObservationFrequency>& all,
                                             TimePoint now) {
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->setAt <= now) return it->active(now) ? std::optional(*it) : std::nullopt;
    return std::nullopt;
}

std::optional<std::string> checkFrequency(ObservationFrequency& f, std::chrono::seconds scheduleNow,
                                          TimePoint now) {
    if (f.every < kShortest || f.every > kLongest)
        return fmt::format("Every {} min is outside 5 min to 12 h", f.every.count());
    if (f.expires <= now) return std::string("The frequency needs an end in the future");
    f.looser = f.every > scheduleNow;
    if (f.looser && blank(f.clinician))
        return fmt::format("Every {} is looser than the schedule (every {}): name the clinician "
                           "who ordered it",
                           formatDuration(f.every), formatDuration(scheduleNow));
    if (f.looser && blank(f.reason))
        return fmt::format("Every {} is looser than the schedule (every {}): give the "
                           "clinician's reason",
                           formatDuration(f.every), formatDuration(scheduleNow));
    return std::nullopt;
}

} // namespace vigil
