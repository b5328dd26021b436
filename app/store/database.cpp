#include "store/database.h"

#include "store/audit.h"
#include "store/migrations.h"

#include <SQLiteCpp/Transaction.h>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

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

namespace {
// What went wrong, as the StoreError that says so in words naming the file.
[[noreturn]] void fail(const std::exception& e, const std::string& path) {
    auto* sql = dynamic_cast<const SQLite::Exception*>(&e);
    int code = sql ? sql->getErrorCode() & 0xff : 0;
    if (code == SQLITE_CORRUPT) throw DamagedDatabase(describeFailure(e, path));
    throw StoreError(describeFailure(e, path));
}

std::unique_ptr<SQLite::Database> openFile(const std::string& path, int flags) {
    try {
        return std::make_unique<SQLite::Database>(path, flags);
    } catch (const std::exception& e) {
        fail(e, path);
    }
}
// A file: URI for `path`, with the characters a URI gives meaning to escaped.
std::string fileUri(const std::string& path) {
    std::string out = "file:";
    for (unsigned char c : std::filesystem::absolute(path).string()) {
        if (c == '?' || c == '#' || c == '%' || c < 0x21 || c > 0x7e)
            out += fmt::format("%{:02X}", c);
        else
            out += static_cast<char>(c);
    }
    return out;
}

// Read-only. A WAL file needs its -shm beside it, which a write-protected evidence copy's folder
// cannot take. With no -wal left over, the file alone is the record and is opened as immutable;
// with a -wal, the two are copied into a private folder and read there, so that nothing
// committed is missed and nothing beside the evidence is created.
std::unique_ptr<SQLite::Database> openReadOnly(const std::string& path, std::string& copyFolder) {
    auto db = openFile(path, SQLite::OPEN_READONLY);
    try {
        db->execAndGet("SELECT count(*) FROM sqlite_master");
        return db;
    } catch (const SQLite::Exception& e) {
        int code = e.getErrorCode() & 0xff;
        if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) fail(e, path);
    }
    db.reset();
    namespace fs = std::filesystem;
    if (!fs::exists(path + "-wal"))
        return openFile(fileUri(path) + "?immutable=1", SQLite::OPEN_READONLY | SQLITE_OPEN_URI);
    std::string pattern = (fs::temp_directory_path() / "vigil-read-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw StoreError(fmt::format("{} cannot be read here: its folder is write-protected and "
                                     "no private folder could be made to read a copy",
                                     path));
    copyFolder = pattern;
    auto copy = (fs::path(copyFolder) / "record.db").string();
    std::error_code ec;
    fs::copy_file(path, copy, ec);
    if (!ec) fs::copy_file(path + "-wal", copy + "-wal", ec);
    if (ec)
        throw StoreError(
            fmt::format("{} cannot be read: copying it to read failed: {}", path, ec.message()));
    return openFile(copy, SQLite::OPEN_READONLY);
}
} // namespace

Database::Database(const std::string& path, Durability durability, Access access)
    : m_path(path), m_access(access) {
    namespace fs = std::filesystem;
    std::error_code ec;
    // A private copy made for reading goes again if opening fails after it was made.
    struct CopyGuard {
        std::string& folder;
        int unwinding = std::uncaught_exceptions(); // more at the end: this constructor threw
        ~CopyGuard() {
            std::error_code ignored;
            if (!folder.empty() && std::uncaught_exceptions() > unwinding)
                fs::remove_all(folder, ignored);
        }
    } guard{m_copyFolder};
    auto status = fs::status(path, ec);
    if (fs::is_directory(status))
        throw StoreError(fmt::format("{} is a folder, not a database file", path));
    bool created = !fs::exists(status);
    if (access == Access::ReadOnly) {
        if (created)
            throw NoSuchDatabase(fmt::format(
                "{}: no such database file. Nothing was created: check the path (a command that "
                "only reads never starts an empty ward)",
                path));
        m_db = openReadOnly(path, m_copyFolder);
    } else if (created) {
        auto folder = fs::absolute(path, ec).parent_path();
        if (!fs::is_directory(folder, ec))
            throw StoreError(
                fmt::format("{}: the folder {} does not exist: create it, or give another path",
                            path, folder.string()));
        // The record holds patient data: owner-only from the first byte.
        mode_t old = umask(077);
        try {
            m_db = openFile(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        } catch (...) {
            umask(old);
            throw;
        }
        umask(old);
    } else {
        m_db = openFile(path, SQLite::OPEN_READWRITE);
    }
    try {
        m_db->setBusyTimeout(5000);
        int found = userVersion(*m_db);
        if (found > latestSchemaVersion())
            throw SchemaTooNew(fmt::format(
                "{} was written by a newer Vigil (schema {}, this Vigil knows up to {}). It has "
                "not been changed: open it with that version or newer.",
                path, found, latestSchemaVersion()));
        if (access == Access::ReadOnly) {
            if (found < latestSchemaVersion())
                throw SchemaTooOld(fmt::format(
                    "{} {}; this Vigil reads schema {}. It has not been changed: upgrade it "
                    "first with `vigil db migrate --db {}` (or open it once in Vigil)",
                    path,
                    found == 0 ? "holds no Vigil record (schema 0)"
                               : fmt::format("is at schema {}", found),
                    latestSchemaVersion(), path));
            m_db->exec("PRAGMA foreign_keys = ON");
            return;
        }
        if (found == 0 && m_db->execAndGet("SELECT count(*) FROM sqlite_master").getInt64() > 0)
            throw StoreError(fmt::format(
                "{} is an SQLite file that is not a Vigil record (it holds tables of its own and "
                "no Vigil schema): Vigil adds nothing to it. Give another file name",
                path));
        m_db->exec("PRAGMA journal_mode = WAL");
        m_db->exec(durability == Durability::Full ? "PRAGMA synchronous = FULL"
                                                  : "PRAGMA synchronous = OFF");
        m_db->exec("PRAGMA foreign_keys = ON");
        try {
            migrate(*m_db, latestSchemaVersion());
            if (found > 0 && found < kAuditSchema) {
                // A file from before the audit chain: enter its rows once, so that verify starts
                // clean.
                SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
                backfillAudit(*this, std::chrono::floor<std::chrono::seconds>(
                                         std::chrono::system_clock::now()));
                tx.commit();
            }
        } catch (const SQLite::Exception& e) {
            // Each step is its own transaction: the file is whole at the version it reached.
            throw StoreError(
                fmt::format("{} is at schema {} and could not be upgraded to schema {}: {}", path,
                            userVersion(*m_db), latestSchemaVersion(), describeFailure(e, path)));
        }
    } catch (const SQLite::Exception& e) {
        fail(e, path);
    }
}

Database::~Database() {
    m_statements.clear();
    m_db.reset();
    if (!m_copyFolder.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(m_copyFolder, ec);
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

std::string describeFailure(const std::exception& e, const std::string& path) {
    auto* sql = dynamic_cast<const SQLite::Exception*>(&e);
    if (!sql) return e.what();
    namespace fs = std::filesystem;
    std::error_code ec;
    switch (sql->getErrorCode() & 0xff) {
    case SQLITE_FULL:
        return fmt::format("{}: the disk is full: nothing was saved. Free space on the disk "
                           "holding the record, then try again",
                           path);
    case SQLITE_READONLY:
        return fmt::format("{} is read-only here: nothing was saved. Ask IT to make the file "
                           "and its folder writable for Vigil",
                           path);
    case SQLITE_CANTOPEN: {
        auto folder = fs::absolute(path, ec).parent_path();
        if (!fs::is_directory(folder, ec))
            return fmt::format("{}: the folder {} does not exist", path, folder.string());
        return fmt::format("{} cannot be opened ({}): check that it exists and that Vigil may "
                           "read and write it and its folder",
                           path, sql->getErrorStr());
    }
    case SQLITE_NOTADB: return fmt::format("{} is not a Vigil database (not an SQLite file)", path);
    case SQLITE_CORRUPT:
        return fmt::format("{} is damaged ({}): stop using it, keep a copy for IT and restore "
                           "the last backup",
                           path, sql->getErrorStr());
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return fmt::format("{} is locked by another program writing to it: nothing was saved; "
                           "try again",
                           path);
    case SQLITE_IOERR:
        return fmt::format("{}: the disk reported an error ({}): nothing was saved. Check the "
                           "disk and try again",
                           path, sql->getErrorStr());
    default: return fmt::format("{}: {}", path, sql->what());
    }
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
