#pragma once
// A clinician's observation frequency for one patient (clinical-reference §4): "observations every
// 15 min until the review", with who, why and until when. Stricter than the schedule is always
// accepted; looser needs the clinician's name and the reason, and is shown wherever the schedule
// is shown. A looser frequency replaces the time-since-fill part of the schedule only: the NEWS2
// floor and an open escalation still tighten it (working choice, README).
#include "core/clock.h"
#include "core/stay.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct ObservationFrequency {
    std::int64_t id = 0;
    StayId stay = 0;
    std::chrono::minutes every{60};
    std::string clinician; // needed when looser
    std::string reason;    // needed when looser
    bool looser = false;   // than the schedule when it was set; filled in by checkFrequency
    TimePoint setAt{};
    StaffId setBy = 0;
    TimePoint expires{};
    std::optional<std::int64_t> escalation; // set from that escalation's page

    bool active(TimePoint now) const { return now >= setAt && now < expires; }
    // "every 15 min (Dr Mensah: post-op review; until 22 Nov 21:00)"
    std::string describe() const;
};

// The newest frequency set by `now`, if it is still active: a newer one replaces older ones.
std::optional<ObservationFrequency> activeAt(const std::vector<ObservationFrequency>& all,
                                             TimePoint now);

// Accepted range: 5 min to 12 h, an expiry in the future, and for a frequency looser than
// `scheduleNow` (what the schedule asks for without it) the clinician's name and reason.
// Sets `looser`. Returns what is wrong, in words; nothing when it may be stored.
std::optional<std::string> checkFrequency(ObservationFrequency& f, std::chrono::seconds scheduleNow,
                                          TimePoint now);

} // namespace vigil
