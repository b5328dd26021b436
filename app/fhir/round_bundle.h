#pragma once
// One saved round as a FHIR R4 transaction Bundle (clinical-reference §9): the vital signs on
// the HL7 vital-signs profiles, NEWS2 with its sub-scores, ACVPU, POSS, RASS, Bromage and the
// checklist, and the escalations the round opened (Flag, Task, Communication per inform step).
// Every resource has an id derived from Vigil's own row identity and goes out as a PUT, so a
// bundle sent again (after an amendment, an escalation step) updates what the server holds.
#include "core/amendment.h"
#include "core/escalation.h"
#include "core/stay.h"
#include "fhir/export_settings.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vigil::fhir {

// Everything a round's bundle is built from, as the store and ward return it.
struct RoundRecord {
    const Stay* stay = nullptr;
    const AmendedRound* round = nullptr;        // amendments applied
    std::vector<const Escalation*> escalations; // those this round opened
    // The name of a staff number (the performer); empty when unknown.
    std::function<std::string(StaffId)> staffName;
};

// The resource ids, so tests and the delivery record can name them.
std::string observationId(RoundId round, std::string_view item); // "vigil-round-12-rr"
std::string escalationId(EscalationId e, std::string_view what); // "vigil-escalation-3-task"

nlohmann::json roundBundle(const RoundRecord& record, const Systems& systems);

// The last time anything in the record changed: the round, an amendment, an escalation step.
TimePoint lastChange(const RoundRecord& record);

} // namespace vigil::fhir
