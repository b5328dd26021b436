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
    if (!q.executeStep()) throw StoreError("the delivery was not recorded: no id came back");
    std::int64_t id = q.getColumn(0).getInt64();
    while (q.executeStep()) {} // finish the statement before the audit entry is written
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

} // namespace vigil::store
