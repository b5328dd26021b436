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
// The column that identifies an audited table's row (SQLite's rowid): `id` for most.
std::string_view keyColumn(std::string_view table);

// Appends the entry for a row just inserted; called by every insert in the store, inside the
// caller's transaction. Who: the database's current actor (set by the ward per use case).
void appendAudit(Database& db, std::string_view table, std::int64_t rowId);

// How many rows each audited table holds (tables this schema lacks are left out).
std::vector<std::pair<std::string, std::int64_t>> rowCounts(Database& db);

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

// The chain's newest entry: its number and hash. Recorded outside the file (a printed sheet, a
// script's log), it anchors the record: a cut tail or a chain rehashed after an edit no longer
// matches it. Written `N:HASH`.
struct AuditHead {
    std::int64_t entries = 0;
    std::string hash;              // 64 hex digits; the genesis value when there are no entries
    std::string text() const;      // N:HASH
    std::string shortText() const; // N:first 12 hex digits, for the sheet's footer
};
AuditHead auditHead(Database& db);
// Parses `N:HASH`, HASH being the whole hash or at least its first 12 hex digits (a sheet's
// footer); nothing when malformed.
std::optional<AuditHead> parseAuditHead(std::string_view text);

// Checks, in this order: the file's integrity (PRAGMA integrity_check), every row against its
// entry and the chain, the schema (tables, indexes, views and the protective triggers, present
// and exactly as shipped, nothing added), and, when
// given, that entry `head.entries` still exists with `head.hash`. Without a head recorded
// elsewhere, a chain cut at its tail or rewritten whole after an edit cannot be told apart from
// an honest one: the chain has no secret key.
AuditReport verifyAudit(Database& db, const std::optional<AuditHead>& head = std::nullopt);

} // namespace vigil::store
