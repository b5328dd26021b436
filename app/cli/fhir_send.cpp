#include "cli/fhir_send.h"

#include "cli/fhir_http.h"
#include "cli/fhir_records.h"
#include "core/hash.h"
#include "core/timefmt.h"
#include "store/fhir_deliveries.h"
#include "ward/transaction.h"

#include <fmt/ostream.h>
#include <map>
#include <ostream>
#include <set>

namespace vigil::cli {

namespace {

using store::FhirDelivery;

// What the server holds of each round: the bundles it accepted, and the newest answer.
struct DeliveryState {
    std::set<std::pair<RoundId, std::string>> accepted;
    std::map<RoundId, FhirDelivery> newest;
};
DeliveryState deliveryState(store::Database& db, const std::string& endpoint) {
    DeliveryState s;
    for (auto& d : store::fhirDeliveries(db, endpoint)) {
        if (d.outcome == FhirDelivery::Outcome::Accepted)
            s.accepted.insert({d.round, d.bundleSha256});
        s.newest[d.round] = d;
    }
    return s;
}

std::optional<RoundSelection> selection(const FhirExportArgs& args, std::ostream& err) {
    RoundSelection sel;
    sel.stay = args.stay;
    if (!args.since.empty()) {
        sel.since = parseRfc3339(args.since);
        if (!sel.since) {
            fmt::print(err,
                       "vigil export fhir: --since \"{}\" is not an RFC 3339 time, e.g. "
                       "2026-11-22T07:00:00Z\n",
                       args.since);
            return std::nullopt;
        }
    }
    return sel;
}

} // namespace

int runFhirSend(const FhirExportArgs& args, const Settings& settings, std::ostream& out,
                std::ostream& err) {
    if (!fhirSystemsReady(settings, err)) return 2;
    if (auto problem = checkServerUrl(args.to)) {
        fmt::print(err, "vigil export fhir: {}\n", *problem);
        return 2;
    }
    auto sel = selection(args, err);
    if (!sel) return 2;
    Credentials auth;
    if (!settings.fhirCredentialsFile.empty()) auth = readCredentials(settings.fhirCredentialsFile);

    store::Database db(args.db);
    auto state = deliveryState(db, args.to);
    int sent = 0, accepted = 0, refused = 0, failed = 0, current = 0;
    forEachRound(db, *sel, [&](const fhir::RoundRecord& record) {
        auto body = fhir::roundBundle(record, settings.fhir).dump();
        RoundId round = record.round->original.id;
        FhirDelivery d{
            0, round, args.to, {}, sha256Hex(body), FhirDelivery::Outcome::Failed, std::nullopt,
            ""};
        if (state.accepted.contains({round, d.bundleSha256})) {
            ++current; // the server holds this very bundle: not sent again
            return;
        }
        auto answer = postBundle(args.to, body, auth);
        d.at = SystemClock().now();
        d.httpStatus = answer.status;
        ++sent;
        if (answer.status && *answer.status >= 200 && *answer.status < 300) {
            d.outcome = FhirDelivery::Outcome::Accepted;
            ++accepted;
        } else {
            // A 4xx is the server's refusal of this bundle; anything else (5xx, no answer)
            // says nothing about the bundle. Either way it is sent again next time.
            bool refusal = answer.status && *answer.status >= 400 && *answer.status < 500;
            d.outcome = refusal ? FhirDelivery::Outcome::Refused : FhirDelivery::Outcome::Failed;
            d.answer = answerInWords(answer);
            ++(refusal ? refused : failed);
            fmt::print(out, "round {} (stay {}, bed {}): {}{}: {}\n", round, record.stay->id,
                       record.stay->bed, store::outcomeCode(d.outcome),
                       answer.status ? fmt::format(", HTTP {}", *answer.status) : "", d.answer);
        }
        ward::inTransaction(db, "The delivery record", 0, d.at,
                            [&] { return store::insertFhirDelivery(db, d); });
    });
    fmt::print(out, "{}: {} sent, {} accepted, {} refused, {} not answered; {} already there\n",
               args.to, sent, accepted, refused, failed, current);
    return refused + failed ? 1 : 0;
}

int runFhirPending(const FhirExportArgs& args, const Settings& settings, std::ostream& out,
                   std::ostream& err) {
    if (!fhirSystemsReady(settings, err)) return 2;
    auto sel = selection(args, err);
    if (!sel) return 2;
    store::Database db(args.db, store::Durability::Full, store::Access::ReadOnly);
    std::string endpoint = args.to;
    if (endpoint.empty()) {
        auto newest = store::newestFhirEndpoint(db);
        if (!newest) {
            fmt::print(err,
                       "vigil export fhir: --pending: nothing was ever sent from {}: give "
                       "the server with --to BASE_URL\n",
                       args.db);
            return 2;
        }
        endpoint = *newest;
    }
    auto state = deliveryState(db, endpoint);
    int waiting = 0;
    std::optional<TimePoint> since;
    forEachRound(db, *sel, [&](const fhir::RoundRecord& record) {
        RoundId round = record.round->original.id;
        auto sha = sha256Hex(fhir::roundBundle(record, settings.fhir).dump());
        if (state.accepted.contains({round, sha})) return;
        ++waiting;
        auto changed = fhir::lastChange(record);
        since = since ? std::min(*since, changed) : changed;
        std::string why = "never sent";
        if (auto it = state.newest.find(round); it != state.newest.end()) {
            auto& d = it->second;
            why = d.outcome == FhirDelivery::Outcome::Accepted
                      ? fmt::format("changed since it was accepted {}", formatUtc(d.at))
                      : fmt::format("{} {}{}: {}", store::outcomeCode(d.outcome), formatUtc(d.at),
                                    d.httpStatus ? fmt::format(", HTTP {}", *d.httpStatus) : "",
                                    d.answer);
        }
        fmt::print(out, "round {} (stay {}, bed {}, taken {}): {}\n", round, record.stay->id,
                   record.stay->bed, formatUtc(record.round->original.takenAt), why);
    });
    if (waiting)
        fmt::print(out, "{}: {} {} waiting since {}\n", endpoint, waiting,
                   waiting == 1 ? "round" : "rounds", formatUtc(*since));
    else
        fmt::print(out, "{}: every round delivered\n", endpoint);
    return 0;
}

} // namespace vigil::cli
