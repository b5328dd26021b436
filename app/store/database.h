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
#include <vector>

namespace vigil::store {

// Full: a save that returned survives kill -9 and power loss (synchronous=FULL in WAL mode).
// Relaxed: for `vigil demo` and benchmarks that generate a year of history; same code path.
enum class Durability { Full, Relaxed };

// ReadWrite: creates the file when missing and migrates it (the GUI and the commands that write).
// ReadOnly: for the commands that only read (due, summary, audit, staff list). The file must
// exist and be at this Vigil's schema; it is opened read-only and never migrated or changed, so
// a write-protected evidence copy works and a mistyped path is not taken for an empty ward.
enum class Access { ReadWrite, ReadOnly };

// The record could not be opened or used; what() names the file and what to do.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
class SchemaTooNew : public StoreError {
public:
    using StoreError::StoreError;
};
// A read-only command met a file of an older schema (or no Vigil schema at all).
class SchemaTooOld : public StoreError {
public:
    using StoreError::StoreError;
};
class NoSuchDatabase : public StoreError {
public:
    using StoreError::StoreError;
};
// The file's pages are damaged (an SQLite file, but not a whole one).
class DamagedDatabase : public StoreError {
public:
    using StoreError::StoreError;
};

// A prepared statement from the connection's cache, reset when the handle goes: a SELECT left
// mid-way would otherwise hold its read snapshot open.
class Prepared {
public:
    explicit Prepared(SQLite::Statement& s) : m_s(&s) {}
    Prepared(Prepared&& o) noexcept : m_s(o.m_s) { o.m_s = nullptr; }
    Prepared(const Prepared&) = delete;
    // Never throws: it runs while an exception unwinds, and a throw there aborts the process
    // (with a core that may hold the PINs just typed).
    ~Prepared() {
        if (!m_s) return;
        m_s->tryReset();
        try {
            m_s->clearBindings();
        } catch (...) {}
    }
    SQLite::Statement& operator*() const { return *m_s; }

private:
    SQLite::Statement* m_s;
};

class Database {
public:
    // Creates the file (readable by its owner only) when missing. Throws SchemaTooNew, leaving
    // the file untouched, when it was written by a newer Vigil.
    explicit Database(const std::string& path, Durability durability = Durability::Full,
                      Access access = Access::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
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
    bool readOnly() const { return m_access == Access::ReadOnly; }

private:
    std::string m_path;
    Access m_access;
    std::string m_copyFolder; // a private copy read in place of a write-protected evidence copy
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

// What went wrong with the record, in words a nurse or IT can act on: names the file, says "disk
// full" rather than "I/O error", says when the folder is missing, read-only or the file damaged.
std::string describeFailure(const std::exception& e, const std::string& path);

// $XDG_DATA_HOME/vigil/vigil.db (or ~/.local/share/vigil/vigil.db); creates the folder.
std::string defaultDatabasePath();

} // namespace vigil::store
