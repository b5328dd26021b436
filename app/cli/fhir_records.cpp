#include "cli/fhir_records.h"

#include "core/clock.h"
#include "core/timefmt.h"
#include "store/escalations.h"
#include "store/staff.h"
#include "store/stays.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <map>
#include <stdexcept>

namespace vigil::cli {

void forEachRound(store::Database& db, const RoundSelection& selection,
                  const std::function<void(const fhir::RoundRecord&)>& visit) {
    std::map<StaffId, std::string> names;
    for (auto& member : store::listStaff(db))
        names[member.id] = member.name;
    auto staffName = [&](StaffId id) {
        auto it = names.find(id);
        return it == names.end() ? std::string() : it->second;
    };

    std::vector<StayId> stays;
    if (selection.stay) {
        if (!store::findStay(db, *selection.stay))
            throw std::runtime_error(
                fmt::format("--stay {}: no such stay in {}", *selection.stay, db.path()));
        stays.push_back(*selection.stay);
    } else {
        // Every stay: a round amended or escalated today may belong to a stay long discharged.
        for (auto& s : store::staysDuring(db, *parseRfc3339("0001-01-01T00:00:00Z"),
                                          *parseRfc3339("9999-12-31T23:59:59Z")))
            stays.push_back(s.id);
    }

    ManualClock clock(TimePoint{}); // reading only: the ward's clock is never asked
    ward::Ward ward(db, clock);
    for (StayId id : stays) {
        auto chart = ward.chart(id);
        if (!chart) continue;
        auto escalations = store::escalationsForStay(db, id, false);
        for (auto it = chart->rounds.rbegin(); it != chart->rounds.rend(); ++it) {
            fhir::RoundRecord record{&chart->stay, &it->round, {}, staffName};
            for (auto& e : escalations)
                if (e.round == it->round.original.id) record.escalations.push_back(&e);
            if (selection.since && fhir::lastChange(record) < *selection.since) continue;
            visit(record);
        }
    }
}

} // namespace vigil::cli
