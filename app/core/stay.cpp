#include "core/stay.h"

#include "core/timefmt.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
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
std::optional<std::chrono::year_month_day> parseDateOfBirth(std::string_view text) {
    unsigned y = 0, m = 0, d = 0;
    char tail = 0;
    std::string s(text);
    if (std::sscanf(s.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(y)), std::chrono::month(m),
                                    std::chrono::day(d)};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

AgeFact ageAt(const Stay& stay, TimePoint at) {
    using namespace std::chrono;
    AgeFact out;
    if (auto born = parseDateOfBirth(stay.dateOfBirth)) {
        // The ward's calendar day, as the nurse reads the date on the wristband.
        std::time_t t = toTimeT(at);
        std::tm local{};
        localtime_r(&t, &local);
        year_month_day today{year(local.tm_year + 1900),
                             month(static_cast<unsigned>(local.tm_mon + 1)),
                             day(static_cast<unsigned>(local.tm_mday))};
        auto monthDay = [](const year_month_day& d) {
            return unsigned(d.month()) * 100 + unsigned(d.day());
        };
        int years = int(today.year()) - int(born->year()) - (monthDay(today) < monthDay(*born));
        out.from = AgeFact::From::DateOfBirth;
        out.years = years;
        // Older than 65 years: any day after the 65th birthday (on it, exactly 65).
        out.over65 = years > 65 || (years == 65 && monthDay(today) != monthDay(*born));
    } else if (std::ranges::find(stay.risks, RiskFactor::Over65) != stay.risks.end()) {
        out.from = AgeFact::From::RecordedTick;
        out.over65 = true;
    }
    return out;
}

std::optional<bool> riskAt(const Stay& stay, RiskFactor r, TimePoint at) {
    if (r == RiskFactor::Over65) return ageAt(stay, at).over65;
    return std::ranges::find(stay.risks, r) != stay.risks.end();
}

bool anyRiskAt(const Stay& stay, TimePoint at) {
    for (auto& r : kRisks)
        if (riskAt(stay, r.value, at).value_or(false)) return true;
    return false;
}

std::string riskFactorsText(const Stay& stay, TimePoint at) {
    std::string out;
    for (RiskFactor r : stay.risks)
        if (r != RiskFactor::Over65)
            out += (out.empty() ? "" : ", ") + std::string(labelOf(riskFactors(), r));
    auto age = ageAt(stay, at);
    std::string over = std::string(labelOf(riskFactors(), RiskFactor::Over65));
    switch (age.from) {
    case AgeFact::From::DateOfBirth:
        // The date, not the years: "(65)" beside "over 65" would read as a contradiction.
        if (*age.over65)
            out += (out.empty() ? "" : ", ") + fmt::format("{} (born {})", over, stay.dateOfBirth);
        break;
    case AgeFact::From::RecordedTick:
        out += (out.empty() ? "" : ", ") + over + " (as recorded; no date of birth)";
        break;
    case AgeFact::From::NotRecorded: return (out.empty() ? "none" : out) + "; age not recorded";
    }
    return out.empty() ? "none" : out;
}

std::vector<StayProblem> checkStay(const Stay& s, TimePoint now, DateOfBirthNeeded dob) {
    std::vector<StayProblem> out;
    auto trimmedEmpty = [](const std::string& v) {
        return v.find_first_not_of(" \t") == std::string::npos;
    };
    if (trimmedEmpty(s.bed)) out.push_back({"bed", "Bed is empty: enter the bed or bay number"});
    if (trimmedEmpty(s.name)) out.push_back({"name", "Name is empty: enter the patient's name"});
    if (trimmedEmpty(s.mrn))
        out.push_back({"mrn", "MRN is empty: enter the hospital number from the wristband"});
    if (!s.dateOfBirth.empty()) {
        auto ymd = parseDateOfBirth(s.dateOfBirth);
        if (!ymd || std::chrono::sys_days(*ymd) > std::chrono::floor<std::chrono::days>(now))
            out.push_back({"date_of_birth",
                           fmt::format("Date of birth \"{}\" is not a past date: use YYYY-MM-DD",
                                       s.dateOfBirth)});
    } else if (dob == DateOfBirthNeeded::Yes) {
        out.push_back({"date_of_birth", "Date of birth is empty: enter it from the wristband "
                                        "(YYYY-MM-DD); age over 65 comes from it"});
    }
    // A tick could contradict the date of birth; an age not recorded reads as such instead.
    if (std::ranges::find(s.risks, RiskFactor::Over65) != s.risks.end())
        out.push_back({"risks", "Age over 65 is not ticked: it comes from the date of birth"});
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
