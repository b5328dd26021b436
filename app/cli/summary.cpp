#include "cli/summary.h"

#include "core/sedation.h"
#include "core/timefmt.h"
#include "store/database.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>

namespace vigil::cli {

using nlohmann::json;

namespace {
template <class T> json orNull(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}
} // namespace

json summaryJson(const ShiftSummary& s) {
    json flags = json::object();
    for (auto level :
         {rules::Level::Emergency, rules::Level::Urgent, rules::Level::Watch, rules::Level::Info}) {
        auto it = s.unit.flagsRaised.find(level);
        flags[std::string(rules::levelCode(level))] =
            it == s.unit.flagsRaised.end() ? 0 : it->second;
    }
    json patients = json::array();
    for (auto& p : s.patients) {
        json news2 = nullptr;
        if (p.currentNews2)
            news2 = {{"total", p.currentNews2->total},
                     {"band", news2::bandCode(p.currentNews2->band)},
                     {"complete", p.currentNews2->complete}};
        patients.push_back(
            {{"stay", p.stay},
             {"bed", p.bed},
             {"name", p.name},
             {"hours_since_fill", std::round(p.hoursSinceFill * 10) / 10},
             {"worst_news2", orNull(p.worstNews2)},
             {"current_news2", news2},
             {"current_poss",
              p.currentPoss ? json(std::string(poss::code(*p.currentPoss))) : json(nullptr)},
             {"flags_raised", p.flagsRaised},
             {"flags_resolved", p.flagsResolved},
             {"open_escalations", p.openEscalations},
             {"acknowledgement_overdue", p.acknowledgementOverdue},
             {"next_due", p.discharged ? json(nullptr) : json(formatUtc(p.nextDue))},
             {"overdue_minutes", p.overdueMinutes},
             {"discharged", p.discharged}});
    }
    return {{"shift",
             {{"start", formatUtc(s.shift.start)},
              {"end", formatUtc(s.shift.end)},
              {"name", s.shift.name},
              {"as_of", formatUtc(s.asOf)}}},
            {"unit",
             {{"patients", s.unit.patients},
              {"rounds_done", s.unit.roundsDone},
              {"rounds_due", s.unit.roundsDue},
              {"overdue_rounds", s.unit.overdueRounds},
              {"flags_raised", flags},
              {"open_escalations", s.unit.openEscalations},
              {"acknowledgements_overdue", s.unit.acknowledgementsOverdue}}},
            {"patients", patients}};
}

int runSummary(const std::string& path, const Shift& shift, TimePoint now, bool asJson,
               std::ostream& out) {
    store::Database db(path, store::Durability::Full, store::Access::ReadOnly);
    ManualClock clock(now);
    ward::Ward ward(db, clock);
    auto summary = ward.shiftSummary(shift);
    if (asJson) {
        out << summaryJson(summary).dump() << '\n';
        return 0;
    }
    auto& u = summary.unit;
    auto raised = [&](rules::Level l) {
        auto it = u.flagsRaised.find(l);
        return it == u.flagsRaised.end() ? 0 : it->second;
    };
    out << fmt::format("{} (data as of {})\n", shift.name, formatLocalTime(summary.asOf));
    out << fmt::format("{} patients; rounds {} done of {} due, {} overdue now; flags raised: {} "
                       "emergency, {} urgent, {} watch; {} escalations open, {} acknowledgements "
                       "overdue\n\n",
                       u.patients, u.roundsDone, u.roundsDue, u.overdueRounds,
                       raised(rules::Level::Emergency), raised(rules::Level::Urgent),
                       raised(rules::Level::Watch), u.openEscalations, u.acknowledgementsOverdue);
    out << fmt::format("{:<5} {:<24} {:>6} {:>6} {:>8} {:>5} {:>7} {:>8} {:>5}  {}\n", "Bed",
                       "Name", "Hours", "Worst", "NEWS2", "POSS", "Raised", "Resolved", "Open",
                       "Next round");
    for (auto& p : summary.patients)
        out << fmt::format(
            "{:<5} {:<24} {:>6.1f} {:>6} {:>8} {:>5} {:>7} {:>8} {:>5}  {}\n", p.bed, p.name,
            p.hoursSinceFill, p.worstNews2 ? std::to_string(*p.worstNews2) : "-",
            p.currentNews2 ? std::to_string(p.currentNews2->total) : "-",
            p.currentPoss ? std::string(poss::code(*p.currentPoss)) : "-", p.flagsRaised,
            p.flagsResolved, p.openEscalations,
            p.discharged           ? std::string("discharged")
            : p.overdueMinutes > 0 ? fmt::format("OVERDUE {} min (due {})", p.overdueMinutes,
                                                 formatLocalTime(p.nextDue))
                                   : formatLocalTime(p.nextDue));
    return 0;
}

} // namespace vigil::cli
