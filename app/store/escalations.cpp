#include "store/escalations.h"

#include "store/audit.h"
#include "store/sql_time.h"

#include <functional>
#include <unordered_map>

namespace vigil::store {

namespace {
void bindText(Statement& q, int i, const std::string& s) {
    if (s.empty())
        q.bind(i);
    else
        q.bind(i, s);
}

// `bind` gives each of the three queries what `where` asks for.
std::vector<Escalation> select(Database& db, const std::string& where,
                               const std::function<void(Statement&)>& bind) {
    std::vector<Escalation> out;
    auto qHandle = db.prepared(
        "SELECT id, stay_id, round_id, rule_id, level, message, raised_at, sbar FROM escalations " +
        where + " ORDER BY id");
    Statement& q = *qHandle;
    bind(q);
    while (q.executeStep()) {
        Escalation e;
        e.id = q.getColumn(0).getInt64();
        e.stay = q.getColumn(1).getInt64();
        e.round = q.getColumn(2).getInt64();
        e.rule = q.getColumn(3).getString();
        e.openedLevel =
            rules::levelFromCode(q.getColumn(4).getString()).value_or(rules::Level::Urgent);
        e.message = q.getColumn(5).getString();
        e.raisedAt = readTime(q.getColumn(6));
        e.sbar = q.getColumn(7).getString();
        out.push_back(std::move(e));
    }
    if (out.empty()) return out;
    // The steps and flags of all of them in one query each, not one per escalation: on a unit
    // server every query is a round trip, and the board and the summary read every bed's.
    std::unordered_map<EscalationId, Escalation*> byId;
    for (auto& e : out)
        byId[e.id] = &e;
    auto sHandle = db.prepared(
        "SELECT escalation_id, kind, at, by, clinician_name, clinician_role, method, "
        "instructions, reason, level, sbar FROM escalation_steps WHERE escalation_id IN "
        "(SELECT id FROM escalations " +
        where + ") ORDER BY id");
    Statement& s = *sHandle;
    bind(s);
    while (s.executeStep()) {
        auto it = byId.find(s.getColumn(0).getInt64());
        if (it == byId.end()) continue;
        EscalationStep step;
        step.kind = stepFromCode(s.getColumn(1).getString()).value_or(StepKind::Acknowledge);
        step.at = readTime(s.getColumn(2));
        step.by = s.getColumn(3).getInt64();
        step.clinicianName = s.getColumn(4).getString();
        step.clinicianRole = s.getColumn(5).getString();
        step.method = s.getColumn(6).getString();
        step.instructions = s.getColumn(7).getString();
        step.reason = s.getColumn(8).getString();
        if (!s.getColumn(9).isNull()) step.level = rules::levelFromCode(s.getColumn(9).getString());
        step.sbar = s.getColumn(10).getString();
        it->second->steps.push_back(std::move(step));
    }
    auto fHandle = db.prepared(
        "SELECT escalation_id, rule_id, level, message, round_id, added_at FROM escalation_flags "
        "WHERE escalation_id IN (SELECT id FROM escalations " +
        where + ") ORDER BY id");
    Statement& f = *fHandle;
    bind(f);
    while (f.executeStep()) {
        auto it = byId.find(f.getColumn(0).getInt64());
        if (it == byId.end()) continue;
        it->second->flags.push_back(
            {f.getColumn(1).getString(),
             rules::levelFromCode(f.getColumn(2).getString()).value_or(rules::Level::Urgent),
             f.getColumn(3).getString(), f.getColumn(4).getInt64(), readTime(f.getColumn(5))});
    }
    for (auto& e : out) {
        // Escalations from before schema 8 held one flag each, named on the escalation itself.
        if (e.flags.empty())
            e.flags.push_back({e.rule, e.openedLevel, e.message, e.round, e.raisedAt});
    }
    return out;
}
} // namespace

EscalationId insertEscalation(Database& db, const Escalation& e) {
    auto qHandle = db.prepared(
        "INSERT INTO escalations (stay_id, round_id, rule_id, level, message, raised_at, sbar) "
        "VALUES (?,?,?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(e.stay));
    q.bind(2, static_cast<int64_t>(e.round));
    q.bind(3, e.rule);
    q.bind(4, std::string(rules::levelCode(e.openedLevel)));
    q.bind(5, e.message);
    q.bind(6, formatUtc(e.raisedAt));
    q.bind(7, e.sbar);
    auto id = insertedId(q);
    appendAudit(db, "escalations", id);
    return id;
}

void insertStep(Database& db, EscalationId id, const EscalationStep& step) {
    auto qHandle = db.prepared("INSERT INTO escalation_steps (escalation_id, kind, at, by, "
                               "clinician_name, clinician_role, "
                               "method, instructions, reason, level, sbar, device_key) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(id));
    q.bind(2, std::string(stepCode(step.kind)));
    q.bind(3, formatUtc(step.at));
    q.bind(4, static_cast<int64_t>(step.by));
    bindText(q, 5, step.clinicianName);
    bindText(q, 6, step.clinicianRole);
    bindText(q, 7, step.method);
    bindText(q, 8, step.instructions);
    bindText(q, 9, step.reason);
    bindText(q, 10, step.level ? std::string(rules::levelCode(*step.level)) : std::string());
    bindText(q, 11, step.sbar);
    bindText(q, 12, step.deviceKey);
    appendAudit(db, "escalation_steps", insertedId(q));
}

bool stepRecorded(Database& db, const std::string& deviceKey) {
    auto q = db.prepared("SELECT 1 FROM escalation_steps WHERE device_key = ?");
    q->bind(1, deviceKey);
    return q->executeStep();
}

void insertEscalationFlag(Database& db, EscalationId id, const EscalationFlag& f) {
    auto qHandle = db.prepared("INSERT INTO escalation_flags (escalation_id, round_id, rule_id, "
                               "level, message, added_at) VALUES (?,?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(id));
    q.bind(2, static_cast<int64_t>(f.round));
    q.bind(3, f.rule);
    q.bind(4, std::string(rules::levelCode(f.level)));
    q.bind(5, f.message);
    q.bind(6, formatUtc(f.addedAt));
    appendAudit(db, "escalation_flags", insertedId(q));
}

std::optional<Escalation> findEscalation(Database& db, EscalationId id) {
    auto list = select(db, "WHERE id = ?", [&](Statement& q) { q.bind(1, id); });
    if (list.empty()) return std::nullopt;
    return list.front();
}

std::vector<Escalation> escalationsForStay(Database& db, StayId stay, bool openOnly) {
    auto all = escalationsFor(db, IdList::one(stay), openOnly);
    return std::move(all[stay]);
}

std::map<StayId, std::vector<Escalation>> escalationsFor(Database& db, const IdList& stays,
                                                         bool openOnly) {
    std::map<StayId, std::vector<Escalation>> out;
    for (auto& e : select(db, "WHERE " + stays.where("stay_id", db.engine()),
                          [&](Statement& q) { stays.bind(q, 1); }))
        if (!openOnly || e.open()) out[e.stay].push_back(std::move(e));
    return out;
}

void insertMissedRound(Database& db, const MissedRound& m) {
    auto qHandle = db.prepared(
        "INSERT INTO missed_rounds (stay_id, at, reason, by) VALUES (?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(m.stay));
    q.bind(2, formatUtc(m.at));
    q.bind(3, m.reason);
    q.bind(4, static_cast<int64_t>(m.by));
    appendAudit(db, "missed_rounds", insertedId(q));
}

std::optional<MissedRound> lastMissedRound(Database& db, StayId stay) {
    auto all = lastMissedRounds(db, IdList::one(stay));
    if (all.empty()) return std::nullopt;
    return all.begin()->second;
}

std::map<StayId, MissedRound> lastMissedRounds(Database& db, const IdList& stays) {
    auto qHandle =
        db.prepared("SELECT stay_id, at, reason, by FROM missed_rounds WHERE " +
                    stays.where("stay_id", db.engine()) + " ORDER BY stay_id, at DESC, id DESC");
    Statement& q = *qHandle;
    stays.bind(q, 1);
    std::map<StayId, MissedRound> out;
    while (q.executeStep()) {
        StayId stay = q.getColumn(0).getInt64();
        if (out.contains(stay)) continue; // the newest came first
        out[stay] = MissedRound{stay, readTime(q.getColumn(1)), q.getColumn(2).getString(),
                                q.getColumn(3).getInt64()};
    }
    return out;
}

} // namespace vigil::store

namespace vigil::store {

std::int64_t insertPatientLimit(Database& db, const PatientLimit& l) {
    auto qHandle = db.prepared(
        "INSERT INTO patient_limits (stay_id, field, low, high, clinician, reason, set_at, "
        "set_by, expires_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(l.stay));
    q.bind(2, l.field);
    if (l.low)
        q.bind(3, *l.low);
    else
        q.bind(3);
    if (l.high)
        q.bind(4, *l.high);
    else
        q.bind(4);
    q.bind(5, l.clinician);
    q.bind(6, l.reason);
    q.bind(7, formatUtc(l.setAt));
    q.bind(8, static_cast<int64_t>(l.setBy));
    q.bind(9, formatUtc(l.expires));
    auto id = insertedId(q);
    appendAudit(db, "patient_limits", id);
    return id;
}

std::vector<PatientLimit> patientLimits(Database& db, StayId stay) {
    auto all = patientLimitsFor(db, IdList::one(stay));
    return std::move(all[stay]);
}

std::map<StayId, std::vector<PatientLimit>> patientLimitsFor(Database& db, const IdList& stays) {
    auto qHandle = db.prepared("SELECT id, field, low, high, clinician, reason, set_at, set_by, "
                               "expires_at, stay_id FROM patient_limits WHERE " +
                               stays.where("stay_id", db.engine()) + " ORDER BY id");
    Statement& q = *qHandle;
    stays.bind(q, 1);
    std::map<StayId, std::vector<PatientLimit>> out;
    while (q.executeStep()) {
        PatientLimit l;
        l.id = q.getColumn(0).getInt64();
        l.field = q.getColumn(1).getString();
        if (!q.getColumn(2).isNull()) l.low = q.getColumn(2).getDouble();
        if (!q.getColumn(3).isNull()) l.high = q.getColumn(3).getDouble();
        l.clinician = q.getColumn(4).getString();
        l.reason = q.getColumn(5).getString();
        l.setAt = readTime(q.getColumn(6));
        l.setBy = q.getColumn(7).getInt64();
        l.expires = readTime(q.getColumn(8));
        l.stay = q.getColumn(9).getInt64();
        out[l.stay].push_back(std::move(l));
    }
    return out;
}

} // namespace vigil::store
