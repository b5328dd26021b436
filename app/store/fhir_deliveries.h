#pragma once
// The FHIR bundles sent to the hospital's EHR and the server's answers (schema 11). Insert-only
// and audited; a round is delivered when its current bundle was accepted by that server.
#include "core/observation.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil::store {

struct FhirDelivery {
    std::int64_t id = 0;
    RoundId round = 0;
    std::string endpoint; // the server's base URL
    TimePoint at{};
    std::string bundleSha256;
    enum class Outcome { Accepted, Refused, Failed } outcome = Outcome::Failed;
    std::optional<int> httpStatus;
    std::string answer; // the OperationOutcome in words, or why nothing came back
};
std::string_view outcomeCode(FhirDelivery::Outcome o); // "accepted", "refused", "failed"

// Inside the caller's transaction; returns the new row's id.
std::int64_t insertFhirDelivery(Database& db, const FhirDelivery& d);
// Every delivery to `endpoint`, oldest first.
std::vector<FhirDelivery> fhirDeliveries(Database& db, const std::string& endpoint);
// The server of the newest delivery, if any: what `--pending` reports on by default.
std::optional<std::string> newestFhirEndpoint(Database& db);

// What the charge nurse's screen says about `endpoint` ("EHR: 3 rounds waiting since 14:02"),
// from the record alone in one query: a round waits when no bundle of it was accepted, or when
// it changed (amended, escalated, a step taken) after its newest accepted bundle was sent.
// `--pending` compares each round's bundle itself, which costs a bundle per round; the two agree
// unless the export settings changed what a bundle holds. `since` is the oldest waiting round's
// last change, as `--pending` reports it.
struct FhirBacklog {
    int waiting = 0;
    std::optional<TimePoint> since;
    std::optional<TimePoint> lastAccepted; // the newest accepted delivery
};
FhirBacklog fhirBacklog(Database& db, const std::string& endpoint);

} // namespace vigil::store
