#pragma once
// Escalations and their steps; missed rounds. Insert-only.
#include "core/escalation.h"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <vector>

namespace vigil::store {

EscalationId insertEscalation(SQLite::Database& db, const Escalation& e);
void insertStep(SQLite::Database& db, EscalationId id, const EscalationStep& step);
std::optional<Escalation> findEscalation(SQLite::Database& db, EscalationId id);
// With their steps, oldest first. `openOnly` leaves out resolved, declined and superseded ones.
std::vector<Escalation> escalationsForStay(SQLite::Database& db, StayId stay, bool openOnly);

struct MissedRound {
    StayId stay = 0;
    TimePoint at{};
    std::string reason;
    StaffId by = 0;
};
void insertMissedRound(SQLite::Database& db, const MissedRound& m);
std::optional<MissedRound> lastMissedRound(SQLite::Database& db, StayId stay);

} // namespace vigil::store
