#include "core/observation.h"

#include <array>
#include <fmt/format.h>

namespace vigil {

namespace {
constexpr std::array<Named<Acvpu>, 5> kAcvpu{{
    {Acvpu::Alert, "A", "Alert"},
    {Acvpu::Confused, "C", "New confusion"},
    {Acvpu::Voice, "V", "Responds to voice"},
    {Acvpu::Pain, "P", "Responds to pain"},
    {Acvpu::Unresponsive, "U", "Unresponsive"},
}};
// POSS wording is copyrighted (Pasero 1994): short labels only.
constexpr std::array<Named<Poss>, 5> kPoss{{
    {Poss::Asleep, "S", "Asleep, easy to rouse"},
    {Poss::Awake, "1", "Awake and alert"},
    {Poss::SlightlyDrowsy, "2", "Slightly drowsy, easily roused"},
    {Poss::FrequentlyDrowsy, "3", "Frequently drowsy, drifts off"},
    {Poss::Somnolent, "4", "Somnolent, minimal response"},
}};
constexpr std::array<Named<Bleeding>, 3> kBleeding{{
    {Bleeding::None, "none", "None"},
    {Bleeding::Ooze, "ooze", "Ooze"},
    {Bleeding::Active, "active", "Active"},
}};
constexpr std::array<Named<PocketSwelling>, 3> kSwelling{{
    {PocketSwelling::None, "none", "None"},
    {PocketSwelling::Stable, "stable", "Stable"},
    {PocketSwelling::Expanding, "expanding", "Expanding"},
}};
constexpr std::array<Named<PartialReason>, 4> kPartial{{
    {PartialReason::Asleep, "asleep", "Asleep"},
    {PartialReason::Refused, "refused", "Refused"},
    {PartialReason::AwayFromBed, "away", "Away from bed"},
    {PartialReason::ClinicianRequest, "clinician", "Clinician's request"},
}};

using R = ObservationRound;
constexpr std::string_view kRef = "clinical-reference §7";
// Ranges for these are not in §7: §6 gives the grades; the rest are our working choices.
constexpr std::string_view kGrades = "clinical-reference §6 grades";
constexpr std::string_view kOurs = "working choice (not in clinical-reference)";

const std::array<NumberField, 14> kNumbers{{
    {"rr", "Respiration rate", "/min", 0, 80, 6, 40, true, &R::rr, kRef},
    {"spo2", "SpO2", "%", 0, 100, 70, 100, true, &R::spo2, kRef},
    {"o2_flow", "Oxygen flow", "L/min", 0, 60, {}, {}, false, &R::o2Flow, kOurs},
    {"sbp", "Systolic BP", "mmHg", 0, 300, 60, 250, true, &R::sbp, kRef},
    {"dbp", "Diastolic BP", "mmHg", 0, 200, 30, 150, true, &R::dbp, kRef},
    {"hr", "Pulse", "/min", 0, 300, 30, 180, true, &R::hr, kRef},
    {"temp", "Temperature", "\u00b0C", 25.0, 45.0, 32.0, 42.0, false, &R::temp, kRef},
    {"pain", "Pain", "/10", 0, 10, {}, {}, true, &R::pain, kRef},
    {"nausea", "Nausea/vomiting", "grade", 0, 3, {}, {}, true, &R::nausea, kGrades},
    {"vomits", "Vomits since last round", "", 0, 50, {}, {}, true, &R::vomits, kOurs},
    {"itching", "Itching", "grade", 0, 3, {}, {}, true, &R::itching, kGrades},
    {"headache", "Headache", "grade", 0, 3, {}, {}, true, &R::headache, kGrades},
    {"rass", "RASS", "", -5, 4, {}, {}, true, &R::rass, "clinical-reference §3"},
    {"bromage", "Bromage", "grade", 0, 3, {}, {}, true, &R::bromage, kGrades},
}};

const std::array<FlagField, 9> kFlags{{
    {"o2", "On oxygen", &R::onOxygen},
    {"headache_postural", "Headache worse upright", &R::headachePostural},
    {"neck_stiffness", "Neck stiffness", &R::neckStiffness},
    {"bowels_opened", "Bowels opened since implant", &R::bowelsOpened},
    {"wound_leak", "Clear fluid at wound", &R::woundLeak},
    {"new_weakness", "New weakness", &R::newWeakness},
    {"new_numbness", "New numbness or tingling", &R::newNumbness},
    {"bladder_bowel_change", "New bladder or bowel change", &R::bladderBowelChange},
    {"rash", "Rash", &R::rash}, // §6; a column of its own since schema 8
}};
} // namespace

std::span<const Named<Acvpu>> acvpuLevels() {
    return kAcvpu;
}
std::span<const Named<Poss>> possLevels() {
    return kPoss;
}
std::span<const Named<Bleeding>> bleedingLevels() {
    return kBleeding;
}
std::span<const Named<PocketSwelling>> swellingLevels() {
    return kSwelling;
}
std::span<const Named<PartialReason>> partialReasons() {
    return kPartial;
}
std::span<const NumberField> numberFields() {
    return kNumbers;
}
std::span<const FlagField> flagFields() {
    return kFlags;
}

const NumberField* findNumberField(std::string_view key) {
    for (auto& f : kNumbers)
        if (f.key == key) return &f;
    return nullptr;
}

std::string formatValue(const NumberField& f, double v) {
    return f.whole ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v);
}

} // namespace vigil
