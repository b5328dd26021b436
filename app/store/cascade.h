#pragma once
// The onward cascade's recorded steps (clinical-reference §5): insert-only, one per escalation,
// level and step, recorded by Vigil itself.
#include "core/escalation.h"
#include "store/database.h"
#include "store/id_list.h"

#include <map>
#include <vector>

namespace vigil::store {

struct CascadeRecord {
    EscalationId escalation = 0;
    rules::Level level = rules::Level::Urgent;
    int step = 0;
    rules::CascadeRole notified = rules::CascadeRole::ChargeNurse;
    TimePoint dueAt{};
    TimePoint recordedAt{};
};

// True when this call recorded it; false when the record held it already (another device was
// first): the unique key decides, not a read before the write.
bool insertCascadeStep(Database& db, const CascadeRecord& r);
std::vector<CascadeRecord> cascadeSteps(Database& db, EscalationId escalation); // oldest first
// Every escalation's steps, for the escalations of `stays`, in one query.
std::map<EscalationId, std::vector<CascadeRecord>> cascadeFor(Database& db, const IdList& stays);

} // namespace vigil::store
