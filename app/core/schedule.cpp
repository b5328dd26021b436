#include "core/schedule.h"

#include <algorithm>
#include <fmt/format.h>

namespace vigil::schedule {

using namespace std::chrono;

Due interval(double h, const std::optional<news2::Result>& score, bool risk, const Orders& orders) {
    Due d;
    // §4: neuraxial opioid monitoring after implant, fill or bolus.
    if (h < 12)
        d = {{}, hours(1), "hourly for the first 12 h after the fill"};
    else if (h < 24)
        d = {{}, hours(2), "2-hourly from 12 h to 24 h"};
    else
        d = {{}, hours(4), "4-hourly after 24 h"};
    auto tighten = [&](seconds s, std::string why) {
        if (s < d.interval) d = {{}, s, std::move(why)};
    };
    if (risk)
        tighten(h < 24 ? seconds(hours(1)) : seconds(hours(2)),
                "risk factors: tightened (working choice)");
    // A clinician's looser order stands in for the time-since-fill schedule (§4 "per clinical
    // state"); the floors below still apply to it.
    if (const ObservationFrequency* c = orders.clinician; c && seconds(c->every) > d.interval)
        d = {{}, c->every, "clinician: " + c->describe()};
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
    // §4: while an escalation is open, observations follow it until it is resolved.
    if (orders.openEscalation == rules::Level::Emergency)
        tighten(minutes(15), "emergency escalation open: every 15 min");
    else if (orders.openEscalation == rules::Level::Urgent)
        tighten(hours(1), "urgent escalation open: hourly");
    if (const ObservationFrequency* c = orders.clinician)
        tighten(c->every, "clinician: " + c->describe());
    return d;
}

Due nextDue(const Stay& stay, std::optional<TimePoint> last,
            const std::optional<news2::Result>& score, const Orders& orders) {
    if (!last) return {stay.admittedAt, seconds(0), "first round on arrival"};
    double h = duration<double, std::ratio<3600>>(*last - stay.since).count();
    Due d = interval(h, score, anyRiskAt(stay, *last), orders);
    d.at = *last + d.interval;
    return d;
}

long overdueMinutes(const Due& due, TimePoint now) {
    return std::max<long>(0, duration_cast<minutes>(now - due.at).count());
}

} // namespace vigil::schedule
