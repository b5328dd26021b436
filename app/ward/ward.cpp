#include "ward/ward.h"

#include "core/timefmt.h"
#include "store/flags.h"
#include "store/frequencies.h"
#include "store/rounds.h"
#include "ward/transaction.h"

#include <algorithm>
#include <fmt/format.h>

namespace vigil::ward {

namespace {
std::string listOfKeys(const std::vector<std::string>& keys) {
    std::string out;
    for (auto& k : keys)
        out += (out.empty() ? "" : ", ") + std::string(fieldLabel(k));
    return out;
}
} // namespace

AdmitOutcome Ward::admit(Stay stay, StaffId by, DateOfBirthNeeded dob) {
    require(by, Permission::CareForPatients);
    AdmitOutcome out;
    stay.admittedAt = m_clock.now();
    stay.admittedBy = by;
    out.problems = checkStay(stay, m_clock.now(), dob);
    if (!out.problems.empty()) return out;
    // Checked inside the write transaction: two tablets admitting to one bed at once give one
    // admission, and the other is told who is there.
    return inTransaction(m_db, "The admission", by, m_clock.now(), [&] {
        for (const Stay& other : store::openStays(m_db)) {
            if (other.bed == stay.bed)
                out.problems.push_back(
                    {"bed", fmt::format("Bed {} is occupied by {} (MRN {}), admitted {}: "
                                        "discharge them first, or choose another bed",
                                        other.bed, other.name, other.mrn,
                                        formatLocalTime(other.admittedAt))});
            if (other.mrn == stay.mrn)
                out.problems.push_back(
                    {"mrn", fmt::format("MRN {} is already on the unit: {} in bed {}, admitted "
                                        "{}. Check the wristband",
                                        other.mrn, other.name, other.bed,
                                        formatLocalTime(other.admittedAt))});
        }
        if (out.problems.empty()) out.admitted = store::insertStay(m_db, stay);
        return out;
    });
}

void Ward::discharge(StayId stay, StaffId by) {
    require(by, Permission::CareForPatients);
    inTransaction(m_db, "The discharge", by, m_clock.now(), [&] {
        store::insertDischarge(m_db, stay, m_clock.now(), by);
        return 0;
    });
}

RoundOutcome Ward::recordRound(ObservationRound round, const std::set<std::string>& confirmed,
                               StaffId by) {
    try {
        return recordRoundOnce(std::move(round), confirmed, by);
    } catch (const store::StoreError& e) {
        // A read before the write failed (the server gone): as not saved as a failed commit.
        throw SaveFailed(fmt::format("The round was not saved: {}", e.what()));
    }
}

RoundOutcome Ward::recordRoundOnce(ObservationRound round, const std::set<std::string>& confirmed,
                                   StaffId by) {
    require(by, Permission::CareForPatients);
    RoundOutcome out;
    auto stay = store::findStay(m_db, round.stay);
    if (!stay || stay->dischargedAt) {
        out.problems.push_back({EntryProblem::Kind::Refused, "stay", std::nullopt,
                                "This patient is not on the ward: the round cannot be saved"});
        return out;
    }
    if (round.takenAt == TimePoint{}) round.takenAt = m_clock.now();
    round.recordedBy = by;
    round.spo2Scale = stay->spo2Scale;

    out.problems = checkEntry(round, confirmed);
    if (round.takenAt > m_clock.now() + std::chrono::minutes(5))
        out.problems.push_back({EntryProblem::Kind::Refused, "taken_at", std::nullopt,
                                "The round's time is in the future: enter when it was taken"});
    auto missing = missingNews2Inputs(round);
    if (!missing.empty() && !round.partialReason)
        out.problems.push_back(
            {EntryProblem::Kind::Refused, "partial_reason", std::nullopt,
             fmt::format("Not measured: {}. Choose why (asleep, refused, away from bed, "
                         "clinician's request) or enter them",
                         listOfKeys(missing))});
    out.news2 = news2::score(round);
    out.poss = round.poss;
    out.round = round;
    if (!out.problems.empty()) return out;

    // History is read inside the write transaction: a round saved at the same moment from another
    // tablet is either wholly before this one or wholly after it.
    out.saved = inTransaction(m_db, "The round", by, m_clock.now(), [&] {
        if (!round.deviceKey.empty())
            if (auto first = store::roundByDeviceKey(m_db, round.deviceKey)) {
                out.alreadySaved = true; // its answer was lost on the way back: kept once
                return *first;
            }
        auto history = historyBefore(*stay, round.takenAt);
        auto now = rules::snapshot(round, out.news2, &*stay);
        auto limits = activeLimits(stay->id);
        out.flags =
            rules::evaluate(*m_rules, {&now, history.earlier, &*stay, limits}, history.open);
        RoundId id = store::insertRound(m_db, round, out.news2, confirmed, m_clock.now());
        store::insertFlags(m_db, id, stay->id, out.flags, *m_rules);
        applyEscalations(*stay, round, id, out.news2, out.flags, out);
        return id;
    });
    out.round.id = *out.saved;
    return out;
}

std::optional<std::string> Ward::amend(Amendment a) {
    require(a.by, Permission::CareForPatients);
    auto original = store::findRound(m_db, a.round);
    if (!original) return fmt::format("Round {} does not exist", a.round);
    if (a.reason.find_first_not_of(" \t") == std::string::npos)
        return std::string("An amendment needs a reason: say why the value was wrong");
    if (a.kind == Amendment::Kind::EnteredInError) a.value.reset();
    if (a.field) {
        if (!isRoundField(*a.field))
            return fmt::format("\"{}\" is not a field of a round", *a.field);
        auto all = store::amendmentsForStay(m_db, original->stay);
        auto current = applyAmendments(*original, all).current;
        if (auto error = setField(current, *a.field, a.value)) return error;
        // An amendment is itself a deliberate re-entry: only impossible values are refused.
        for (auto& p : checkEntry(current, {}))
            if (p.kind == EntryProblem::Kind::Refused) return p.message;
    } else if (a.kind == Amendment::Kind::Corrected) {
        return std::string("A correction names the field it corrects");
    }
    a.at = m_clock.now();
    inTransaction(m_db, "The amendment", a.by, m_clock.now(),
                  [&] { return store::insertAmendment(m_db, a); });
    return std::nullopt;
}

Ward::History Ward::historyBefore(const Stay& stay, TimePoint at) {
    // Only as much history as the rule set asks for (prev, persist, drop and rise windows), and
    // always the previous round, whose open flags carry over. Two more cover rounds entered in
    // error, which are skipped.
    int rounds = static_cast<int>(std::max<size_t>(m_rules->lookbackRounds, 1));
    if (m_rules->lookbackWindow > 0)
        rounds = std::max(
            rounds, store::countRoundsSince(
                        m_db, stay.id,
                        at - std::chrono::seconds(static_cast<long>(m_rules->lookbackWindow))));
    History h;
    auto recent = store::roundsForStay(m_db, stay.id, rounds + 2);
    auto amendments = store::amendmentsForRounds(m_db, recent);
    for (auto& r : recent) {
        if (r.takenAt > at) continue; // a round entered late is judged against what came before it
        auto amended = applyAmendments(r, amendments);
        if (amended.enteredInError) continue;
        if (!h.previous) h.previous = r.id;
        h.earlier.push_back(rules::snapshot(amended.current, news2::score(amended.current), &stay));
    }
    if (h.previous)
        for (auto& f : store::flagsForRound(m_db, *h.previous))
            h.open.push_back({f.flag.rule, f.flag.lastRaised, f.flag.tracked});
    return h;
}

std::optional<std::string> Ward::setPatientLimit(PatientLimit limit, StaffId by) {
    require(by, Permission::SetPatientLimits);
    limit.setAt = m_clock.now();
    limit.setBy = by;
    if (auto error = checkLimit(limit, m_clock.now())) return error;
    auto s = store::findStay(m_db, limit.stay);
    if (!s || s->dischargedAt) return std::string("This patient is not on the ward");
    inTransaction(m_db, "The patient limit", by, m_clock.now(),
                  [&] { return store::insertPatientLimit(m_db, limit); });
    return std::nullopt;
}

namespace {
// The limits in force at `now` among a stay's, oldest first: the newest wins per field.
std::vector<PatientLimit> inForce(const std::vector<PatientLimit>& all, TimePoint now) {
    std::vector<PatientLimit> out;
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->active(now) &&
            std::none_of(out.begin(), out.end(), [&](auto& l) { return l.field == it->field; }))
            out.push_back(*it);
    return out;
}
} // namespace

std::vector<PatientLimit> Ward::activeLimits(StayId stay) {
    return inForce(store::patientLimits(m_db, stay), m_clock.now());
}

std::optional<std::string> Ward::recordMissedRound(StayId stay, const std::string& reason,
                                                   StaffId by) {
    require(by, Permission::CareForPatients);
    if (reason.find_first_not_of(" \t") == std::string::npos)
        return std::string("A missed round needs a reason");
    auto s = store::findStay(m_db, stay);
    if (!s || s->dischargedAt) return std::string("This patient is not on the ward");
    inTransaction(m_db, "The missed round", by, m_clock.now(), [&] {
        store::insertMissedRound(m_db, {stay, m_clock.now(), reason, by});
        return 0;
    });
    return std::nullopt;
}

const Escalation* BedView::topEscalation(TimePoint now, const AcknowledgeWithin& within) const {
    const Escalation* top = nullptr;
    auto rank = [&](const Escalation& e) {
        return std::pair(vigil::acknowledgementOverdue(e, now, within), e.level());
    };
    for (auto& e : openEscalations)
        if (!top || rank(e) > rank(*top)) top = &e;
    return top;
}

std::optional<Stay> Ward::stay(StayId id) {
    return store::findStay(m_db, id);
}

std::vector<BedView> Ward::board() {
    // Every bed's records with one query per kind, not one per bed: on a unit server each query
    // is a round trip, and the board is redrawn on every save anywhere on the unit.
    auto stays = store::openStays(m_db);
    std::vector<StayId> ids;
    for (auto& s : stays)
        ids.push_back(s.id);
    auto unit = store::IdList::of(std::move(ids));
    // A few recent rounds are enough: the newest one not entered in error is what shows.
    constexpr int kRecent = 4;
    auto recent = store::recentRounds(m_db, unit, kRecent);
    std::vector<ObservationRound> allRecent;
    std::vector<RoundId> recentIds;
    for (auto& [stay, rounds] : recent)
        for (auto& r : rounds) {
            allRecent.push_back(r);
            recentIds.push_back(r.id);
        }
    auto amendments = store::amendmentsForRounds(m_db, allRecent);
    auto flags = store::flagsForRounds(m_db, recentIds);
    auto escalations = store::escalationsFor(m_db, unit, true);
    auto frequencies = store::frequenciesFor(m_db, unit);
    auto missed = store::lastMissedRounds(m_db, unit);
    auto limits = store::patientLimitsFor(m_db, unit);
    auto cascade = store::cascadeFor(m_db, unit);
    auto now = m_clock.now();

    std::vector<BedView> out;
    auto namesakes = nameAlerts(stays);
    auto openings = store::lastRoundOpenings(m_db, unit);
    for (Stay& stay : stays) {
        BedView view{std::move(stay), {}, {}, {}, {}, {}, 0, false, {}, {}, {}, {}, {}, {}};
        StayId id = view.stay.id;
        if (auto n = namesakes.find(id); n != namesakes.end())
            view.nameAlert = std::move(n->second);
        for (auto& r : recent[id]) {
            auto amended = applyAmendments(r, amendments);
            if (amended.enteredInError) continue;
            view.news2 = news2::score(amended.current);
            view.lastRound = std::move(amended.current);
            for (auto& f : flags[r.id])
                view.openFlags.push_back(std::move(f.flag));
            break;
        }
        view.openEscalations = std::move(escalations[id]);
        view.frequency = activeAt(frequencies[id], now);
        view.due = schedule::nextDue(
            view.stay, view.lastRound ? std::optional(view.lastRound->takenAt) : std::nullopt,
            view.news2, ordersFor(view.openEscalations, view.frequency));
        view.overdueMinutes = schedule::overdueMinutes(view.due, now);
        if (auto m = missed.find(id); m != missed.end()) view.missed = m->second;
        auto opening = openings.find(id);
        view.roundInProgress =
            inProgress(opening == openings.end() ? nullptr : &opening->second, view.missed, now);
        view.limits = inForce(limits[id], now);
        for (auto& e : view.openEscalations)
            for (auto& c : cascade[e.id])
                if (!view.lastCascade || c.dueAt >= view.lastCascade->dueAt) view.lastCascade = c;
        for (auto& e : view.openEscalations)
            view.acknowledgementOverdue =
                view.acknowledgementOverdue || acknowledgementOverdue(e, now, acknowledgeWithin());
        out.push_back(std::move(view));
    }
    auto urgency = [](const BedView& b) {
        int level = -1;
        for (auto& e : b.openEscalations)
            level = std::max(level, static_cast<int>(e.level()));
        for (auto& f : b.openFlags)
            level = std::max(level, static_cast<int>(f.level));
        bool waiting = std::any_of(b.openEscalations.begin(), b.openEscalations.end(),
                                   [](auto& e) { return e.state() == EscalationState::Raised; });
        return std::tuple(b.acknowledgementOverdue, level, waiting, b.overdueMinutes);
    };
    // Stable: beds of equal urgency keep their bed order.
    std::stable_sort(out.begin(), out.end(),
                     [&](const BedView& a, const BedView& b) { return urgency(a) > urgency(b); });
    return out;
}

std::optional<PatientChart> Ward::chart(StayId id) {
    auto stay = store::findStay(m_db, id);
    if (!stay) return std::nullopt;
    PatientChart chart{*stay, {}, {}};
    // Only a patient on the unit can be mixed up with another on it.
    if (!stay->dischargedAt) {
        auto namesakes = nameAlerts(store::openStays(m_db));
        if (auto n = namesakes.find(id); n != namesakes.end()) chart.nameAlert = n->second;
    }
    auto amendments = store::amendmentsForStay(m_db, id);
    for (auto& r : store::roundsForStay(m_db, id)) {
        auto amended = applyAmendments(r, amendments);
        auto score = news2::score(amended.current);
        chart.rounds.push_back({std::move(amended), score});
    }
    return chart;
}

StaffId Ward::ensureStaff(const std::string& name, store::Role role) {
    for (auto& s : store::listStaff(m_db))
        if (s.name == name) return s.id;
    return inTransaction(m_db, "The staff member", 0, m_clock.now(),
                         [&] { return store::insertStaff(m_db, name, role, m_clock.now()); });
}

} // namespace vigil::ward
