#pragma once
// A patient's stay in the recovery area after an intrathecal pump procedure (clinical-reference
// §1).
#include "core/clock.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

using StayId = std::int64_t;
using StaffId = std::int64_t;

enum class Procedure { Implant, Revision, Refill, Trial };
enum class Drug { Morphine, Hydromorphone, Ziconotide, Baclofen, Bupivacaine, Clonidine, Fentanyl };
// Over65 is never ticked on a new admission: it comes from the date of birth (ageAt below). It
// stays a code so that rule files can say risk("over_65") and older records keep their tick.
enum class RiskFactor { SleepApnoea, Obesity, OtherSedatives, OpioidNaive, Over65 };

// Each enum's stable code (stored in the database, used in JSON) and its words for the screen.
template <class E> struct Named {
    E value;
    std::string_view code;
    std::string_view label;
};

std::span<const Named<Procedure>> procedures();
std::span<const Named<Drug>> drugs();
std::span<const Named<RiskFactor>> riskFactors();

template <class E> std::string_view codeOf(std::span<const Named<E>> table, E v) {
    for (auto& n : table)
        if (n.value == v) return n.code;
    return "?";
}
template <class E> std::string_view labelOf(std::span<const Named<E>> table, E v) {
    for (auto& n : table)
        if (n.value == v) return n.label;
    return "?";
}
// "Morphine, Bupivacaine", or "none": how a list reads on screen, in the SBAR and on paper.
template <class E>
std::string labelsOf(std::span<const Named<E>> table, const std::vector<E>& values) {
    std::string out;
    for (E e : values)
        out += (out.empty() ? "" : ", ") + std::string(labelOf(table, e));
    return out.empty() ? "none" : out;
}
template <class E>
std::optional<E> fromCode(std::span<const Named<E>> table, std::string_view code) {
    for (auto& n : table)
        if (n.code == code) return n.value;
    return std::nullopt;
}

struct Stay {
    StayId id = 0;
    std::string bed;
    std::string name;
    std::string mrn;
    std::string dateOfBirth; // YYYY-MM-DD; empty when not recorded
    Procedure procedure = Procedure::Implant;
    TimePoint since{}; // implant, or the last fill or bolus: the clock the schedule runs on
    std::vector<Drug> drugs;
    std::vector<RiskFactor> risks;  // as ticked at admission; use riskAt() to ask about one
    int spo2Scale = 1;              // NEWS2 SpO2 scale; 2 only with a named prescriber (§2)
    std::string scale2PrescribedBy; // required when spo2Scale == 2
    int painGoal = 3;               // 0-10, agreed with the patient
    TimePoint admittedAt{};
    StaffId admittedBy = 0;
    std::optional<TimePoint> dischargedAt;

    bool has(Drug d) const;
};

// "YYYY-MM-DD" as a calendar date; nothing when it is not one.
std::optional<std::chrono::year_month_day> parseDateOfBirth(std::string_view text);

// Age over 65 (clinical-reference §4, "age > 65") as of a moment, in the ward's local calendar:
// from the date of birth when one is recorded (older than 65 years: from the day after the 65th
// birthday); from the tick of a record made before the date of birth decided it, when that record
// has no date of birth; otherwise not known ("age not recorded").
struct AgeFact {
    enum class From { DateOfBirth, RecordedTick, NotRecorded };
    From from = From::NotRecorded;
    std::optional<bool> over65;
    std::optional<int> years; // completed years, when the date of birth is recorded
};
AgeFact ageAt(const Stay& stay, TimePoint at);
// Whether a risk factor holds as of `at`: the ticked ones as ticked, over 65 from ageAt.
// Nothing when it is not known (age not recorded): a rule asking is then unknown, never false.
std::optional<bool> riskAt(const Stay& stay, RiskFactor r, TimePoint at);
// Any risk factor known to hold as of `at` (§4: it tightens the schedule). An age not recorded
// does not tighten it, as a risk not ticked does not.
bool anyRiskAt(const Stay& stay, TimePoint at);
// The risk factors in words as of `at`, for the chart, the SBAR and the handoff sheet:
// "Sleep apnoea, Age over 65 (born 1948-03-02)", "none", "Obesity; age not recorded",
// "Age over 65 (as recorded; no date of birth)".
std::string riskFactorsText(const Stay& stay, TimePoint at);

// What an admission must get right before it is stored: field, value and what is accepted.
struct StayProblem {
    std::string field;
    std::string message;
};
// A new admission never ticks "over 65" (it comes from the date of birth). Where a person admits
// (the admit form) the date of birth is required; records from elsewhere (vigil demo, tests, an
// import) may leave it out and read "age not recorded".
enum class DateOfBirthNeeded { No, Yes };
std::vector<StayProblem> checkStay(const Stay& stay, TimePoint now,
                                   DateOfBirthNeeded dob = DateOfBirthNeeded::No);

} // namespace vigil
