// Escalations (one event, one escalation: clinical-reference §5) and the clinician's observation
// frequency (§4).
#include "core/sbar.h"
#include "core/timefmt.h"
#include "store/frequencies.h"
#include "store/rounds.h"
#include "ward/transaction.h"
#include "ward/ward.h"

#include <algorithm>
#include <fmt/format.h>

namespace vigil::ward {

schedule::Orders ordersFor(const std::vector<Escalation>& open,
                           const std::optional<ObservationFrequency>& frequency) {
    schedule::Orders o;
    for (auto& e : open)
        if (e.open() && e.level() >= rules::Level::Urgent &&
            (!o.openEscalation || e.level() > *o.openEscalation))
            o.openEscalation = e.level();
    if (frequency) o.clinician = &*frequency;
    return o;
}

namespace {
// The flags of the round that the escalation's SBAR names: those it holds or is given now,
// highest first (the engine's order).
std::vector<rules::Flag> sbarFlags(const std::vector<rules::Flag>& flags, const Escalation* e,
                                   const std::vector<const rules::Flag*>& added) {
    std::vector<rules::Flag> out;
    for (auto& f : flags)
        if (f.level >= rules::Level::Watch &&
            ((e && e->holds(f.rule)) || std::find(added.begin(), added.end(), &f) != added.end()))
            out.push_back(f);
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.level > b.level; });
    return out;
}
} // namespace

void Ward::applyEscalations(const Stay& stay, const ObservationRound& round, RoundId id,
                            const news2::Result& score, const std::vector<rules::Flag>& flags,
                            RoundOutcome& out) {
    auto now = m_clock.now();
    auto open = store::escalationsForStay(m_db, stay.id, true);
    // A watch record whose flags no longer hold needs no acknowledgement any more: the system
    // closes it. Urgent and emergency escalations stay open until a person acts on them.
    for (auto& e : open) {
        bool stillHolds =
            std::any_of(flags.begin(), flags.end(), [&](auto& f) { return e.holds(f.rule); });
        if (e.level() >= rules::Level::Urgent || stillHolds) continue;
        EscalationStep s{StepKind::Resolve,         now, round.recordedBy, {}, {}, {}, {},
                         "the flag no longer holds"};
        store::insertStep(m_db, e.id, s);
        e.steps.push_back(s);
    }
    const Escalation* target = escalationToJoin(open);
    auto change = escalationChange(flags, open);
    using K = EscalationChange::Kind;
    if (change.kind == K::None) return;
    EscalationId into = target ? target->id : 0;
    if (change.kind == K::Open) {
        const rules::Flag& top = *change.added.front();
        Escalation e;
        e.stay = stay.id;
        e.round = id;
        e.rule = top.rule;
        e.openedLevel = change.level;
        e.message = top.message;
        e.raisedAt = now;
        e.sbar = sbar(stay, round, score, sbarFlags(flags, nullptr, change.added), now);
        into = store::insertEscalation(m_db, e);
        out.escalationsOpened.push_back(into);
    } else if (change.kind == K::Raise) {
        const rules::Flag& top = *change.added.front();
        EscalationStep s;
        s.kind = StepKind::Raise;
        s.at = now;
        s.by = round.recordedBy;
        s.level = change.level;
        s.reason = fmt::format("raised to {} by {}: {}", rules::levelCode(change.level), top.rule,
                               top.message);
        s.sbar = sbar(stay, round, score, sbarFlags(flags, target, change.added), now);
        store::insertStep(m_db, into, s);
        out.escalationRaised = into;
    }
    for (const rules::Flag* f : change.added)
        store::insertEscalationFlag(m_db, into, {f->rule, f->level, f->message, id, now});
}

std::optional<std::string> Ward::escalationStep(EscalationId id, EscalationStep step) {
    try {
        return escalationStepOnce(id, std::move(step));
    } catch (const SaveFailed&) {
        throw;
    } catch (const store::StoreError& e) {
        throw SaveFailed(fmt::format("The escalation step was not saved: {}", e.what()));
    }
}

std::optional<std::string> Ward::escalationStepOnce(EscalationId id, EscalationStep step) {
    auto e = store::findEscalation(m_db, id);
    if (!e) return fmt::format("Escalation {} does not exist", id);
    // Closing an escalation is the charge nurse's call; the bedside steps are every nurse's.
    bool closing = step.kind == StepKind::Resolve || step.kind == StepKind::Decline;
    require(step.by, closing ? Permission::ResolveEscalations : Permission::CareForPatients);
    // Raising is the rules' doing, when a round brings a higher flag.
    if (step.kind == StepKind::Raise || step.kind == StepKind::Supersede)
        return std::string("An escalation is raised by a round's flags, not by hand");
    step.at = m_clock.now();
    // Sent again after its answer was lost: recorded already, so nothing to say and nothing saved.
    if (!step.deviceKey.empty() && store::stepRecorded(m_db, step.deviceKey)) return std::nullopt;
    if (auto taken = takenElsewhere(*e, step)) return taken;
    if (auto error = checkStep(*e, step)) return error;
    // Checked again inside the write lock: another device may have acted on this escalation
    // since it was read. The record itself refuses a second acknowledgement or closing too.
    return inTransaction(
        m_db, "The escalation step", step.by, m_clock.now(), [&]() -> std::optional<std::string> {
            if (!step.deviceKey.empty() && store::stepRecorded(m_db, step.deviceKey))
                return std::nullopt;
            auto now = store::findEscalation(m_db, id);
            if (!now) return fmt::format("Escalation {} does not exist", id);
            if (auto taken = takenElsewhere(*now, step)) return taken;
            if (auto error = checkStep(*now, step)) return error;
            // The level acknowledged: one acknowledgement per level (schema 10).
            if (step.kind == StepKind::Acknowledge) step.level = now->level();
            store::insertStep(m_db, id, step);
            return std::nullopt;
        });
}

std::optional<std::string> Ward::takenElsewhere(const Escalation& e, const EscalationStep& step) {
    auto closing = [](StepKind k) { return k == StepKind::Resolve || k == StepKind::Decline; };
    if (step.kind != StepKind::Acknowledge && !closing(step.kind)) return std::nullopt;
    const EscalationStep* taken = nullptr;
    for (auto& done : e.steps) {
        // A raise asks for a new acknowledgement: only one since the last raise counts.
        if (done.kind == StepKind::Raise && step.kind == StepKind::Acknowledge) taken = nullptr;
        if (done.kind == step.kind || (closing(done.kind) && closing(step.kind))) taken = &done;
    }
    if (!taken) return std::nullopt;
    auto who = store::findStaff(m_db, taken->by);
    return fmt::format("Already {} by {} at {}: nothing was saved",
                       taken->kind == StepKind::Acknowledge ? "acknowledged"
                       : taken->kind == StepKind::Resolve   ? "resolved"
                                                            : "declined",
                       who ? who->name : fmt::format("staff {}", taken->by),
                       formatLocalTime(taken->at));
}

std::optional<Escalation> Ward::escalation(EscalationId id) {
    return store::findEscalation(m_db, id);
}

std::optional<ObservationFrequency> Ward::activeFrequency(StayId stay) {
    return activeAt(store::frequencies(m_db, stay), m_clock.now());
}

schedule::Due Ward::scheduleWithoutOrder(StayId id) {
    auto stay = store::findStay(m_db, id);
    if (!stay) return {};
    std::optional<ObservationRound> last;
    auto recent = store::roundsForStay(m_db, id, 4);
    auto amendments =
        recent.empty() ? std::vector<Amendment>{} : store::amendmentsForRounds(m_db, recent);
    for (auto& r : recent) {
        auto amended = applyAmendments(r, amendments);
        if (amended.enteredInError) continue;
        last = amended.current;
        break;
    }
    auto open = store::escalationsForStay(m_db, id, true);
    // Before the first round the protocol's first interval is what a frequency is compared to.
    TimePoint at = last ? last->takenAt : m_clock.now();
    double h = std::chrono::duration<double, std::ratio<3600>>(at - stay->since).count();
    auto d = schedule::interval(h, last ? std::optional(news2::score(*last)) : std::nullopt,
                                anyRiskAt(*stay, at), ordersFor(open, std::nullopt));
    d.at = at + d.interval;
    return d;
}

std::optional<std::string> Ward::setObservationFrequency(ObservationFrequency f, StaffId by) {
    require(by, Permission::CareForPatients);
    auto s = store::findStay(m_db, f.stay);
    if (!s || s->dischargedAt) return std::string("This patient is not on the ward");
    f.setAt = m_clock.now();
    f.setBy = by;
    if (auto error = checkFrequency(f, scheduleWithoutOrder(f.stay).interval, m_clock.now()))
        return error;
    // Loosening moves a safety net, like a patient limit: the charge nurse's call.
    if (f.looser) require(by, Permission::SetPatientLimits);
    inTransaction(m_db, "The observation frequency", by, m_clock.now(),
                  [&] { return store::insertFrequency(m_db, f); });
    return std::nullopt;
}

} // namespace vigil::ward
