#include "store/round_openings.h"

#include "store/audit.h"
#include "store/sql_time.h"

namespace vigil::store {

void insertRoundOpening(Database& db, const RoundOpening& o) {
    auto qHandle = db.prepared("INSERT INTO round_openings (stay_id, staff_id, device_key, kind, "
                               "at) VALUES (?,?,?,?,?)");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(o.stay));
    q.bind(2, static_cast<int64_t>(o.by));
    q.bind(3, o.deviceKey);
    q.bind(4, std::string(o.opened ? "opened" : "left"));
    q.bind(5, formatUtc(o.at));
    q.exec();
    appendAudit(db, "round_openings", db.lastInsertId());
}

std::optional<RoundOpening> lastRoundOpening(Database& db, StayId stay) {
    auto qHandle = db.prepared(
        "SELECT o.staff_id, s.name, o.device_key, o.kind, o.at FROM round_openings o "
        "JOIN staff s ON s.id = o.staff_id WHERE o.stay_id = ? ORDER BY o.id DESC LIMIT 1");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(stay));
    if (!q.executeStep()) return std::nullopt;
    return RoundOpening{stay,
                        q.getColumn(0).getInt64(),
                        q.getColumn(1).getString(),
                        q.getColumn(2).getString(),
                        q.getColumn(3).getString() == "opened",
                        readTime(q.getColumn(4))};
}

} // namespace vigil::store
