#include "core/sbar.h"

#include "core/amendment.h"
#include "core/timefmt.h"

#include <fmt/format.h>

namespace vigil {

namespace {
std::string v(const ObservationRound& r, std::string_view key) {
    return fieldText(r, key).value_or("not measured");
}

} // namespace

std::string sbar(const Stay& s, const ObservationRound& r, const news2::Result& n,
                 const std::vector<rules::Flag>& flags, TimePoint now) {
    std::string situation, because, recommendation;
    for (auto& f : flags) {
        situation += fmt::format("{}{} ({})", situation.empty() ? "" : "; also ", f.message,
                                 rules::levelCode(f.level));
        for (auto& b : f.because)
            because += (because.empty() ? "" : "; ") + b;
        // Two rules may advise the same thing; say it once.
        if (recommendation.find(f.action) == std::string::npos)
            recommendation += (recommendation.empty() ? "" : "\n   ") + f.action;
    }
    return fmt::format(
        "S: Bed {}, {} (MRN {}): {}.\n"
        "B: {} {} ago; pump: {}; risk factors: {}.\n"
        "A: NEWS2 {}{} ({}); RR {}, SpO2 {}% {}, BP {}/{}, pulse {}, {}, temperature {}, POSS {}. "
        "Because: {}.\n"
        "R: {}",
        s.bed, s.name, s.mrn, situation, labelOf(procedures(), s.procedure),
        formatDuration(now - s.since), labelsOf(drugs(), s.drugs), riskFactorsText(s, now),
        n.complete ? "" : "at least ", n.total, news2::bandCode(n.band), v(r, "rr"), v(r, "spo2"),
        r.onOxygen == true    ? "on oxygen"
        : r.onOxygen == false ? "on air"
                              : "(air/oxygen not recorded)",
        v(r, "sbp"), v(r, "dbp"), v(r, "hr"),
        r.acvpu ? std::string(labelOf(acvpuLevels(), *r.acvpu)) : "consciousness not recorded",
        v(r, "temp"), v(r, "poss"), because, recommendation);
}

} // namespace vigil
