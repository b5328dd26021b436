// The vital signs on the HL7 vital-signs profiles, oxygen flow, pain, ACVPU and the NEWS2 total
// with one component per sub-score (clinical-reference §2, §9).
#include "core/news2.h"
#include "fhir/codes.h"
#include "fhir/resource_parts.h"

#include <fmt/format.h>

namespace vigil::fhir::detail {

using nlohmann::json;

namespace {

json loincCode(const codes::VitalSign& v) {
    json codings = json::array({coding(kLoinc, v.loinc, v.display)});
    if (v.item == "spo2")
        codings.push_back(coding(kLoinc, codes::kPulseOximetry, codes::kPulseOximetryDisplay));
    return {{"coding", std::move(codings)}, {"text", v.display}};
}

void declareProfile(json& o, const codes::VitalSign& v) {
    if (v.profile.empty()) return;
    o["meta"] = {{"profile", json::array({std::string(kProfileBase) + "vitalsigns",
                                          std::string(kProfileBase) + std::string(v.profile)})}};
}

// A value, or why there is none: never a zero for "not measured".
void setValue(json& o, const std::optional<json>& value, std::string_view ucum,
              const ObservationRound& round) {
    if (value)
        o["valueQuantity"] = quantity(*value, ucum);
    else
        o["dataAbsentReason"] = absentReason(round);
}

std::optional<json> fieldValue(const ObservationRound& round, std::string_view key) {
    auto* f = findNumberField(key);
    auto& v = round.*(f->member);
    if (!v) return std::nullopt;
    return number(key, *v);
}

json bpComponent(std::string_view code, std::string_view display, const std::optional<json>& value,
                 const ObservationRound& round) {
    json c{{"code", {{"coding", json::array({coding(kLoinc, code, display)})}, {"text", display}}}};
    if (value)
        c["valueQuantity"] = quantity(*value, "mm[Hg]");
    else
        c["dataAbsentReason"] = absentReason(round);
    return c;
}

bool everMeasured(const AmendedRound& r, std::string_view key) {
    return fieldText(r.original, key) || fieldText(r.current, key);
}

} // namespace

std::vector<std::string> addVitalSigns(std::vector<json>& out, const RoundRecord& r,
                                       const Systems& s) {
    const ObservationRound& round = r.round->current;
    std::vector<std::string> withValue;
    auto keep = [&](json o, bool hasValue) {
        if (hasValue) withValue.push_back("Observation/" + o["id"].get<std::string>());
        out.push_back(std::move(o));
    };
    for (auto& v : codes::kVitalSigns) {
        if (v.item == "bp") {
            auto o = observation(r, s, v.item, "vital-signs", loincCode(v), {"sbp", "dbp"});
            declareProfile(o, v);
            auto sbp = fieldValue(round, "sbp"), dbp = fieldValue(round, "dbp");
            o["component"] = json::array(
                {bpComponent(codes::kSystolic, "Systolic blood pressure", sbp, round),
                 bpComponent(codes::kDiastolic, "Diastolic blood pressure", dbp, round)});
            keep(std::move(o), sbp || dbp);
        } else if (v.item == "o2-flow") {
            // Air is a flow of 0 L/min (§9); oxygen with no flow written is a flow not measured.
            if (!everMeasured(*r.round, "o2") && !everMeasured(*r.round, "o2_flow")) continue;
            auto o = observation(r, s, v.item, "vital-signs", loincCode(v), {"o2", "o2_flow"});
            std::optional<json> value;
            if (round.onOxygen == false)
                value = json(0);
            else if (round.onOxygen == true && round.o2Flow)
                value = number("o2_flow", *round.o2Flow);
            setValue(o, value, v.ucum, round);
            keep(std::move(o), value.has_value());
        } else if (v.item == "pain") {
            // A checklist item (§6): sent once asked, never as 0 when not.
            if (!everMeasured(*r.round, "pain")) continue;
            auto o = observation(r, s, v.item, "vital-signs", loincCode(v), {"pain"});
            auto value = fieldValue(round, "pain");
            setValue(o, value, v.ucum, round);
            out.push_back(std::move(o));
        } else {
            auto o = observation(r, s, v.item, "vital-signs", loincCode(v), {v.key});
            declareProfile(o, v);
            auto value = fieldValue(round, v.key);
            setValue(o, value, v.ucum, round);
            keep(std::move(o), value.has_value());
        }
    }

    // ACVPU, a NEWS2 input, with its SNOMED answers.
    json code{{"coding", json::array({coding(kSnomed, codes::kAcvpu, "")})},
              {"text", "ACVPU (alert, new confusion, voice, pain, unresponsive)"}};
    auto o = observation(r, s, "acvpu", "survey", std::move(code), {"acvpu"});
    if (round.acvpu) {
        auto answer = codes::kAcvpuAnswers[static_cast<std::size_t>(*round.acvpu)];
        o["valueCodeableConcept"] = {{"coding", json::array({coding(kSnomed, answer, "")})},
                                     {"text", labelOf(acvpuLevels(), *round.acvpu)}};
    } else {
        o["dataAbsentReason"] = absentReason(round);
    }
    keep(std::move(o), round.acvpu.has_value());
    return withValue;
}

void addNews2(std::vector<json>& out, const RoundRecord& r, const Systems& s,
              const std::vector<std::string>& derivedFrom) {
    const ObservationRound& round = r.round->current;
    auto score = news2::score(round);
    json code{{"coding", json::array({coding(kSnomed, codes::kNews2Total, "")})},
              {"text", "NEWS2 total score"}};
    auto o = observation(r, s, "news2", "survey", std::move(code),
                         {"rr", "spo2", "o2", "sbp", "hr", "acvpu", "temp"});
    const auto& p = score.parameters;
    const std::pair<std::string_view, const std::optional<int>*> subs[] = {
        {codes::kSubRr, &p.rr},
        {round.spo2Scale == 2 ? codes::kSubSpo2Scale2 : codes::kSubSpo2Scale1, &p.spo2},
        {codes::kSubO2, &p.o2},
        {codes::kSubSbp, &p.sbp},
        {codes::kSubHr, &p.hr},
        {codes::kSubAcvpu, &p.acvpu},
        {codes::kSubTemp, &p.temp}};
    constexpr std::string_view words[] = {
        "respiration rate", "SpO2",       "air or oxygen", "systolic blood pressure", "pulse",
        "consciousness",    "temperature"};
    json components = json::array();
    for (std::size_t i = 0; i < std::size(subs); ++i) {
        std::string text = fmt::format("NEWS2 sub-score: {}", words[i]);
        if (i == 1) text += fmt::format(" (scale {})", round.spo2Scale);
        json c{{"code",
                {{"coding", json::array({coding(kSnomed, subs[i].first, "")})}, {"text", text}}}};
        if (*subs[i].second)
            c["valueInteger"] = **subs[i].second;
        else
            c["dataAbsentReason"] = absentReason(round);
        components.push_back(std::move(c));
    }
    o["component"] = std::move(components);
    if (score.complete) {
        o["valueQuantity"] = quantity(score.total, codes::kScoreOf);
    } else {
        // "At least N" is not a total: the EHR gets no number it could take for one.
        o["dataAbsentReason"] = {
            {"coding", json::array({coding(kAbsentSystem, "unknown", "Unknown")})},
            {"text",
             fmt::format("Incomplete: at least {} from the parameters measured", score.total)}};
    }
    o["interpretation"] =
        json::array({{{"text", fmt::format("NEWS2 band: {}{}", news2::bandWord(score.band),
                                           score.complete ? "" : " (at least)")}}});
    json refs = json::array();
    for (auto& d : derivedFrom)
        refs.push_back({{"reference", d}});
    if (!refs.empty()) o["derivedFrom"] = std::move(refs);
    out.push_back(std::move(o));
}

} // namespace vigil::fhir::detail
