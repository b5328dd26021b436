#pragma once
// The record: one SQLite file on a single device, or the unit's PostgreSQL server. Repositories
// see only this class and store/sql.h, never the engine.
#include "store/sql.h"

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace SQLite {
class Database;
}

namespace vigil::store {

// Full: a save that returned survives kill -9 and power loss (synchronous=FULL in WAL mode).
// Relaxed: for `vigil demo` and benchmarks that generate a year of history; same code path.
enum class Durability { Full, Relaxed };

// ReadWrite: creates the file when missing and migrates it (the GUI and the commands that write).
// ReadOnly: for the commands that only read (due, summary, audit, staff list). The file must
// exist and be at this Vigil's schema; it is opened read-only and never migrated or changed, so
// a write-protected evidence copy works and a mistyped path is not taken for an empty ward.
enum class Access { ReadWrite, ReadOnly };

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
    explicit Prepared(Statement& s) : m_s(&s) {}
    Prepared(Prepared&& o) noexcept : m_s(o.m_s) { o.m_s = nullptr; }
    Prepared(const Prepared&) = delete;
    // Never throws: it runs while an exception unwinds, and a throw there aborts the process
    // (with a core that may hold the PINs just typed).
    ~Prepared() {
        if (m_s) m_s->reset();
    }
    Statement& operator*() const { return *m_s; }
    Statement* operator->() const { return m_s; }

private:
    Statement* m_s;
};

// One value read by Database::execAndGet.
struct Value {
    ValueType type = ValueType::Null;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
    bool isNull() const { return type == ValueType::Null; }
    std::int64_t getInt64() const { return integer; }
    int getInt() const { return static_cast<int>(integer); }
    double getDouble() const { return real; }
    const std::string& getString() const { return text; }
};

// `--db` names a file (SQLite) or the unit's server (a postgresql:// or postgres:// URI).
bool isServerUri(const std::string& target);

class Database {
public:
    // A file: created (readable by its owner only) when missing and migrated, as before. Throws
    // SchemaTooNew, leaving the file untouched, when it was written by a newer Vigil.
    // A server URI: connects; the schema must be exactly this Vigil's (`vigil db migrate` makes
    // it so): a server's schema is changed only by its owner, never by a tablet opening it.
    explicit Database(const std::string& target, Durability durability = Durability::Full,
                      Access access = Access::ReadWrite);
    // An open connection (used by `db migrate` and `db copy`, which open before a schema exists).
    Database(std::unique_ptr<Connection> connection, std::string target, Access access);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Preparing a statement costs more than running it; each SQL text is prepared once.
    Prepared prepared(const std::string& sql) { return Prepared(m_conn->prepared(sql)); }
    // Statements without parameters or rows (schema scripts, maintenance, tests).
    void exec(const std::string& script) { m_conn->exec(script); }
    // The first column of the first row of `sql` (a count, a setting).
    Value execAndGet(const std::string& sql);
    Engine engine() const { return m_conn->engine(); }
    Connection& connection() { return *m_conn; }
    // Only for what SQLite alone has (checkpoints; PRAGMAs in tests). Throws StoreError on a
    // server record.
    SQLite::Database& sqlite();

    // Who is writing, and when, for the audit entries of the writes that follow (the ward sets it
    // for each use case; 0: the system).
    void setActor(std::int64_t staff, std::chrono::sys_seconds at) {
        m_actor = staff, m_actorTime = at;
    }
    std::int64_t actor() const { return m_actor; }
    std::chrono::sys_seconds auditTime() const;
    // The record as given (a file path, or the server's URI).
    const std::string& path() const { return m_path; }
    // The record in words for messages: the file, or "the unit server host:port (database d)".
    std::string where() const { return m_conn->where(); }
    int schemaVersion() { return m_conn->schemaVersion(); }
    bool readOnly() const { return m_access == Access::ReadOnly; }

    // One write transaction (see Connection::beginWrite), rolled back unless committed.
    class Transaction {
    public:
        enum class Kind { Write, Read };
        explicit Transaction(Database& db, Kind kind = Kind::Write);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        void commit();

    private:
        Connection& m_conn;
        bool m_open = true;
    };

private:
    std::string m_path;
    Access m_access;
    std::unique_ptr<Connection> m_conn;
    std::int64_t m_actor = 0;
    std::optional<std::chrono::sys_seconds> m_actorTime;
};

int latestSchemaVersion();

// `vigil db migrate`: creates or upgrades the record's schema. A file is migrated as opening it
// does. A server is migrated in one transaction, run as the role that owns the database; with
// `appRole`, that role (the tablets') is granted SELECT and INSERT only. Returns the schema the
// record was at before.
int migrateRecord(const std::string& target, const std::string& appRole);

// What went wrong with the record, in words a nurse or IT can act on (see SqlError).
// Runs an `INSERT ... RETURNING id` and gives the new row's id: one round trip on a server,
// where asking for the last id afterwards would be a second. Throws StoreError when no row came
// back.
std::int64_t insertedId(Statement& q);
// The same for `INSERT ... ON CONFLICT DO NOTHING RETURNING id`: empty when nothing was inserted.
std::optional<std::int64_t> insertedIdIfAny(Statement& q);

std::string describeFailure(const std::exception& e, const std::string& path);

// $XDG_DATA_HOME/vigil/vigil.db (or ~/.local/share/vigil/vigil.db); creates the folder.
std::string defaultDatabasePath();

} // namespace vigil::store
