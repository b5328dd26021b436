#include "cli/events_cmd.h"

#include "core/timefmt.h"
#include "store/change_watcher.h"
#include "store/database.h"
#include "ward/unit_events.h"
#include "ward/ward.h"

#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

namespace vigil::cli {

using nlohmann::json;

namespace {
std::string line(const ward::UnitEvent& e, bool asJson, bool withNames) {
    if (asJson) {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        j["at"] = formatUtc(e.at);
        j["kind"] = e.kind;
        j["bed"] = e.bed;
        j["stay"] = e.stay;
        if (withNames) j["name"] = e.name, j["mrn"] = e.mrn;
        for (auto& [key, value] : e.fields)
            std::visit([&, &key = key](auto& v) { j[key] = v; }, value);
        j["id"] = e.id();
        return j.dump();
    }
    std::string text =
        fmt::format("{} {} bed {} (stay {})", formatUtc(e.at), e.kind, e.bed, e.stay);
    if (withNames) text += fmt::format(" {} {}", e.name, e.mrn);
    for (auto& [key, value] : e.fields)
        std::visit([&, &key = key](auto& v) { text += fmt::format(" {}={}", key, v); }, value);
    return text;
}

bool isServer(const std::string& target) {
    return target.starts_with("postgresql://") || target.starts_with("postgres://");
}
} // namespace

int runEvents(const EventsArgs& args, std::shared_ptr<const rules::RuleSet> rules,
              std::ostream& out, std::ostream& err) {
    std::optional<ward::EventCursor> cursor;
    if (!args.since.empty()) {
        cursor = ward::parseEventCursor(args.since);
        if (!cursor) {
            err << fmt::format("vigil events: --since \"{}\" is neither an RFC 3339 time (e.g. "
                               "2026-11-22T07:00:00Z) nor an event's id (its \"id\" field)\n",
                               args.since);
            return 2;
        }
    }
    std::error_code ec;
    if (!isServer(args.db) && !std::filesystem::is_regular_file(args.db, ec)) {
        err << fmt::format("vigil events: --db \"{}\" is not a Vigil database file or a "
                           "postgresql:// URI\n",
                           args.db);
        return 2;
    }
    // Following records the onward cascade too (every running Vigil does): it writes.
    store::Database db(args.db, store::Durability::Full,
                       args.follow ? store::Access::ReadWrite : store::Access::ReadOnly);
    std::unique_ptr<store::ChangeWatcher> watcher;
    if (args.follow) watcher = store::watchChanges(args.db);
    SystemClock clock;
    ward::Ward ward(db, clock, rules);
    // Ids printed this run: a row another device commits late, with an earlier time than one
    // already printed, is still printed once.
    std::set<std::string> printed;
    bool reported = false;
    std::optional<TimePoint> from;
    if (cursor) from = cursor->at;
    for (;;) {
        auto now = clock.now();
        std::optional<TimePoint> nextAt;
        try {
            if (args.follow) ward.runCascade();
            auto events = ward::unitEvents(db, *rules, now, from);
            // Next time only what is newer, with a margin for a save committed a little after
            // its time (the ids printed keep it from printing twice). Not moved on when a pass
            // fails: what was saved while the server was away is read when it is back.
            from = now - std::chrono::minutes(10);
            nextAt = events.nextAt;
            reported = false;
            for (auto& e : events.events) {
                if (cursor && !cursor->after(e)) continue;
                if (!printed.insert(e.id()).second) continue;
                out << line(e, args.json, args.withNames) << '\n';
            }
        } catch (const std::exception& e) {
            if (!args.follow) throw;
            // Said once; a follower keeps going and reads again when the record is back.
            if (!reported) err << "vigil events: " << e.what() << '\n';
            reported = true;
        }
        out.flush();
        if (!out) return 2;
        if (!args.follow) return 0;
        // Until the next deadline or cascade step, or sooner when another device commits: no
        // reload on a fixed timer (after a failed pass, a minute at most).
        auto wait = std::chrono::milliseconds(reported ? std::chrono::minutes(1)
                                                       : std::chrono::minutes(10));
        if (nextAt)
            wait = std::min(
                wait, std::chrono::duration_cast<std::chrono::milliseconds>(*nextAt - clock.now()) +
                          std::chrono::milliseconds(1000));
        if (wait < std::chrono::milliseconds(0)) wait = std::chrono::milliseconds(0);
        if (watcher->wait(wait) == store::ChangeWatcher::Event::Lost)
            err << "vigil events: " << watcher->where() << " cannot be reached; waiting for it\n";
    }
}

} // namespace vigil::cli
