#include "core/escalation.h"

#include <algorithm>
#include <fmt/format.h>

namespace vigil {

std::string_view stateCode(EscalationState s) {
    switch (s) {
    case EscalationState::Raised: return "raised";
    case EscalationState::Acknowledged: return "acknowledged";
    case EscalationState::Informed: return "informed";
    case EscalationState::Responded: return "responded";
    case EscalationState::Resolved: return "resolved";
    case EscalationState::Declined: return "declined";
    case EscalationState::Superseded: return "superseded";
    }
    return "raised";
}

std::string_view stateWords(EscalationState s) {
    switch (s) {
    case EscalationState::Raised: return "not acknowledged";
    case EscalationState::Acknowledged: return "acknowledged";
    case EscalationState::Informed: return "clinician informed";
    case EscalationState::Responded: return "clinician responded";
    case EscalationState::Resolved: return "resolved";
    case EscalationState::Declined: return "escalation declined";
    case EscalationState::Superseded: return "superseded";
    }
    return "";
}

namespace {
constexpr std::pair<StepKind, std::string_view> kSteps[] = {{StepKind::Acknowledge, "acknowledge"},
                                                            {StepKind::Inform, "inform"},
                                                            {StepKind::Respond, "respond"},
                                                            {StepKind::Resolve, "resolve"},
                                                            {StepKind::Decline, "decline"},
                                                            {StepKind::Supersede, "supersede"},
                                                            {StepKind::Raise, "raise"}};

EscalationState after(EscalationState s, StepKind k) {
    switch (k) {
    case StepKind::Acknowledge: return EscalationState::Acknowledged;
    case StepKind::Inform: return EscalationState::Informed;
    case StepKind::Respond: return EscalationState::Responded;
    case StepKind::Resolve: return EscalationState::Resolved;
    case StepKind::Decline: return EscalationState::Declined;
    case StepKind::Supersede: return EscalationState::Superseded;
    case StepKind::Raise: return EscalationState::Raised; // a new level asks for a new look
    }
    return s;
}

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t") == std::string::npos;
}
} // namespace

std::string_view stepCode(StepKind k) {
    for (auto& [kind, code] : kSteps)
        if (kind == k) return code;
    return "";
}

std::optional<StepKind> stepFromCode(std::string_view code) {
    for (auto& [kind, c] : kSteps)
        if (c == code) return kind;
    return std::nullopt;
}

EscalationState Escalation::state() const {
    EscalationState s = EscalationState::Raised;
    for (auto& step : steps)
        s = after(s, step.kind);
    return s;
}

rules::Level Escalation::level() const {
    auto l = openedLevel;
    for (auto& s : steps)
        if (s.kind == StepKind::Raise && s.level && *s.level > l) l = *s.level;
    return l;
}

bool Escalation::open() const {
    auto s = state();
    if (level() < rules::Level::Urgent)
        return s == EscalationState::Raised; // acknowledging a watch closes it
    return s != EscalationState::Resolved && s != EscalationState::Declined &&
           s != EscalationState::Superseded;
}

std::optional<TimePoint> Escalation::acknowledgedAt() const {
    std::optional<TimePoint> at;
    for (auto& s : steps)
        if (s.kind == StepKind::Raise)
            at.reset();
        else if (s.kind == StepKind::Acknowledge && !at)
            at = s.at;
    return at;
}

TimePoint Escalation::clockStart() const {
    TimePoint t = raisedAt;
    for (auto& s : steps)
        if (s.kind == StepKind::Raise) t = s.at;
    return t;
}

const std::string& Escalation::currentSbar() const {
    for (auto it = steps.rbegin(); it != steps.rend(); ++it)
        if (it->kind == StepKind::Raise && !it->sbar.empty()) return it->sbar;
    return sbar;
}

bool Escalation::holds(std::string_view r) const {
    if (rule == r) return true;
    return std::any_of(flags.begin(), flags.end(), [&](auto& f) { return f.rule == r; });
}

std::optional<std::string> checkStep(const Escalation& e, const EscalationStep& step) {
    using S = EscalationState;
    S now = e.state();
    if (!e.open())
        return fmt::format("This flag is closed ({}): nothing more can be recorded on it",
                           stateWords(now));
    auto from = [&](std::initializer_list<S> allowed) {
        return std::find(allowed.begin(), allowed.end(), now) != allowed.end();
    };
    switch (step.kind) {
    case StepKind::Acknowledge:
        if (now != S::Raised) return std::string("This flag has been acknowledged already");
        return std::nullopt;
    case StepKind::Inform:
        if (e.level() < rules::Level::Urgent)
            return std::string("A watch flag is acknowledged, not escalated");
        if (!from({S::Acknowledged, S::Informed, S::Responded}))
            return std::string("Acknowledge the flag before recording the call");
        if (blank(step.clinicianName)) return std::string("Name the clinician you informed");
        if (blank(step.clinicianRole)) return std::string("Give the clinician's role");
        if (std::find(std::begin(kMethods), std::end(kMethods), step.method) == std::end(kMethods))
            return fmt::format(
                "How was the clinician told? \"{}\" is not phone, bleep or in person", step.method);
        return std::nullopt;
    case StepKind::Respond:
        if (!from({S::Informed, S::Responded}))
            return std::string("Record whom you informed before their response");
        if (blank(step.instructions)) return std::string("Write down the clinician's instructions");
        return std::nullopt;
    case StepKind::Resolve:
        if (now == S::Raised) return std::string("Acknowledge the flag before resolving it");
        if (e.level() >= rules::Level::Urgent && now == S::Acknowledged)
            return std::string("An urgent or emergency flag is resolved after the clinician was "
                               "informed, or declined with a reason");
        if (blank(step.reason)) return std::string("Say why the flag is resolved");
        return std::nullopt;
    case StepKind::Decline:
        if (e.level() < rules::Level::Urgent)
            return std::string("A watch flag is acknowledged, not escalated");
        if (now != S::Acknowledged)
            return std::string("Only an acknowledged flag that was not escalated can be declined");
        if (blank(step.reason)) return std::string("Declining to escalate needs a reason");
        return std::nullopt;
    case StepKind::Supersede:
        if (blank(step.reason)) return std::string("Name the flag that supersedes this one");
        return std::nullopt;
    case StepKind::Raise:
        if (!step.level || *step.level <= e.level())
            return fmt::format("An escalation is raised only to a higher level than {}",
                               rules::levelCode(e.level()));
        if (blank(step.reason)) return std::string("Name the flag that raises this escalation");
        return std::nullopt;
    }
    return std::string("Unknown step");
}

bool acknowledgementOverdue(const Escalation& e, TimePoint now, const AcknowledgeWithin& within) {
    if (!e.open() || e.acknowledgedAt() || e.level() < rules::Level::Urgent) return false;
    auto limit = e.level() == rules::Level::Emergency ? within.emergency : within.urgent;
    return now - e.clockStart() > limit;
}

namespace {
const std::vector<rules::CascadeStep>* cascadeOf(const Escalation& e, const rules::RuleSet& r) {
    if (!e.open() || e.acknowledgedAt() || e.level() < rules::Level::Urgent) return nullptr;
    return e.level() == rules::Level::Emergency ? &r.cascadeEmergency : &r.cascadeUrgent;
}
} // namespace

std::vector<CascadeDue> cascadeDue(const Escalation& e, TimePoint now, const rules::RuleSet& r) {
    std::vector<CascadeDue> out;
    auto* steps = cascadeOf(e, r);
    if (!steps) return out;
    for (size_t i = 0; i < steps->size(); ++i) {
        auto due = e.clockStart() + (*steps)[i].after;
        if (due > now) break;
        out.push_back({e.level(), static_cast<int>(i), (*steps)[i].role, due});
    }
    return out;
}

std::optional<TimePoint> nextCascadeDue(const Escalation& e, TimePoint now,
                                        const rules::RuleSet& r) {
    if (auto* steps = cascadeOf(e, r))
        for (auto& s : *steps)
            if (e.clockStart() + s.after > now) return e.clockStart() + s.after;
    return std::nullopt;
}

namespace {
template <class Held>
EscalationChange change(const std::vector<rules::Flag>& flags, const Escalation* open, Held held) {
    EscalationChange c;
    for (const rules::Flag& f : flags)
        if (f.raised && f.level >= rules::Level::Watch && !held(f.rule)) c.added.push_back(&f);
    if (c.added.empty()) return c;
    std::stable_sort(c.added.begin(), c.added.end(),
                     [](auto* a, auto* b) { return a->level > b->level; });
    c.level = c.added.front()->level;
    if (!open)
        c.kind = EscalationChange::Kind::Open;
    else if (c.level > open->level())
        c.kind = EscalationChange::Kind::Raise;
    else
        c.kind = EscalationChange::Kind::Join, c.level = open->level();
    return c;
}
} // namespace

EscalationChange escalationChange(const std::vector<rules::Flag>& flags, const Escalation* open) {
    return change(flags, open, [&](const std::string& rule) { return open && open->holds(rule); });
}

EscalationChange escalationChange(const std::vector<rules::Flag>& flags,
                                  const std::vector<Escalation>& escalations) {
    return change(flags, escalationToJoin(escalations), [&](const std::string& rule) {
        return std::any_of(escalations.begin(), escalations.end(),
                           [&](const Escalation& e) { return e.open() && e.holds(rule); });
    });
}

const Escalation* escalationToJoin(const std::vector<Escalation>& escalations) {
    const Escalation* best = nullptr;
    for (auto& e : escalations)
        if (e.open() && (!best || e.level() >= best->level())) best = &e;
    return best;
}

} // namespace vigil
