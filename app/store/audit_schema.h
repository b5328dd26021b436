#pragma once
// The record's own consistency and its protective schema, checked by `audit verify` before and
// after the chain: each engine's own way (SQLite's integrity check and sqlite_master; the
// server's catalogue).
#include "store/audit.h"

namespace vigil::store {

// A damaged file (SQLite); nothing on a server, whose pages are its own business.
std::optional<AuditFinding> integrityFinding(Database& db);
// Tables, indexes and the triggers that refuse UPDATE, DELETE (and TRUNCATE) exactly as shipped.
std::optional<AuditFinding> schemaFinding(Database& db);

} // namespace vigil::store
