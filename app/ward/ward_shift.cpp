// The charge nurse's shift summary and the I-PASS handoff sheet (issue 5).
#include "core/timefmt.h"
#include "store/audit.h"
#include "store/flags.h"
#include "store/frequencies.h"
#include "store/handoff.h"
#include "store/rounds.h"
#include "ward/transaction.h"
#include "ward/ward.h"

#include <algorithm>
#include <map>

namespace vigil::ward {

namespace {
// An escalation as it stood at `t`: only the steps taken by then.
Escalation asAt(Escalation e, TimePoint t) {
    std::erase_if(e.steps, [&](const EscalationStep& s) { return s.at > t; });
    return e;
}

bool closing(StepKind k) {
    return k == StepKind::Resolve || k == StepKind::Decline || k == StepKind::Supersede;
}

// Everything the summary row and the sheet need for one stay, as at `asOf`.
struct StayInShift {
    ShiftPatient row;
    std::vector<ObservationRound> shiftRounds; // oldest first
    std::optional<ObservationRound> last;
    std::optional<RoundId> lastId;
    std::vector<rules::Flag> openFlags;
    std::vector<Escalation> openEscalations;
    std::vector<rules::Level> flagsRaised; // this shift, one level per flag raised
    int roundsDue = 0;
};

// The records of every stay the summary or sheet covers, read with one query per kind rather
// than one per stay: on a unit server every query is a round trip (issue 12: a 20-bed summary
// within 20 ms).
struct Records {
    std::map<StayId, std::vector<ObservationRound>> rounds; // newest first
    std::map<StayId, std::vector<Amendment>> amendments;
    std::map<StayId, std::vector<Escalation>> escalations;
    std::map<StayId, std::vector<ObservationFrequency>> frequencies;
    std::map<StayId, std::vector<rules::Level>> flagsRaised;
};

Records readRecords(store::Database& db, const std::vector<Stay>& stays, TimePoint from,
                    TimePoint to) {
    std::vector<std::int64_t> ids;
    for (auto& s : stays)
        ids.push_back(s.id);
    auto list = store::IdList::of(std::move(ids));
    return {store::roundsFor(db, list), store::amendmentsFor(db, list),
            store::escalationsFor(db, list, false), store::frequenciesFor(db, list),
            store::flagsRaisedBetween(db, list, from, to)};
}
} // namespace

// One stay as the summary and the sheet show it, from the records read for all of them. Its
// open flags (those of its last round) are added by withOpenFlags, for all stays at once.
static StayInShift stayInShift(Records& records, const Stay& stay, const Shift& shift,
                               TimePoint asOf, const AcknowledgeWithin& within) {
    StayInShift s;
    ShiftPatient& row = s.row;
    row.stay = stay.id;
    row.bed = stay.bed;
    row.name = stay.name;
    TimePoint until = stay.dischargedAt ? std::min(asOf, *stay.dischargedAt) : asOf;
    row.discharged = stay.dischargedAt && *stay.dischargedAt <= asOf;
    row.hoursSinceFill = std::chrono::duration<double>(until - stay.since).count() / 3600.0;

    auto& rounds = records.rounds[stay.id]; // newest first
    auto& amendments = records.amendments[stay.id];
    std::vector<std::pair<ObservationRound, news2::Result>> upTo; // oldest first
    std::optional<RoundId> lastId;
    for (auto it = rounds.rbegin(); it != rounds.rend(); ++it) {
        if (it->takenAt > until) break;
        auto amended = applyAmendments(*it, amendments);
        if (amended.enteredInError) continue;
        auto score = news2::score(amended.current);
        if (shift.contains(amended.current.takenAt)) {
            s.shiftRounds.push_back(amended.current);
            row.worstNews2 = std::max(row.worstNews2.value_or(score.total), score.total);
        }
        lastId = it->id;
        upTo.emplace_back(amended.current, score);
    }
    // Rounds due in the shift: the first on arrival, then each round sets the next.
    TimePoint windowEnd = until;
    auto countDue = [&](const schedule::Due& d) {
        if (d.at >= shift.start && d.at < windowEnd) ++s.roundsDue;
    };
    auto& escalations = records.escalations[stay.id];
    // Each round sets the next with the escalations open just after it (§4).
    auto& frequencies = records.frequencies[stay.id];
    auto frequency = activeAt(frequencies, asOf);
    // Open just after round `r`: those opened before it or by it (saved a little after it was
    // taken), as they stood then.
    auto openAfter = [&](const ObservationRound& r) {
        std::vector<Escalation> open;
        for (auto& e : escalations)
            if (e.round == r.id || e.raisedAt <= r.takenAt)
                if (auto then = asAt(e, std::max(r.takenAt, e.raisedAt)); then.open())
                    open.push_back(std::move(then));
        return open;
    };
    countDue(schedule::nextDue(stay, std::nullopt, std::nullopt));
    for (auto& [r, score] : upTo)
        countDue(schedule::nextDue(stay, r.takenAt, score,
                                   ordersFor(openAfter(r), activeAt(frequencies, r.takenAt))));

    if (!upTo.empty()) {
        s.last = upTo.back().first;
        row.currentNews2 = upTo.back().second;
        row.currentPoss = s.last->poss;
    }
    s.lastId = lastId;
    for (auto& e : escalations) {
        if (e.raisedAt > asOf) continue;
        auto then = asAt(e, asOf);
        for (auto& step : then.steps)
            if (closing(step.kind) && shift.contains(step.at)) ++row.flagsResolved;
        if (!then.open()) continue;
        row.acknowledgementOverdue =
            row.acknowledgementOverdue || acknowledgementOverdue(then, asOf, within);
        s.openEscalations.push_back(std::move(then));
    }
    row.openEscalations = static_cast<int>(s.openEscalations.size());
    auto due = schedule::nextDue(stay, s.last ? std::optional(s.last->takenAt) : std::nullopt,
                                 row.currentNews2, ordersFor(s.openEscalations, frequency));
    row.nextDue = due.at;
    row.overdueMinutes = row.discharged ? 0 : schedule::overdueMinutes(due, asOf);
    s.flagsRaised = records.flagsRaised[stay.id];
    row.flagsRaised = static_cast<int>(s.flagsRaised.size());
    for (auto level : s.flagsRaised)
        ++row.flagsRaisedAt[level];
    return s;
}

// Each stay's open flags: those of its last round, for every stay in one query.
static std::vector<StayInShift> withOpenFlags(store::Database& db, std::vector<StayInShift> all) {
    std::vector<RoundId> last;
    for (auto& s : all)
        if (s.lastId) last.push_back(*s.lastId);
    auto flags = store::flagsForRounds(db, last);
    for (auto& s : all)
        if (s.lastId)
            for (auto& f : flags[*s.lastId])
                s.openFlags.push_back(std::move(f.flag));
    return all;
}

// Every stay of `stays` as at `asOf`, in the order given.
static std::vector<StayInShift> staysInShift(store::Database& db, const std::vector<Stay>& stays,
                                             const Shift& shift, TimePoint asOf,
                                             const AcknowledgeWithin& within) {
    auto records = readRecords(db, stays, shift.start, asOf);
    std::vector<StayInShift> out;
    for (auto& stay : stays)
        out.push_back(stayInShift(records, stay, shift, asOf, within));
    return withOpenFlags(db, std::move(out));
}

ShiftSummary Ward::shiftSummary(const Shift& shift) {
    ShiftSummary out;
    out.shift = shift;
    out.asOf = std::min(m_clock.now(), shift.end);
    auto within = acknowledgeWithin();
    auto stays = store::staysDuring(m_db, shift.start, out.asOf);
    for (auto& s : staysInShift(m_db, stays, shift, out.asOf, within)) {
        auto& u = out.unit;
        ++u.patients;
        u.roundsDone += static_cast<int>(s.shiftRounds.size());
        u.roundsDue += s.roundsDue;
        u.overdueRounds += s.row.overdueMinutes > 0 ? 1 : 0;
        for (auto level : s.flagsRaised)
            ++u.flagsRaised[level];
        u.openEscalations += s.row.openEscalations;
        for (auto& e : s.openEscalations)
            u.acknowledgementsOverdue += acknowledgementOverdue(e, out.asOf, within) ? 1 : 0;
        out.patients.push_back(std::move(s.row));
    }
    return out;
}

std::optional<Ward::EhrDelivery> Ward::ehrDelivery() {
    // One read transaction: the endpoint and its backlog come from the same state of the record.
    store::Database::Transaction read(m_db, store::Database::Transaction::Kind::Read);
    auto endpoint = store::newestFhirEndpoint(m_db);
    if (!endpoint) return std::nullopt;
    return EhrDelivery{*endpoint, store::fhirBacklog(m_db, *endpoint)};
}

HandoffSheet Ward::handoffSheet(const Shift& shift, const std::string& unit,
                                const std::string& printedBy) {
    HandoffSheet sheet;
    sheet.unit = unit;
    sheet.shift = shift;
    sheet.printedBy = printedBy;
    sheet.printedAt = m_clock.now();
    sheet.asOf = std::min(m_clock.now(), shift.end);
    auto head = store::auditHead(m_db);
    sheet.auditEntries = head.entries;
    sheet.auditHash = head.hash;
    auto within = acknowledgeWithin();
    // The sheet carries the patients the next shift receives: those still on the ward.
    auto stays = store::staysDuring(m_db, shift.start, sheet.asOf);
    std::erase_if(stays, [&](const Stay& stay) {
        return stay.dischargedAt && *stay.dischargedAt <= sheet.asOf;
    });
    auto namesakes = nameAlerts(stays);
    auto inShift = staysInShift(m_db, stays, shift, sheet.asOf, within);
    for (std::size_t i = 0; i < stays.size(); ++i) {
        auto& stay = stays[i];
        auto& s = inShift[i];
        HandoffPatient p;
        p.stay = stay;
        p.proposed =
            proposeSeverity(s.row.currentNews2, s.openFlags, s.openEscalations, s.last.has_value());
        p.note = store::latestHandoffNote(m_db, stay.id);
        for (auto& l : store::patientLimits(m_db, stay.id))
            if (l.active(sheet.asOf)) p.limits.push_back(l);
        p.frequency = activeAt(store::frequencies(m_db, stay.id), sheet.asOf);
        p.rounds = s.shiftRounds;
        if (s.last) p.sideEffects = sideEffectsOf(*s.last);
        p.openFlags = s.openFlags;
        p.openEscalations = s.openEscalations;

        auto& row = s.row;
        if (row.overdueMinutes > 0)
            p.actions.push_back(fmt::format("Round OVERDUE since {} ({} late): do it first",
                                            formatLocalTime(row.nextDue),
                                            formatDuration(Minutes(row.overdueMinutes))));
        else
            p.actions.push_back(fmt::format("Next round due {}", formatLocalTime(row.nextDue)));
        for (auto& e : p.openEscalations) {
            auto level = rules::levelCode(e.level());
            switch (e.state()) {
            case EscalationState::Raised:
                p.actions.push_back(fmt::format("Acknowledge {} flag \"{}\" (raised {}){}", level,
                                                e.message, formatLocalTime(e.raisedAt),
                                                acknowledgementOverdue(e, sheet.asOf, within)
                                                    ? ": ACKNOWLEDGEMENT OVERDUE"
                                                    : ""));
                break;
            case EscalationState::Acknowledged:
                p.actions.push_back(
                    fmt::format("Inform the clinician: {} \"{}\"", level, e.message));
                break;
            case EscalationState::Informed:
                p.actions.push_back(
                    fmt::format("Chase the clinician's response to \"{}\"", e.message));
                break;
            default:
                p.actions.push_back(
                    fmt::format("Charge nurse: review and close \"{}\"", e.message));
                break;
            }
        }
        for (auto& l : p.limits)
            p.actions.push_back(fmt::format("Limit ends {}: review with {}",
                                            formatLocalDayTime(l.expires), l.clinician));
        p.contingencies = contingenciesFor(*m_rules, stay);
        p.riskFactors = riskFactorsText(stay, sheet.asOf);
        if (auto n = namesakes.find(stay.id); n != namesakes.end())
            p.nameAlert = nameAlertWords(n->second);
        p.row = std::move(row);
        sheet.patients.push_back(std::move(p));
    }
    return sheet;
}

std::optional<std::string> Ward::saveHandoffNote(HandoffNote note) {
    require(note.by, Permission::CareForPatients);
    auto stay = store::findStay(m_db, note.stay);
    if (!stay || stay->dischargedAt) return std::string("This patient is not on the ward");
    note.at = m_clock.now();
    if (note.severity) {
        auto proposed = *proposedSeverity(note.stay);
        bool blank = note.severityReason.find_first_not_of(" \t") == std::string::npos;
        if (*note.severity != proposed && blank)
            return fmt::format("Severity: Vigil proposes {}; say why it is {} (reason is empty)",
                               labelOf(severities(), proposed),
                               labelOf(severities(), *note.severity));
    }
    if (note.note.size() > 2000)
        return fmt::format("Note: {} characters; at most 2000 fit on the sheet", note.note.size());
    inTransaction(m_db, "The handoff note", note.by, note.at, [&] {
        store::insertHandoffNote(m_db, note);
        return 0;
    });
    return std::nullopt;
}

std::optional<Severity> Ward::proposedSeverity(StayId id) {
    auto stay = store::findStay(m_db, id);
    if (!stay) return std::nullopt;
    auto now = m_clock.now();
    auto s = staysInShift(m_db, {*stay}, Shift{now - Hours(12), now + Minutes(1), ""}, now,
                          acknowledgeWithin())
                 .front();
    return proposeSeverity(s.row.currentNews2, s.openFlags, s.openEscalations, s.last.has_value());
}

std::optional<HandoffNote> Ward::handoffNote(StayId stay) {
    return store::latestHandoffNote(m_db, stay);
}

void Ward::recordHandoffPrint(store::HandoffPrint print) {
    print.at = m_clock.now();
    inTransaction(m_db, "The print record", print.by.value_or(0), print.at, [&] {
        store::insertHandoffPrint(m_db, print);
        return 0;
    });
}

} // namespace vigil::ward
