#include "store/database.h"

#include "store/audit.h"
#include "store/migrations.h"
#include "store/postgres_engine.h"
#include "store/sqlite_engine.h"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

namespace vigil::store {

namespace {
constexpr int kAuditSchema = 5; // db/005_audit.sql
}

int latestSchemaVersion() {
    return migrations().empty() ? 0 : migrations().back().version;
}

bool isServerUri(const std::string& target) {
    return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

Database::Database(const std::string& target, Durability durability, Access access)
    : m_path(target), m_access(access) {
    if (isServerUri(target)) {
        m_conn = openPostgres(target, access);
        return;
    }
    int found = 0;
    m_conn = openSqlite(target, durability, access, found);
    if (access == Access::ReadWrite && found > 0 && found < kAuditSchema) {
        // A file from before the audit chain: enter its rows once, so that verify starts clean.
        try {
            Transaction tx(*this);
            backfillAudit(
                *this, std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
            tx.commit();
        } catch (const SqlError& e) {
            throw StoreError(fmt::format("{} could not enter its rows in the audit record: {}",
                                         target, e.what()));
        }
    }
}

int migrateRecord(const std::string& target, const std::string& appRole) {
    if (isServerUri(target)) {
        auto c = connectPostgres(target, Access::ReadWrite);
        return migratePostgres(*c, appRole);
    }
    if (!appRole.empty())
        throw StoreError(fmt::format("--app-role {}: a role is granted on a server record; {} is a "
                                     "file, whose access is its file permissions",
                                     appRole, target));
    int found = sqliteFileVersion(target);
    Database db(target);
    return found;
}

Database::Database(std::unique_ptr<Connection> connection, std::string target, Access access)
    : m_path(std::move(target)), m_access(access), m_conn(std::move(connection)) {}

Database::~Database() = default;

Value Database::execAndGet(const std::string& sql) {
    auto q = prepared(sql);
    Value v;
    if (!q->executeStep()) return v;
    auto c = q->getColumn(0);
    v.type = c.type();
    switch (v.type) {
    case ValueType::Null: break;
    case ValueType::Integer:
        v.integer = c.getInt64();
        v.real = static_cast<double>(v.integer);
        v.text = std::to_string(v.integer);
        break;
    case ValueType::Real:
        v.real = c.getDouble();
        v.integer = static_cast<std::int64_t>(v.real);
        v.text = fmt::format("{}", v.real);
        break;
    case ValueType::Text:
        v.text = c.getString();
        v.integer = c.getInt64();
        v.real = c.getDouble();
        break;
    }
    return v;
}

SQLite::Database& Database::sqlite() {
    if (auto* h = sqliteHandle(*m_conn)) return *h;
    throw StoreError(fmt::format("{} is a server record: this needs an SQLite file", where()));
}

std::chrono::sys_seconds Database::auditTime() const {
    return m_actorTime ? *m_actorTime
                       : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

Database::Transaction::Transaction(Database& db, Kind kind) : m_conn(*db.m_conn) {
    if (kind == Kind::Write)
        m_conn.beginWrite();
    else
        m_conn.beginRead();
}

Database::Transaction::~Transaction() {
    if (m_open) m_conn.rollback();
}

void Database::Transaction::commit() {
    m_conn.commit();
    m_open = false;
}

std::optional<std::int64_t> insertedIdIfAny(Statement& q) {
    if (!q.executeStep()) return std::nullopt;
    std::int64_t id = q.getColumn(0).getInt64();
    while (q.executeStep()) {} // finished before the audit entry is written
    return id;
}

std::int64_t insertedId(Statement& q) {
    auto id = insertedIdIfAny(q);
    if (!id) throw StoreError("the new row's id did not come back: nothing was saved");
    return *id;
}

std::string describeFailure(const std::exception& e, const std::string&) {
    // Every store error is already in words naming the file or server.
    return e.what();
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
