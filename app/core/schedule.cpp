#include "core/schedule.h"

#include <algorithm>

namespace vigil::schedule {

using namespace std::chrono;

Due interval(double h, const std::optional<news2::Result>& score, bool risk) {
    Due d;
    // §4: neuraxial opioid monitoring after implant, fill or bolus.
    if (h < 12)
        d = {{}, hours(1), "hourly for the first 12 h after the fill"};
    else if (h < 24)
        d = {{}, hours(2), "2-hourly from 12 h to 24 h"};
    else
        d = {{}, hours(4), "4-hourly after 24 h"};
    auto tighten = [&](seconds s, const char* why) {
        if (s < d.interval) d = {{}, s, why};
    };
    if (risk)
        tighten(h < 24 ? seconds(hours(1)) : seconds(hours(2)),
                "risk factors: tightened (working choice)");
    if (score) { // §2 chart 4: the NEWS2 floor
        switch (score->band) {
        case news2::Band::High: tighten(minutes(15), "NEWS2 high: every 15 min"); break;
        case news2::Band::Medium: tighten(hours(1), "NEWS2 medium: hourly"); break;
        case news2::Band::LowMedium: tighten(hours(1), "NEWS2 single parameter 3: hourly"); break;
        case news2::Band::Low:
            tighten(score->total == 0 ? hours(12) : hours(4), "NEWS2 low");
            break;
        }
    }
    return d;
}

Due nextDue(const Stay& stay, std::optional<TimePoint> last,
            const std::optional<news2::Result>& score) {
    if (!last) return {stay.admittedAt, seconds(0), "first round on arrival"};
    double h = duration<double, std::ratio<3600>>(*last - stay.since).count();
    Due d = interval(h, score, !stay.risks.empty());
    d.at = *last + d.interval;
    return d;
}

long overdueMinutes(const Due& due, TimePoint now) {
    return std::max<long>(0, duration_cast<minutes>(now - due.at).count());
}

} // namespace vigil::schedule
