#include "store/fhir_deliveries.h"

#include "store/audit.h"
#include "store/sql_time.h"

namespace vigil::store {

std::string_view outcomeCode(FhirDelivery::Outcome o) {
    switch (o) {
    case FhirDelivery::Outcome::Accepted: return "accepted";
    case FhirDelivery::Outcome::Refused: return "refused";
    case FhirDelivery::Outcome::Failed: return "failed";
    }
    return "failed";
}

std::int64_t insertFhirDelivery(Database& db, const FhirDelivery& d) {
    auto qHandle =
        db.prepared("INSERT INTO fhir_deliveries (round_id, endpoint, at, bundle_sha256, outcome, "
                    "http_status, answer) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    auto& q = *qHandle;
    q.bind(1, static_cast<int64_t>(d.round));
    q.bind(2, d.endpoint);
    q.bind(3, formatUtc(d.at));
    q.bind(4, d.bundleSha256);
    q.bind(5, std::string(outcomeCode(d.outcome)));
    if (d.httpStatus)
        q.bind(6, *d.httpStatus);
    else
        q.bind(6);
    q.bind(7, d.answer);
    auto id = insertedId(q);
    appendAudit(db, "fhir_deliveries", id);
    return id;
}

std::vector<FhirDelivery> fhirDeliveries(Database& db, const std::string& endpoint) {
    auto qHandle = db.prepared("SELECT id, round_id, at, bundle_sha256, outcome, http_status, "
                               "answer FROM fhir_deliveries WHERE endpoint = ? ORDER BY id");
    auto& q = *qHandle;
    q.bind(1, endpoint);
    std::vector<FhirDelivery> out;
    while (q.executeStep()) {
        FhirDelivery d;
        d.id = q.getColumn(0).getInt64();
        d.round = q.getColumn(1).getInt64();
        d.endpoint = endpoint;
        d.at = readTime(q.getColumn(2));
        d.bundleSha256 = q.getColumn(3).getString();
        auto outcome = q.getColumn(4).getString();
        d.outcome = outcome == "accepted"  ? FhirDelivery::Outcome::Accepted
                    : outcome == "refused" ? FhirDelivery::Outcome::Refused
                                           : FhirDelivery::Outcome::Failed;
        if (!q.getColumn(5).isNull()) d.httpStatus = static_cast<int>(q.getColumn(5).getInt64());
        d.answer = q.getColumn(6).getString();
        out.push_back(std::move(d));
    }
    return out;
}

std::optional<std::string> newestFhirEndpoint(Database& db) {
    auto qHandle = db.prepared("SELECT endpoint FROM fhir_deliveries ORDER BY id DESC LIMIT 1");
    auto& q = *qHandle;
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

FhirBacklog fhirBacklog(Database& db, const std::string& endpoint) {
    // Times are RFC 3339 UTC text of one width, so MAX and > compare them as times.
    auto qHandle = db.prepared("SELECT COUNT(*), MIN(c.changed) FROM ("
                               "  SELECT round_id, MAX(at) AS changed FROM ("
                               "    SELECT id AS round_id, taken_at AS at FROM rounds"
                               "    UNION ALL SELECT round_id, amended_at FROM amendments"
                               "    UNION ALL SELECT round_id, raised_at FROM escalations"
                               "    UNION ALL SELECT e.round_id, s.at FROM escalation_steps s"
                               "      JOIN escalations e ON e.id = s.escalation_id"
                               "  ) AS changes GROUP BY round_id"
                               ") AS c LEFT JOIN ("
                               "  SELECT round_id, MAX(at) AS sent FROM fhir_deliveries"
                               "  WHERE endpoint = ? AND outcome = 'accepted' GROUP BY round_id"
                               ") AS d ON d.round_id = c.round_id "
                               "WHERE d.sent IS NULL OR c.changed > d.sent");
    auto& q = *qHandle;
    q.bind(1, endpoint);
    FhirBacklog out;
    if (q.executeStep()) {
        out.waiting = static_cast<int>(q.getColumn(0).getInt64());
        if (!q.getColumn(1).isNull()) out.since = readTime(q.getColumn(1));
    }
    while (q.executeStep()) {}
    auto lastHandle = db.prepared("SELECT MAX(at) FROM fhir_deliveries WHERE endpoint = ? AND "
                                  "outcome = 'accepted'");
    auto& last = *lastHandle;
    last.bind(1, endpoint);
    if (last.executeStep() && !last.getColumn(0).isNull())
        out.lastAccepted = readTime(last.getColumn(0));
    while (last.executeStep()) {}
    return out;
}

} // namespace vigil::store
