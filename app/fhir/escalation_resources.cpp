// An escalation as a Flag (active until resolved), a Task whose status follows the escalation,
// and a Communication per time the clinician was informed (clinical-reference §9). No national
// profile exists for early-warning escalation: base R4 resources.
#include "core/timefmt.h"
#include "fhir/resource_parts.h"

#include <fmt/format.h>

namespace vigil::fhir::detail {

using nlohmann::json;

namespace {

// §9: requested when raised, accepted when acknowledged, in-progress once the clinician
// responded, completed when resolved, cancelled when declined. Informed is still "accepted":
// the clinician has been called but has not responded yet. Superseded (files before schema 8)
// closes without being done: cancelled too.
std::string_view taskStatus(EscalationState s) {
    switch (s) {
    case EscalationState::Raised: return "requested";
    case EscalationState::Acknowledged:
    case EscalationState::Informed: return "accepted";
    case EscalationState::Responded: return "in-progress";
    case EscalationState::Resolved: return "completed";
    case EscalationState::Declined:
    case EscalationState::Superseded: return "cancelled";
    }
    return "requested";
}

std::string_view priority(rules::Level l) {
    switch (l) {
    case rules::Level::Emergency: return "stat";
    case rules::Level::Urgent: return "urgent";
    default: return "routine";
    }
}

json ref(std::string_view type, const std::string& id) {
    return {{"reference", fmt::format("{}/{}", type, id)}};
}

std::string stepWords(const EscalationStep& step) {
    switch (step.kind) {
    case StepKind::Acknowledge: return "Acknowledged";
    case StepKind::Inform:
        return fmt::format("Clinician informed: {} ({}) by {}", step.clinicianName,
                           step.clinicianRole, step.method);
    case StepKind::Respond: return fmt::format("Clinician responded: {}", step.instructions);
    case StepKind::Resolve: return fmt::format("Resolved: {}", step.reason);
    case StepKind::Decline: return fmt::format("Declined: {}", step.reason);
    case StepKind::Supersede: return fmt::format("Superseded: {}", step.reason);
    case StepKind::Raise:
        return fmt::format("Raised to {}: {}",
                           step.level ? rules::levelCode(*step.level) : std::string_view("?"),
                           step.reason);
    }
    return "";
}

} // namespace

void addEscalation(std::vector<json>& out, const RoundRecord& r, const Systems& s,
                   const Escalation& e) {
    auto state = e.state();
    std::string flagId = escalationId(e.id, "flag"), taskId = escalationId(e.id, "task");
    std::string level(rules::levelCode(e.level()));
    std::string text = fmt::format("{} escalation: {}", level, e.message);
    json code{{"coding", json::array({coding(s.codeSystem, e.rule, "")})}, {"text", text}};

    json period{{"start", formatUtc(e.raisedAt)}};
    TimePoint last = e.raisedAt;
    for (auto& step : e.steps) {
        last = step.at;
        if (step.kind == StepKind::Resolve || step.kind == StepKind::Decline ||
            step.kind == StepKind::Supersede)
            period["end"] = formatUtc(step.at);
    }
    out.push_back({{"resourceType", "Flag"},
                   {"id", flagId},
                   {"status", e.open() ? "active" : "inactive"},
                   {"code", code},
                   {"subject", subject(r, s)},
                   {"period", period},
                   {"author", staffReference(r, s, r.round->original.recordedBy)}});

    json task{{"resourceType", "Task"},
              {"id", taskId},
              {"status", taskStatus(state)},
              {"businessStatus", {{"text", stateWords(state)}}},
              {"intent", "order"},
              {"priority", priority(e.level())},
              {"code", code},
              {"description", e.currentSbar()},
              {"focus", ref("Flag", flagId)},
              {"for", subject(r, s)},
              {"authoredOn", formatUtc(e.raisedAt)},
              {"lastModified", formatUtc(last)},
              {"requester", staffReference(r, s, r.round->original.recordedBy)},
              {"reasonReference", ref("Observation", observationId(e.round, "news2"))}};
    json notes = json::array();
    for (auto& step : e.steps) {
        json note{{"time", formatUtc(step.at)}, {"text", stepWords(step)}};
        if (r.staffName && !r.staffName(step.by).empty())
            note["authorString"] = r.staffName(step.by);
        notes.push_back(std::move(note));
        if (step.kind == StepKind::Decline || step.kind == StepKind::Supersede)
            task["statusReason"] = {{"text", step.reason}};
    }
    if (!notes.empty()) task["note"] = std::move(notes);
    out.push_back(std::move(task));

    int informed = 0;
    for (auto& step : e.steps) {
        if (step.kind != StepKind::Inform) continue;
        ++informed;
        std::string recipient =
            step.clinicianRole.empty()
                ? step.clinicianName
                : fmt::format("{} ({})", step.clinicianName, step.clinicianRole);
        out.push_back({{"resourceType", "Communication"},
                       {"id", escalationId(e.id, fmt::format("inform-{}", informed))},
                       {"status", "completed"},
                       {"basedOn", json::array({ref("Task", taskId)})},
                       {"subject", subject(r, s)},
                       {"about", json::array({ref("Flag", flagId)})},
                       {"sent", formatUtc(step.at)},
                       {"sender", staffReference(r, s, step.by)},
                       {"recipient", json::array({{{"display", recipient}}})},
                       {"medium", json::array({{{"text", step.method}}})},
                       {"payload", json::array({{{"contentString", e.currentSbar()}}})}});
    }
}

} // namespace vigil::fhir::detail
