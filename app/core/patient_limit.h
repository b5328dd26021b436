#pragma once
// A limit a clinician sets for one patient (a chronically low SpO2, say): for this patient, rule
// thresholds on that value move to the clinician's, until the limit expires. NEWS2 itself is not
// changed: it is a national score. Every flag the limit changes says so in its explanation.
#include "core/observation.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct PatientLimit {
    std::int64_t id = 0;
    StayId stay = 0;
    std::string field;               // a numeric field: "spo2", "rr", "hr", ...
    std::optional<double> low, high; // values from low to high are this patient's accepted range
    std::string clinician;           // who set it
    std::string reason;
    TimePoint setAt{};
    StaffId setBy = 0;
    TimePoint expires{};

    bool active(TimePoint now) const { return now >= setAt && now < expires; }
    std::string
    describe() const; // "SpO2 accepted down to 88 % (Dr Mensah: COPD, until 22 Nov 18:00)"
};

// Field, bounds, who and why: what is wrong, in words; nothing when the limit may be stored.
std::optional<std::string> checkLimit(const PatientLimit& limit, TimePoint now);

} // namespace vigil
