#pragma once
// The tamper-evident record: an entry per row written, chained by SHA-256 (schema 5).
#include "core/clock.h"
#include "core/stay.h"
#include "store/database.h"

#include <optional>
#include <string>
#include <string_view>

namespace vigil::store {

// The tables whose rows are audited: everything Vigil writes.
std::span<const std::string_view> auditedTables();

// Appends the entry for a row just inserted; called by every insert in the store, inside the
// caller's transaction. Who: the database's current actor (set by the ward per use case).
void appendAudit(Database& db, std::string_view table, std::int64_t rowId);

// Enters every row that has no entry yet, with no author: for files from before schema 5.
void backfillAudit(Database& db, TimePoint now);

struct AuditFinding {
    std::string table;
    std::int64_t row = 0;
    std::int64_t entry = 0; // the audit entry concerned, 0 for a row with none
    std::string what;    // "edited", "deleted", "inserted outside Vigil", "audit entry altered" ...
    std::string message; // a sentence naming the row
};

struct AuditReport {
    std::int64_t entries = 0;
    std::optional<AuditFinding> first; // empty: intact
};
AuditReport verifyAudit(Database& db);

} // namespace vigil::store
