#include "store/round_openings.h"

#include "store/audit.h"
#include "store/sql_time.h"

namespace vigil::store {

void insertRoundOpening(Database& db, const RoundOpening& o) {
    auto qHandle = db.prepared("INSERT INTO round_openings (stay_id, staff_id, device_key, kind, "
                               "at) VALUES (?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(o.stay));
    q.bind(2, static_cast<int64_t>(o.by));
    q.bind(3, o.deviceKey);
    q.bind(4, std::string(o.opened ? "opened" : "left"));
    q.bind(5, formatUtc(o.at));
    appendAudit(db, "round_openings", insertedId(q));
}

std::map<StayId, RoundOpening> lastRoundOpenings(Database& db, const IdList& stays) {
    // The newest row of each stay, unless the round saved with its device key ended it: one
    // query for every bed of the board.
    auto qHandle = db.prepared(
        "SELECT o.stay_id, o.staff_id, s.name, o.device_key, o.kind, o.at FROM round_openings o "
        "JOIN staff s ON s.id = o.staff_id WHERE " +
        stays.where("o.stay_id", db.engine()) +
        " AND o.id = (SELECT max(x.id) FROM round_openings x WHERE x.stay_id = o.stay_id) "
        "AND NOT EXISTS (SELECT 1 FROM rounds r WHERE o.device_key <> '' AND r.device_key = "
        "o.device_key)");
    Statement& q = *qHandle;
    stays.bind(q, 1);
    std::map<StayId, RoundOpening> out;
    while (q.executeStep()) {
        StayId stay = q.getColumn(0).getInt64();
        out[stay] = RoundOpening{stay,
                                 q.getColumn(1).getInt64(),
                                 q.getColumn(2).getString(),
                                 q.getColumn(3).getString(),
                                 q.getColumn(4).getString() == "opened",
                                 readTime(q.getColumn(5))};
    }
    return out;
}

} // namespace vigil::store
