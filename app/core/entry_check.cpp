#include "core/entry_check.h"

#include "core/amendment.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace vigil {

namespace {
std::string range(const NumberField& f, double lo, double hi) {
    // "0-80" reads well; "-5-4" does not.
    return fmt::format(fmt::runtime(lo < 0 ? "{} to {}" : "{}-{}"), formatValue(f, lo),
                       formatValue(f, hi));
}
std::string shown(double v) {
    return fmt::format("{:g}", v);
}
} // namespace

std::vector<EntryProblem> checkEntry(const ObservationRound& r,
                                     const std::set<std::string>& confirmed) {
    using K = EntryProblem::Kind;
    std::vector<EntryProblem> out;
    for (const NumberField& f : numberFields()) {
        const auto& value = r.*(f.member);
        if (!value) continue;
        double v = *value;
        std::string key{f.key};
        if (!std::isfinite(v) || v < f.rejectLow || v > f.rejectHigh) {
            std::string msg;
            if (f.key == "temp" && v >= 90 && v <= 110)
                msg = fmt::format("Temperature {} looks like Fahrenheit: enter \u00b0C ({})",
                                  shown(v), range(f, f.rejectLow, f.rejectHigh));
            else
                msg = fmt::format("{} {} is not possible: accepted {} {}", f.label, shown(v),
                                  range(f, f.rejectLow, f.rejectHigh), f.unit);
            out.push_back({K::Refused, key, v, msg});
            continue;
        }
        if (f.whole && v != std::floor(v)) {
            out.push_back({K::Refused, key, v,
                           fmt::format("{} {} must be a whole number ({} {})", f.label, shown(v),
                                       range(f, f.rejectLow, f.rejectHigh), f.unit)});
            continue;
        }
        if (f.confirmLow && (v < *f.confirmLow || v > *f.confirmHigh) && !confirmed.count(key))
            out.push_back(
                {K::NeedsConfirmation, key, v,
                 fmt::format("{} {} {} is outside the usual {}: re-measure, then confirm", f.label,
                             shown(v), f.unit, range(f, *f.confirmLow, *f.confirmHigh))});
    }
    auto refused = [&](std::string_view key) {
        return std::ranges::any_of(out,
                                   [&](auto& p) { return p.field == key && p.kind == K::Refused; });
    };
    if (r.sbp && r.dbp && !refused("sbp") && !refused("dbp") && *r.dbp >= *r.sbp)
        out.push_back({K::Refused, "dbp", *r.dbp,
                       fmt::format("Diastolic BP {} must be below systolic {}", shown(*r.dbp),
                                   shown(*r.sbp))});
    // A pulse pressure under 10 mmHg is almost always a misread or mistyped BP (issue 14; a
    // working choice, not in clinical-reference §7): re-measure, then confirm.
    else if (r.sbp && r.dbp && !refused("sbp") && !refused("dbp") &&
             *r.sbp - *r.dbp < kNarrowPulsePressure && !confirmed.count("pulse_pressure"))
        out.push_back({K::NeedsConfirmation, "pulse_pressure", *r.sbp - *r.dbp,
                       fmt::format("Pulse pressure {} mmHg ({}/{}) is under {}: re-measure the "
                                   "BP, then confirm",
                                   shown(*r.sbp - *r.dbp), shown(*r.sbp), shown(*r.dbp),
                                   kNarrowPulsePressure)});
    if (r.o2Flow && *r.o2Flow > 0 && r.onOxygen == false)
        out.push_back({K::Refused, "o2_flow", *r.o2Flow,
                       fmt::format("Oxygen flow {} L/min given, but the patient is marked on air",
                                   shown(*r.o2Flow))});
    if (r.spo2Scale != 1 && r.spo2Scale != 2)
        out.push_back({K::Refused, "spo2_scale", r.spo2Scale,
                       fmt::format("SpO2 scale {} does not exist: accepted 1 or 2", r.spo2Scale)});
    return out;
}

std::vector<std::string> missingNews2Inputs(const ObservationRound& r) {
    std::vector<std::string> out;
    if (!r.rr) out.push_back("rr");
    if (!r.spo2) out.push_back("spo2");
    if (!r.onOxygen) out.push_back("o2");
    if (!r.sbp) out.push_back("sbp");
    if (!r.hr) out.push_back("hr");
    if (!r.acvpu) out.push_back("acvpu");
    if (!r.temp) out.push_back("temp");
    return out;
}

std::span<const std::string_view> checklistKeys() {
    static constexpr std::string_view keys[] = {
        "pain",           "nausea",       "vomits",          "itching",      "headache",
        "rass",           "bleeding",     "pocket_swelling", "bromage",      "headache_postural",
        "neck_stiffness", "rash",         "new_weakness",    "new_numbness", "bladder_bowel_change",
        "wound_leak",     "bowels_opened"};
    return keys;
}

bool isChecklistItem(std::string_view key) {
    return std::ranges::find(checklistKeys(), key) != checklistKeys().end();
}

std::vector<std::string> unansweredChecklist(const ObservationRound& r) {
    std::vector<std::string> out;
    for (auto key : checklistKeys())
        if (!fieldText(r, key)) out.emplace_back(key);
    return out;
}

bool anyRefused(const std::vector<EntryProblem>& problems) {
    return std::ranges::any_of(problems,
                               [](auto& p) { return p.kind == EntryProblem::Kind::Refused; });
}

} // namespace vigil
