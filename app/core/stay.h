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
    std::string dateOfBirth; // YYYY-MM-DD
    Procedure procedure = Procedure::Implant;
    TimePoint since{}; // implant, or the last fill or bolus: the clock the schedule runs on
    std::vector<Drug> drugs;
    std::vector<RiskFactor> risks;
    int spo2Scale = 1;              // NEWS2 SpO2 scale; 2 only with a named prescriber (§2)
    std::string scale2PrescribedBy; // required when spo2Scale == 2
    int painGoal = 3;               // 0-10, agreed with the patient
    TimePoint admittedAt{};
    StaffId admittedBy = 0;
    std::optional<TimePoint> dischargedAt;

    bool has(Drug d) const;
    bool has(RiskFactor r) const;
};

// What an admission must get right before it is stored: field, value and what is accepted.
struct StayProblem {
    std::string field;
    std::string message;
};
std::vector<StayProblem> checkStay(const Stay& stay, TimePoint now);

} // namespace vigil
