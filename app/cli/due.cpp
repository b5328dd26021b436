#include "cli/due.h"

#include "core/timefmt.h"
#include "store/database.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>

namespace vigil::cli {

using nlohmann::json;

int runDue(const std::string& path, std::optional<TimePoint> at, bool asJson, std::ostream& out) {
    store::Database db(path, store::Durability::Full, store::Access::ReadOnly);
    ManualClock clock(at.value_or(SystemClock().now()));
    ward::Ward ward(db, clock);
    auto within = ward.acknowledgeWithin();
    json stays = json::array();
    for (const auto& bed : ward.board()) {
        json escalations = json::array();
        for (const auto& e : bed.openEscalations) {
            json held = json::array(); // one event, one escalation: every flag it holds
            for (auto& f : e.flags)
                held.push_back(f.rule);
            escalations.push_back(
                {{"id", e.id},
                 {"rule", e.rule},
                 {"rules", held},
                 {"level", rules::levelCode(e.level())},
                 {"state", stateCode(e.state())},
                 {"message", e.message},
                 {"raised_at", formatUtc(e.raisedAt)},
                 {"acknowledgement_overdue", acknowledgementOverdue(e, clock.now(), within)}});
        }
        json missed = nullptr;
        if (bed.missed)
            missed = {{"at", formatUtc(bed.missed->at)}, {"reason", bed.missed->reason}};
        stays.push_back({{"stay", bed.stay.id},
                         {"bed", bed.stay.bed},
                         {"name", bed.stay.name},
                         {"next_due", formatUtc(bed.due.at)},
                         {"overdue_minutes", bed.overdueMinutes},
                         {"due_because", bed.due.why},
                         {"last_round",
                          bed.lastRound ? json(formatUtc(bed.lastRound->takenAt)) : json(nullptr)},
                         {"missed_round", missed},
                         {"open_escalations", escalations}});
    }
    if (asJson) {
        out << json{{"at", formatUtc(clock.now())}, {"stays", stays}}.dump() << '\n';
        return 0;
    }
    out << fmt::format("{:<5} {:<24} {:<22} {:>8}  {}\n", "Bed", "Name", "Next round (UTC)",
                       "Overdue", "Open escalations");
    for (auto& s : stays) {
        std::string open;
        for (auto& e : s["open_escalations"])
            open += fmt::format("{}{} {} ({}){}", open.empty() ? "" : "; ",
                                e["level"].get<std::string>(), e["rule"].get<std::string>(),
                                e["state"].get<std::string>(),
                                e["acknowledgement_overdue"].get<bool>() ? " ACK OVERDUE" : "");
        long overdue = s["overdue_minutes"];
        out << fmt::format("{:<5} {:<24} {:<22} {:>8}  {}\n", s["bed"].get<std::string>(),
                           s["name"].get<std::string>(), s["next_due"].get<std::string>(),
                           overdue ? fmt::format("{} min", overdue) : "-",
                           open.empty() ? "-" : open);
    }
    return 0;
}

} // namespace vigil::cli
