#pragma once
// What happened after a flag: raised, acknowledged, clinician informed, clinician responded,
// resolved; or declined (with a reason), or superseded by a higher flag. Every step names who and
// when; steps are only ever added, and an illegal one is refused with the reason.
#include "core/rules/ruleset.h"
#include "core/stay.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil {

using EscalationId = std::int64_t;

enum class EscalationState {
    Raised,
    Acknowledged,
    Informed,
    Responded,
    Resolved,
    Declined,
    Superseded
};
enum class StepKind { Acknowledge, Inform, Respond, Resolve, Decline, Supersede };

std::string_view stateCode(EscalationState s);  // "raised", "acknowledged", ...
std::string_view stateWords(EscalationState s); // "not acknowledged", "clinician informed", ...
std::string_view stepCode(StepKind k);
std::optional<StepKind> stepFromCode(std::string_view code);

// How the clinician was told.
inline constexpr std::string_view kMethods[] = {"phone", "bleep", "in person"};

struct EscalationStep {
    StepKind kind = StepKind::Acknowledge;
    TimePoint at{};
    StaffId by = 0;
    std::string clinicianName, clinicianRole, method; // Inform
    std::string instructions;                         // Respond
    std::string reason;                               // Resolve, Decline, Supersede
};

struct Escalation {
    EscalationId id = 0;
    StayId stay = 0;
    std::int64_t round = 0;
    std::string rule;
    rules::Level level = rules::Level::Urgent;
    std::string message;
    TimePoint raisedAt{};
    std::string sbar;
    std::vector<EscalationStep> steps; // in order

    EscalationState state() const;
    bool open() const;
    std::optional<TimePoint> acknowledgedAt() const;
};

// Nothing when `step` may follow; otherwise what is wrong, in words.
std::optional<std::string> checkStep(const Escalation& e, const EscalationStep& step);

// How long an urgent or emergency flag may wait for an acknowledgement (from the rule file).
struct AcknowledgeWithin {
    std::chrono::seconds emergency{std::chrono::minutes(5)};
    std::chrono::seconds urgent{std::chrono::minutes(15)};
};
bool acknowledgementOverdue(const Escalation& e, TimePoint now, const AcknowledgeWithin& within);

} // namespace vigil
