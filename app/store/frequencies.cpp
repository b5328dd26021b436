#include "store/frequencies.h"

#include "store/audit.h"
#include "store/sql_time.h"

namespace vigil::store {

std::int64_t insertFrequency(Database& db, const ObservationFrequency& f) {
    auto qHandle = db.prepared(
        "INSERT INTO observation_frequencies (stay_id, every_minutes, clinician, reason, looser, "
        "set_at, set_by, expires_at, escalation_id) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(f.stay));
    q.bind(2, static_cast<int64_t>(f.every.count()));
    q.bind(3, f.clinician);
    q.bind(4, f.reason);
    q.bind(5, f.looser ? 1 : 0);
    q.bind(6, formatUtc(f.setAt));
    q.bind(7, static_cast<int64_t>(f.setBy));
    q.bind(8, formatUtc(f.expires));
    if (f.escalation)
        q.bind(9, static_cast<int64_t>(*f.escalation));
    else
        q.bind(9);
    auto id = insertedId(q);
    appendAudit(db, "observation_frequencies", id);
    return id;
}

std::vector<ObservationFrequency> frequencies(Database& db, StayId stay) {
    auto all = frequenciesFor(db, IdList::one(stay));
    return std::move(all[stay]);
}

std::map<StayId, std::vector<ObservationFrequency>> frequenciesFor(Database& db,
                                                                   const IdList& stays) {
    auto qHandle = db.prepared(
        "SELECT id, every_minutes, clinician, reason, looser, set_at, set_by, expires_at, "
        "escalation_id, stay_id FROM observation_frequencies WHERE " +
        stays.where("stay_id", db.engine()) + " ORDER BY id");
    Statement& q = *qHandle;
    stays.bind(q, 1);
    std::map<StayId, std::vector<ObservationFrequency>> out;
    while (q.executeStep()) {
        ObservationFrequency f;
        f.id = q.getColumn(0).getInt64();
        f.every = std::chrono::minutes(q.getColumn(1).getInt64());
        f.clinician = q.getColumn(2).getString();
        f.reason = q.getColumn(3).getString();
        f.looser = q.getColumn(4).getInt() != 0;
        f.setAt = readTime(q.getColumn(5));
        f.setBy = q.getColumn(6).getInt64();
        f.expires = readTime(q.getColumn(7));
        if (!q.getColumn(8).isNull()) f.escalation = q.getColumn(8).getInt64();
        f.stay = q.getColumn(9).getInt64();
        out[f.stay].push_back(std::move(f));
    }
    return out;
}

} // namespace vigil::store
