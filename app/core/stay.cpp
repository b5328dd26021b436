#include "core/stay.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <fmt/format.h>

namespace vigil {

namespace {
constexpr std::array<Named<Procedure>, 4> kProcedures{{
    {Procedure::Implant, "implant", "Implant"},
    {Procedure::Revision, "revision", "Revision"},
    {Procedure::Refill, "refill", "Refill"},
    {Procedure::Trial, "trial", "Trial"},
}};
constexpr std::array<Named<Drug>, 7> kDrugs{{
    {Drug::Morphine, "morphine", "Morphine"},
    {Drug::Hydromorphone, "hydromorphone", "Hydromorphone"},
    {Drug::Ziconotide, "ziconotide", "Ziconotide"},
    {Drug::Baclofen, "baclofen", "Baclofen"},
    {Drug::Bupivacaine, "bupivacaine", "Bupivacaine"},
    {Drug::Clonidine, "clonidine", "Clonidine"},
    {Drug::Fentanyl, "fentanyl", "Fentanyl"},
}};
constexpr std::array<Named<RiskFactor>, 5> kRisks{{
    {RiskFactor::SleepApnoea, "sleep_apnoea", "Sleep apnoea"},
    {RiskFactor::Obesity, "obesity", "Obesity"},
    {RiskFactor::OtherSedatives, "other_sedatives", "Other opioids or sedatives"},
    {RiskFactor::OpioidNaive, "opioid_naive", "Opioid-naive"},
    {RiskFactor::Over65, "over_65", "Age over 65"},
}};
} // namespace

std::span<const Named<Procedure>> procedures() {
    return kProcedures;
}
std::span<const Named<Drug>> drugs() {
    return kDrugs;
}
std::span<const Named<RiskFactor>> riskFactors() {
    return kRisks;
}

bool Stay::has(Drug d) const {
    return std::ranges::find(drugs, d) != drugs.end();
}
bool Stay::has(RiskFactor r) const {
    return std::ranges::find(risks, r) != risks.end();
}

std::vector<StayProblem> checkStay(const Stay& s, TimePoint now) {
    std::vector<StayProblem> out;
    auto trimmedEmpty = [](const std::string& v) {
        return v.find_first_not_of(" \t") == std::string::npos;
    };
    if (trimmedEmpty(s.bed)) out.push_back({"bed", "Bed is empty: enter the bed or bay number"});
    if (trimmedEmpty(s.name)) out.push_back({"name", "Name is empty: enter the patient's name"});
    if (trimmedEmpty(s.mrn))
        out.push_back({"mrn", "MRN is empty: enter the hospital number from the wristband"});
    if (!s.dateOfBirth.empty()) {
        unsigned y = 0, m = 0, d = 0;
        char tail = 0;
        bool ok = std::sscanf(s.dateOfBirth.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3;
        std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(y)),
                                        std::chrono::month(m), std::chrono::day(d)};
        if (!ok || !ymd.ok() ||
            std::chrono::sys_days(ymd) > std::chrono::floor<std::chrono::days>(now))
            out.push_back({"date_of_birth",
                           fmt::format("Date of birth \"{}\" is not a past date: use YYYY-MM-DD",
                                       s.dateOfBirth)});
    }
    if (s.since > now + std::chrono::minutes(5))
        out.push_back(
            {"since", "Time of implant or fill is in the future: enter when it happened"});
    if (s.spo2Scale != 1 && s.spo2Scale != 2)
        out.push_back(
            {"spo2_scale", fmt::format("SpO2 scale {} does not exist: 1 or 2", s.spo2Scale)});
    if (s.spo2Scale == 2 && trimmedEmpty(s.scale2PrescribedBy))
        out.push_back(
            {"spo2_scale", "SpO2 scale 2 needs the name of the clinician who prescribed it (§2)"});
    if (s.painGoal < 0 || s.painGoal > 10)
        out.push_back({"pain_goal", fmt::format("Pain goal {} is outside 0-10", s.painGoal)});
    return out;
}

} // namespace vigil
