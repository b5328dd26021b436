#pragma once
// Escalations and their steps; missed rounds; patient limits. Insert-only.
#include "core/escalation.h"
#include "core/patient_limit.h"

#include "store/database.h"
#include "store/id_list.h"
#include <map>
#include <optional>
#include <vector>

namespace vigil::store {

EscalationId insertEscalation(Database& db, const Escalation& e);
void insertStep(Database& db, EscalationId id, const EscalationStep& step);
// Whether a step with this device key was recorded (a retried save).
bool stepRecorded(Database& db, const std::string& deviceKey);
// A flag the escalation holds: one row per flag of the round that opened it, and per flag that
// joined or raised it later.
void insertEscalationFlag(Database& db, EscalationId id, const EscalationFlag& flag);
std::optional<Escalation> findEscalation(Database& db, EscalationId id);
// With their steps, oldest first. `openOnly` leaves out resolved, declined and superseded ones.
std::vector<Escalation> escalationsForStay(Database& db, StayId stay, bool openOnly);
// The same for each stay of `stays`, in three queries whatever their number.
std::map<StayId, std::vector<Escalation>> escalationsFor(Database& db, const IdList& stays,
                                                         bool openOnly);

struct MissedRound {
    StayId stay = 0;
    TimePoint at{};
    std::string reason;
    StaffId by = 0;
};
void insertMissedRound(Database& db, const MissedRound& m);
std::optional<MissedRound> lastMissedRound(Database& db, StayId stay);
std::map<StayId, MissedRound> lastMissedRounds(Database& db, const IdList& stays);

} // namespace vigil::store

namespace vigil::store {

std::int64_t insertPatientLimit(Database& db, const PatientLimit& limit);
std::vector<PatientLimit> patientLimits(Database& db, StayId stay); // all, oldest first
std::map<StayId, std::vector<PatientLimit>> patientLimitsFor(Database& db, const IdList& stays);

} // namespace vigil::store
