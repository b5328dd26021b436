#include "store/audit_schema.h"

#include "store/sqlite_engine.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <map>

namespace vigil::store {

namespace {
// The file's own consistency: a damaged page is not a record to vouch for.
std::optional<AuditFinding> sqliteIntegrity(Database& db) {
    std::vector<std::string> problems;
    try {
        SQLite::Statement q(db.sqlite(), "PRAGMA integrity_check(5)");
        while (q.executeStep())
            problems.push_back(q.getColumn(0).getString());
    } catch (const SQLite::Exception& e) {
        problems = {e.what()};
    }
    if (problems.size() == 1 && problems[0] == "ok") return std::nullopt;
    std::string joined;
    for (auto& p : problems)
        joined += (joined.empty() ? "" : "; ") + p;
    return AuditFinding{"", 0, 0, "damaged",
                        fmt::format("the file is damaged (integrity check: {})", joined)};
}

// The schema as this Vigil's migrations create it (tables, indexes, views and the triggers that
// refuse UPDATE and DELETE): replayed on an empty database in memory, so the list can never
// drift from db/*.sql.
using SchemaObjects = std::map<std::pair<std::string, std::string>, std::string>; // type, name
SchemaObjects schemaOf(SQLite::Database& db) {
    SchemaObjects out;
    SQLite::Statement q(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                            "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    while (q.executeStep())
        out[{q.getColumn(0).getString(), q.getColumn(1).getString()}] = q.getColumn(2).getString();
    return out;
}

std::optional<AuditFinding> sqliteSchema(Database& db) {
    SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(mem, db.schemaVersion());
    auto shipped = schemaOf(mem);
    auto present = schemaOf(db.sqlite());
    for (auto& [key, sql] : shipped) {
        auto& [type, name] = key;
        auto it = present.find(key);
        if (it == present.end())
            return AuditFinding{"", 0, 0, type + " dropped",
                                fmt::format("the {} {} was dropped{}", type, name,
                                            type == "trigger" ? ": rows could have been changed "
                                                                "without an error"
                                                              : "")};
        if (it->second != sql)
            return AuditFinding{
                "", 0, 0, type + " altered",
                fmt::format("the {} {} was altered from the shipped one", type, name)};
    }
    for (auto& [key, sql] : present)
        if (!shipped.count(key))
            return AuditFinding{
                "", 0, 0, key.first + " added",
                fmt::format("a {} that Vigil does not ship was added: {}", key.first, key.second)};
    return std::nullopt;
}

// On the server: every table's three refusing triggers present and enabled, and the indexes that
// keep one acknowledgement per escalation and one chain.
std::optional<AuditFinding> serverSchema(Database& db) {
    for (auto table : auditedTables()) {
        for (auto what : {"update", "delete", "truncate"}) {
            auto name = fmt::format("{}_no_{}", table, what);
            auto q = db.prepared("SELECT t.tgenabled FROM pg_catalog.pg_trigger t "
                                 "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
                                 "WHERE c.relname = ? AND t.tgname = ?");
            q->bind(1, std::string(table));
            q->bind(2, name);
            if (!q->executeStep())
                return AuditFinding{"", 0, 0, "trigger dropped",
                                    fmt::format("the trigger {} was dropped: rows could have "
                                                "been changed without an error",
                                                name)};
            if (q->getColumn(0).getString() == "D")
                return AuditFinding{"", 0, 0, "trigger altered",
                                    fmt::format("the trigger {} was disabled: rows could have "
                                                "been changed without an error",
                                                name)};
        }
    }
    for (auto index : {"escalation_steps_one_acknowledgement", "escalation_steps_one_closing",
                       "audit_by_row", "audit_pkey", "audit_prev_hash_key"}) {
        auto q =
            db.prepared("SELECT 1 FROM pg_catalog.pg_class WHERE relname = ? AND relkind = 'i'");
        q->bind(1, std::string(index));
        if (!q->executeStep())
            return AuditFinding{"", 0, 0, "index dropped",
                                fmt::format("the index {} was dropped", index)};
    }
    return std::nullopt;
}
} // namespace

std::optional<AuditFinding> integrityFinding(Database& db) {
    return db.engine() == Engine::SQLite ? sqliteIntegrity(db) : std::nullopt;
}

std::optional<AuditFinding> schemaFinding(Database& db) {
    return db.engine() == Engine::SQLite ? sqliteSchema(db) : serverSchema(db);
}

} // namespace vigil::store
