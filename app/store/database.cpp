#include "store/database.h"

#include "store/audit.h"
#include "store/migrations.h"

#include <SQLiteCpp/Transaction.h>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>

namespace vigil::store {

namespace {
constexpr int kAuditSchema = 5; // db/005_audit.sql
}

int latestSchemaVersion() {
    return migrations().empty() ? 0 : migrations().back().version;
}

static int userVersion(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db, int upTo) {
    for (const Migration& m : migrations()) {
        if (m.version > upTo) break;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Re-read inside the lock: another Vigil may have migrated while we waited.
        if (userVersion(db) >= m.version) continue;
        db.exec(std::string(m.sql));
        db.exec(fmt::format("PRAGMA user_version = {}", m.version));
        tx.commit();
    }
}

Database::Database(const std::string& path, Durability durability) : m_path(path) {
    bool created = !std::filesystem::exists(path);
    if (created) {
        // The record holds patient data: owner-only from the first byte.
        mode_t old = umask(077);
        m_db =
            std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        umask(old);
    } else {
        m_db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE);
    }
    m_db->setBusyTimeout(5000);
    int found = userVersion(*m_db);
    if (found > latestSchemaVersion())
        throw SchemaTooNew(fmt::format(
            "{} was written by a newer Vigil (schema {}, this Vigil knows up to {}). It has not "
            "been changed: open it with that version or newer.",
            path, found, latestSchemaVersion()));
    m_db->exec("PRAGMA journal_mode = WAL");
    m_db->exec(durability == Durability::Full ? "PRAGMA synchronous = FULL"
                                              : "PRAGMA synchronous = OFF");
    m_db->exec("PRAGMA foreign_keys = ON");
    migrate(*m_db, latestSchemaVersion());
    if (found > 0 && found < kAuditSchema) {
        // A file from before the audit chain: enter its rows once, so that verify starts clean.
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        backfillAudit(*this,
                      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
        tx.commit();
    }
}

Prepared Database::prepared(const std::string& sql) {
    auto& slot = m_statements[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(*m_db, sql);
    slot->reset();
    return Prepared(*slot);
}

std::chrono::sys_seconds Database::auditTime() const {
    return m_actorTime ? *m_actorTime
                       : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

int Database::schemaVersion() {
    return userVersion(*m_db);
}

std::string defaultDatabasePath() {
    std::filesystem::path base;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x)
        base = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        base = std::filesystem::path(h) / ".local/share";
    else
        base = ".";
    auto dir = base / "vigil";
    std::filesystem::create_directories(dir);
    return (dir / "vigil.db").string();
}

} // namespace vigil::store
