#pragma once
// `vigil db copy`: a single device's record moved onto the unit server (or into a new file),
// every row and the audit chain, verified before and after.
#include "store/audit.h"

#include <string>

namespace vigil::store {

struct CopyReport {
    std::vector<std::pair<std::string, std::int64_t>> rows; // per table, the audit last
    AuditHead head;
};

// Copies `from` (opened read-only: never changed) into `to`, which must hold no rows yet (its
// schema migrated, or created here). One transaction: the copy is verified (the chain walked,
// every row against its entry, the head equal to the source's) before it commits, so a failed
// copy leaves `to` as empty as it was. Throws StoreError naming what stopped it.
CopyReport copyRecord(const std::string& from, const std::string& to);

} // namespace vigil::store
