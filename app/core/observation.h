#pragma once
// One round of observations: vitals plus the side-effect checklist (clinical-reference §2, §3, §6).
// Missing is never zero: every measured value is optional, and empty means "not measured".
#include "core/clock.h"
#include "core/stay.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace vigil {

using RoundId = std::int64_t;

enum class Acvpu { Alert, Confused, Voice, Pain, Unresponsive };
enum class Poss { Asleep, Awake, SlightlyDrowsy, FrequentlyDrowsy, Somnolent }; // S,1,2,3,4
enum class Bleeding { None, Ooze, Active };
enum class PocketSwelling { None, Stable, Expanding };
enum class PartialReason { Asleep, Refused, AwayFromBed, ClinicianRequest };

std::span<const Named<Acvpu>> acvpuLevels();
std::span<const Named<Poss>> possLevels();
std::span<const Named<Bleeding>> bleedingLevels();
std::span<const Named<PocketSwelling>> swellingLevels();
std::span<const Named<PartialReason>> partialReasons();

struct ObservationRound {
    RoundId id = 0;
    StayId stay = 0;
    TimePoint takenAt{};
    StaffId recordedBy = 0;
    int spo2Scale = 1; // copied from the stay when the round is taken

    // Vitals
    std::optional<double> rr, spo2, o2Flow, sbp, dbp, hr, temp, pain;
    std::optional<bool> onOxygen;
    std::optional<Acvpu> acvpu;
    std::optional<Poss> poss;
    // Checklist (§6)
    std::optional<double> nausea, vomits, itching, headache, rass, bromage;
    std::optional<bool> headachePostural, neckStiffness, bowelsOpened, woundLeak, newWeakness,
        newNumbness, bladderBowelChange;
    std::optional<bool> rash; // with itching: allergy or reaction; without, on baclofen: withdrawal
    std::optional<Bleeding> bleeding;
    std::optional<PocketSwelling> pocketSwelling;

    std::optional<PartialReason> partialReason; // why a NEWS2 input was not measured

    // Made on the device when the round form opens (randomKey()). Saving again with the same key
    // (a commit that reached the server but whose reply was lost) keeps the first, saves nothing.
    std::string deviceKey;
};

// The numeric fields, described once: JSON keys, database columns, validation and the round form
// all read this table. Limits come from clinical-reference §7 unless `source` says otherwise.
struct NumberField {
    std::string_view key;
    std::string_view label;
    std::string_view unit;
    double rejectLow, rejectHigh;
    std::optional<double> confirmLow, confirmHigh;
    bool whole;
    std::optional<double> ObservationRound::*member;
    std::string_view source;
};
struct FlagField {
    std::string_view key;
    std::string_view label;
    std::optional<bool> ObservationRound::*member;
};

std::span<const NumberField> numberFields();
std::span<const FlagField> flagFields();
const NumberField* findNumberField(std::string_view key);

// "12", "36.5": one decimal only where the field is not whole.
std::string formatValue(const NumberField& f, double v);

} // namespace vigil
