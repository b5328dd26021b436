#include "store/cascade.h"

#include "store/audit.h"
#include "store/sql_time.h"

namespace vigil::store {

bool insertCascadeStep(Database& db, const CascadeRecord& r) {
    auto qHandle = db.prepared(
        "INSERT INTO escalation_cascade (escalation_id, level, step, notified, due_at, "
        "recorded_at) VALUES (?,?,?,?,?,?) ON CONFLICT (escalation_id, level, step) DO NOTHING "
        "RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(r.escalation));
    q.bind(2, std::string(rules::levelCode(r.level)));
    q.bind(3, static_cast<int64_t>(r.step));
    q.bind(4, std::string(rules::cascadeRoleCode(r.notified)));
    q.bind(5, formatUtc(r.dueAt));
    q.bind(6, formatUtc(r.recordedAt));
    auto id = insertedIdIfAny(q);
    if (!id) return false; // another device recorded this step first
    appendAudit(db, "escalation_cascade", *id);
    return true;
}

namespace {
std::vector<CascadeRecord> readCascade(Statement& q) {
    std::vector<CascadeRecord> out;
    while (q.executeStep()) {
        CascadeRecord r;
        r.escalation = q.getColumn(0).getInt64();
        r.level = rules::levelFromCode(q.getColumn(1).getString()).value_or(rules::Level::Urgent);
        r.step = q.getColumn(2).getInt();
        r.notified = rules::cascadeRoleFromCode(q.getColumn(3).getString())
                         .value_or(rules::CascadeRole::ChargeNurse);
        r.dueAt = readTime(q.getColumn(4));
        r.recordedAt = readTime(q.getColumn(5));
        out.push_back(r);
    }
    return out;
}
constexpr const char* kCascadeColumns =
    "SELECT escalation_id, level, step, notified, due_at, recorded_at FROM escalation_cascade ";
} // namespace

std::vector<CascadeRecord> cascadeSteps(Database& db, EscalationId escalation) {
    auto qHandle =
        db.prepared(std::string(kCascadeColumns) + "WHERE escalation_id = ? ORDER BY due_at, id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(escalation));
    return readCascade(q);
}

std::map<EscalationId, std::vector<CascadeRecord>> cascadeFor(Database& db, const IdList& stays) {
    auto qHandle = db.prepared(std::string(kCascadeColumns) +
                               "WHERE escalation_id IN (SELECT id FROM escalations WHERE " +
                               stays.where("stay_id", db.engine()) + ") ORDER BY due_at, id");
    Statement& q = *qHandle;
    stays.bind(q, 1);
    std::map<EscalationId, std::vector<CascadeRecord>> out;
    for (auto& r : readCascade(q))
        out[r.escalation].push_back(r);
    return out;
}

} // namespace vigil::store
