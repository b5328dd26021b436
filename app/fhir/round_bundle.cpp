#include "fhir/round_bundle.h"

#include "core/timefmt.h"
#include "fhir/resource_parts.h"

#include <algorithm>
#include <fmt/format.h>

namespace vigil::fhir {

using nlohmann::json;

std::string observationId(RoundId round, std::string_view item) {
    return fmt::format("vigil-round-{}-{}", round, item);
}
std::string escalationId(EscalationId e, std::string_view what) {
    return fmt::format("vigil-escalation-{}-{}", e, what);
}

namespace detail {

json coding(std::string_view system, std::string_view code, std::string_view display) {
    json c{{"system", system}, {"code", code}};
    if (!display.empty()) c["display"] = display;
    return c;
}

json quantity(json value, std::string_view ucum) {
    // The unit shown is the UCUM code itself: the vital-signs profiles fix code and system.
    return {{"value", std::move(value)}, {"unit", ucum}, {"system", kUcum}, {"code", ucum}};
}

json number(std::string_view key, double value) {
    auto* f = findNumberField(key);
    if (f && f->whole) return static_cast<std::int64_t>(value);
    return value;
}

json category(std::string_view code) {
    std::string_view display = code == "vital-signs" ? "Vital Signs" : "Survey";
    return json::array(
        {{{"coding", json::array({coding(kCategorySystem, code, display)})}, {"text", display}}});
}

json subject(const RoundRecord& r, const Systems& s) {
    return {{"type", "Patient"}, {"identifier", {{"system", s.mrnSystem}, {"value", r.stay->mrn}}}};
}

json staffReference(const RoundRecord& r, const Systems& s, StaffId who) {
    json ref{{"type", "Practitioner"}};
    if (!s.staffSystem.empty())
        ref["identifier"] = {{"system", s.staffSystem}, {"value", std::to_string(who)}};
    std::string name = r.staffName ? r.staffName(who) : std::string();
    ref["display"] = name.empty() ? fmt::format("Vigil staff number {}", who) : name;
    return ref;
}

json absentReason(const ObservationRound& round) {
    // A refusal is the patient's; any other reason (asleep, away, clinician's request) means
    // the measurement was not done. No reason recorded: simply not measured.
    if (round.partialReason == PartialReason::Refused)
        return {{"coding",
                 json::array({coding(kAbsentSystem, "asked-declined", "Asked But Declined")})},
                {"text", "Refused"}};
    std::string text = "Not measured";
    if (round.partialReason)
        text += fmt::format(" ({})", labelOf(partialReasons(), *round.partialReason));
    return {{"coding", json::array({coding(kAbsentSystem, "not-performed", "Not Performed")})},
            {"text", text}};
}

namespace {
bool touches(const Amendment& a, std::initializer_list<std::string_view> keys) {
    return a.field && std::ranges::find(keys, std::string_view(*a.field)) != keys.end();
}
} // namespace

std::string observationStatus(const AmendedRound& round,
                              std::initializer_list<std::string_view> keys) {
    if (round.enteredInError) return "entered-in-error";
    bool amended = false, corrected = false;
    for (auto& a : round.history) {
        if (!touches(a, keys)) continue;
        // A value given afterwards adds to the record (amended); one changed or withdrawn
        // corrects it.
        if (fieldText(round.original, *a.field))
            corrected = true;
        else
            amended = true;
    }
    return corrected ? "corrected" : amended ? "amended" : "final";
}

void addAmendmentNotes(json& resource, const RoundRecord& r,
                       std::initializer_list<std::string_view> keys) {
    json notes = json::array();
    std::optional<TimePoint> newest;
    for (auto& a : r.round->history) {
        bool whole = a.kind == Amendment::Kind::EnteredInError && !a.field;
        if (!whole && !touches(a, keys)) continue;
        std::string who = r.staffName ? r.staffName(a.by) : std::string();
        std::string what = whole ? std::string("Round entered in error")
                                 : fmt::format("{} {}", fieldLabel(*a.field),
                                               a.value ? fmt::format("corrected to {}", *a.value)
                                                       : std::string("withdrawn (not measured)"));
        json note{{"time", formatUtc(a.at)}, {"text", fmt::format("{}: {}", what, a.reason)}};
        if (!who.empty()) note["authorString"] = who;
        notes.push_back(std::move(note));
        newest = a.at;
    }
    if (notes.empty()) return;
    resource["note"] = std::move(notes);
    resource["issued"] = formatUtc(*newest);
}

json observation(const RoundRecord& r, const Systems& s, std::string_view item,
                 std::string_view categoryCode, json code,
                 std::initializer_list<std::string_view> keys) {
    const ObservationRound& round = r.round->current;
    json o{{"resourceType", "Observation"},
           {"id", observationId(round.id, item)},
           {"status", observationStatus(*r.round, keys)},
           {"category", category(categoryCode)},
           {"code", std::move(code)},
           {"subject", subject(r, s)},
           {"effectiveDateTime", formatUtc(round.takenAt)},
           {"performer", json::array({staffReference(r, s, round.recordedBy)})}};
    addAmendmentNotes(o, r, keys);
    return o;
}

} // namespace detail

TimePoint lastChange(const RoundRecord& record) {
    TimePoint t = record.round->original.takenAt;
    for (auto& a : record.round->history)
        t = std::max(t, a.at);
    for (auto* e : record.escalations) {
        t = std::max(t, e->raisedAt);
        for (auto& step : e->steps)
            t = std::max(t, step.at);
    }
    return t;
}

json roundBundle(const RoundRecord& record, const Systems& systems) {
    std::vector<json> resources;
    auto inputs = detail::addVitalSigns(resources, record, systems);
    detail::addNews2(resources, record, systems, inputs);
    detail::addChecklist(resources, record, systems);
    for (auto* e : record.escalations)
        detail::addEscalation(resources, record, systems, *e);

    json entries = json::array();
    for (auto& res : resources) {
        std::string url =
            res["resourceType"].get<std::string>() + "/" + res["id"].get<std::string>();
        entries.push_back(
            {{"resource", std::move(res)}, {"request", {{"method", "PUT"}, {"url", url}}}});
    }
    return {{"resourceType", "Bundle"},
            {"id", fmt::format("vigil-round-{}", record.round->original.id)},
            {"type", "transaction"},
            {"entry", std::move(entries)}};
}

} // namespace vigil::fhir
