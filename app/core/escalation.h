#pragma once
// What happened after a round raised flags: raised, acknowledged, clinician informed, clinician
// responded, resolved; or declined (with a reason), or superseded. One event, one escalation
// (clinical-reference §5): the flags one round raises for a patient belong to one escalation at
// the highest of their levels; a later flag at a higher level raises it (a step of its own, which
// asks for a new acknowledgement). Every step names who and when; steps are only ever added, and
// an illegal one is refused with the reason.
#include "core/rules/engine.h"
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
enum class StepKind { Acknowledge, Inform, Respond, Resolve, Decline, Supersede, Raise };

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
    std::string reason;                               // Resolve, Decline, Supersede, Raise
    // Defaulted, so that steps written as {kind, at, by, ...} need not name them.
    std::optional<rules::Level> level = std::nullopt; // Raise: the level it is raised to
    std::string sbar{};                               // Raise: the SBAR for the new call
    std::string deviceKey{}; // made on the device: the same step sent again is kept once
};

// One flag an escalation holds: those of the round that opened it, and any added later.
struct EscalationFlag {
    std::string rule;
    rules::Level level = rules::Level::Urgent;
    std::string message;
    std::int64_t round = 0;
    TimePoint addedAt{};
};

struct Escalation {
    EscalationId id = 0;
    StayId stay = 0;
    std::int64_t round = 0;
    std::string rule; // the highest flag of the round that opened it
    rules::Level openedLevel = rules::Level::Urgent;
    std::string message;
    TimePoint raisedAt{};
    std::string sbar;
    std::vector<EscalationStep> steps; // in order
    std::vector<EscalationFlag> flags; // every flag it holds, in the order they joined

    // As opened, or as last raised.
    rules::Level level() const;
    EscalationState state() const;
    bool open() const;
    // Since the last raise: a raised escalation needs acknowledging again.
    std::optional<TimePoint> acknowledgedAt() const;
    // When the acknowledgement clock started: opened, or last raised.
    TimePoint clockStart() const;
    // The SBAR for the call now: the newest raise's, or the one it was opened with.
    const std::string& currentSbar() const;
    bool holds(std::string_view rule) const;
};

// Nothing when `step` may follow; otherwise what is wrong, in words.
std::optional<std::string> checkStep(const Escalation& e, const EscalationStep& step);

// How long an urgent or emergency flag may wait for an acknowledgement (from the rule file).
struct AcknowledgeWithin {
    std::chrono::seconds emergency{std::chrono::minutes(5)};
    std::chrono::seconds urgent{std::chrono::minutes(15)};
};
bool acknowledgementOverdue(const Escalation& e, TimePoint now, const AcknowledgeWithin& within);

// A step of the onward cascade (clinical-reference §5) that is due: the escalation, open at
// urgent or emergency, has not been acknowledged `after` since its clock started (opened or last
// raised). `step` counts from 0 within the level's cascade.
struct CascadeDue {
    rules::Level level = rules::Level::Urgent;
    int step = 0;
    rules::CascadeRole role = rules::CascadeRole::ChargeNurse;
    TimePoint dueAt{};
};
// Every step due at `now`, oldest first (already recorded ones included: the record keeps each
// once). The rule set gives the times and roles.
std::vector<CascadeDue> cascadeDue(const Escalation& e, TimePoint now, const rules::RuleSet& r);
// The next time a step falls due after `now`, if any: when a follower should look again.
std::optional<TimePoint> nextCascadeDue(const Escalation& e, TimePoint now,
                                        const rules::RuleSet& r);

// What one round's flags do to the patient's open escalation (clinical-reference §5, one event,
// one escalation). Only flags raised by this round, at watch or above, and not already held by
// the open escalation count. With none: nothing. With no open escalation: open one at the highest
// of their levels, holding all of them. With one open: raise it when a new flag is higher, or
// else the new flags join it (listed; same level, same clock).
struct EscalationChange {
    enum class Kind { None, Open, Raise, Join };
    Kind kind = Kind::None;
    rules::Level level = rules::Level::Watch; // Open: opened at; Raise: raised to
    std::vector<const rules::Flag*> added;    // highest level first
};
EscalationChange escalationChange(const std::vector<rules::Flag>& flags, const Escalation* open);
// The same over all of a patient's escalations: a flag any open one holds adds nothing, and the
// change applies to escalationToJoin(escalations).
EscalationChange escalationChange(const std::vector<rules::Flag>& flags,
                                  const std::vector<Escalation>& escalations);

// The one a new flag joins or raises: the highest open one, the newest of equals (older files
// may hold several open for one patient). Null when none is open.
const Escalation* escalationToJoin(const std::vector<Escalation>& escalations);

} // namespace vigil
