#pragma once
// Opens Vigil's SQLite file: WAL, foreign keys on, migrated to the newest schema this build knows.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace vigil::store {

// Full: a save that returned survives kill -9 and power loss (synchronous=FULL in WAL mode).
// Relaxed: for `vigil demo` and benchmarks that generate a year of history; same code path.
enum class Durability { Full, Relaxed };

class SchemaTooNew : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A prepared statement from the connection's cache, reset when the handle goes: a SELECT left
// mid-way would otherwise hold its read snapshot open.
class Prepared {
public:
    explicit Prepared(SQLite::Statement& s) : m_s(&s) {}
    Prepared(Prepared&& o) noexcept : m_s(o.m_s) { o.m_s = nullptr; }
    Prepared(const Prepared&) = delete;
    ~Prepared() {
        if (m_s) m_s->reset(), m_s->clearBindings();
    }
    SQLite::Statement& operator*() const { return *m_s; }

private:
    SQLite::Statement* m_s;
};

class Database {
public:
    // Creates the file (readable by its owner only) when missing. Throws SchemaTooNew, leaving
    // the file untouched, when it was written by a newer Vigil.
    explicit Database(const std::string& path, Durability durability = Durability::Full);
    SQLite::Database& sql() { return *m_db; }
    // Preparing a statement costs more than running it; each SQL text is prepared once.
    Prepared prepared(const std::string& sql);

    // Who is writing, and when, for the audit entries of the writes that follow (the ward sets it
    // for each use case; 0: the system).
    void setActor(std::int64_t staff, std::chrono::sys_seconds at) {
        m_actor = staff, m_actorTime = at;
    }
    std::int64_t actor() const { return m_actor; }
    std::chrono::sys_seconds auditTime() const;
    const std::string& path() const { return m_path; }
    int schemaVersion();

private:
    std::string m_path;
    std::unique_ptr<SQLite::Database> m_db;
    std::int64_t m_actor = 0;
    std::optional<std::chrono::sys_seconds> m_actorTime;
    // Declared after m_db: destroyed first, so every statement is finalised before the close.
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
};

int latestSchemaVersion();
// Applies the migrations above the file's user_version up to `upTo`, each with its user_version
// in one IMMEDIATE transaction. Public so that tests can build every earlier version.
void migrate(SQLite::Database& db, int upTo);

// $XDG_DATA_HOME/vigil/vigil.db (or ~/.local/share/vigil/vigil.db); creates the folder.
std::string defaultDatabasePath();

} // namespace vigil::store
