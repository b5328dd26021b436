#include "cli/fhir_send.h"

#include "cli/fhir_http.h"
#include "cli/fhir_records.h"
#include "core/hash.h"
#include "core/timefmt.h"
#include "store/fhir_deliveries.h"
#include "ward/transaction.h"

#include <csignal>
#include <fmt/ostream.h>
#include <map>
#include <ostream>
#include <set>
#include <thread>

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

// One pass: sends every bundle the server has not accepted, records each answer. Returns how
// many were refused or not answered.
int sendOnce(store::Database& db, const FhirExportArgs& args, const RoundSelection& sel,
             const Settings& settings, const Credentials& auth, std::ostream& out,
             std::optional<std::chrono::seconds> retryAfter = std::nullopt) {
    auto state = deliveryState(db, args.to);
    int sent = 0, accepted = 0, refused = 0, failed = 0, current = 0;
    forEachRound(db, sel, [&](const fhir::RoundRecord& record) {
        auto body = fhir::roundBundle(record, settings.fhir).dump();
        RoundId round = record.round->original.id;
        FhirDelivery d{
            0, round, args.to, {}, sha256Hex(body), FhirDelivery::Outcome::Failed, std::nullopt,
            ""};
        if (state.accepted.contains({round, d.bundleSha256})) {
            ++current; // the server holds this very bundle: not sent again
            return;
        }
        // Following, the very bundle just refused waits before it is tried again, so that a
        // refusal nobody has fixed yet does not add a row to the record every pass.
        if (auto it = state.newest.find(round); retryAfter && it != state.newest.end() &&
                                                it->second.bundleSha256 == d.bundleSha256 &&
                                                SystemClock().now() - it->second.at < *retryAfter)
            return;
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
    if (sent || !retryAfter)
        fmt::print(out, "{}: {} sent, {} accepted, {} refused, {} not answered; {} already there\n",
                   args.to, sent, accepted, refused, failed, current);
    return refused + failed;
}

volatile std::sig_atomic_t g_stop = 0;
extern "C" void stopFollowing(int) {
    g_stop = 1;
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
    if (!args.follow) return sendOnce(db, args, *sel, settings, auth, out) ? 1 : 0;
    // --follow: keep delivering as rounds are saved, until SIGTERM or SIGINT (then exit 0).
    // Each pass reads the record afresh; a pass that sent nothing prints nothing; a refused
    // bundle is tried again after ten passes (5 minutes by default), or at once when it changed.
    std::signal(SIGTERM, stopFollowing);
    std::signal(SIGINT, stopFollowing);
    fmt::print(out, "{}: following {} every {} s\n", args.to, args.db, args.every);
    out.flush();
    while (!g_stop) {
        try {
            sendOnce(db, args, *sel, settings, auth, out, std::chrono::seconds(10 * args.every));
        } catch (const std::exception& e) {
            // The record busy or unwritable for a moment must not end the delivery.
            fmt::print(err, "vigil export fhir: this pass stopped: {}; trying again in {} s\n",
                       e.what(), args.every);
        }
        out.flush();
        for (int tenths = 0; tenths < args.every * 10 && !g_stop; ++tenths)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    fmt::print(out, "{}: stopped following\n", args.to);
    return 0;
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
