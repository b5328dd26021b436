#pragma once
// When the next round is due (clinical-reference §4, with the NEWS2 floor of §2): hourly for the
// first 12 h after an implant, fill or bolus, every 2 h until 24 h, every 4 h after; tightened by
// NEWS2, by risk factors and by an open escalation (emergency: every 15 min; urgent: hourly);
// a clinician's frequency for the patient on top. The strictest wins.
#include "core/news2.h"
#include "core/observation_frequency.h"
#include "core/rules/ruleset.h"
#include "core/stay.h"

#include <optional>
#include <string>

namespace vigil::schedule {

struct Due {
    TimePoint at;
    std::chrono::seconds interval{0};
    std::string why; // which schedule set the interval, in the ward's words
};

// What besides the round tightens (or, for a clinician's order, loosens) the schedule.
struct Orders {
    std::optional<rules::Level> openEscalation;      // the highest open escalation, if any
    const ObservationFrequency* clinician = nullptr; // active now, if any
};

// The interval after a round taken `hoursSinceFill` hours after the fill, with that round's NEWS2.
// Risk factors (§4: sleep apnoea, obesity, other sedatives, opioid-naive, over 65) keep hourly
// rounds to 24 h and 2-hourly after: the reference says "tighten" without a number, so this is
// our working choice, written in the README. A clinician's frequency stricter than the result
// wins; a looser one replaces the time-since-fill part only, never the NEWS2 floor or an open
// escalation.
Due interval(double hoursSinceFill, const std::optional<news2::Result>& score, bool anyRiskFactor,
             const Orders& orders = {});

// The next round for a stay: straight away (at admission) when no round has been taken yet;
// otherwise the last round's time plus its interval.
Due nextDue(const Stay& stay, std::optional<TimePoint> lastRound,
            const std::optional<news2::Result>& lastScore, const Orders& orders = {});

// Minutes past due at `now`; 0 when not yet due.
long overdueMinutes(const Due& due, TimePoint now);

} // namespace vigil::schedule
