#include "store/sqlite_engine.h"

#include "store/migrations.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <filesystem>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unordered_map>

namespace vigil::store {

namespace {

SqlError::Kind kindOf(int code) {
    switch (code & 0xff) {
    case SQLITE_CONSTRAINT: return SqlError::Kind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return SqlError::Kind::Busy;
    case SQLITE_FULL: return SqlError::Kind::DiskFull;
    case SQLITE_READONLY: return SqlError::Kind::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return SqlError::Kind::Damaged;
    default: return SqlError::Kind::Other;
    }
}

// What went wrong with the file, in words a nurse or IT can act on: names the file, says "disk
// full" rather than "I/O error", says when the folder is missing, read-only or the file damaged.
std::string describeSqlite(const SQLite::Exception& e, const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    switch (e.getErrorCode() & 0xff) {
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
                           path, e.getErrorStr());
    }
    case SQLITE_NOTADB: return fmt::format("{} is not a Vigil database (not an SQLite file)", path);
    case SQLITE_CORRUPT:
        return fmt::format("{} is damaged ({}): stop using it, keep a copy for IT and restore "
                           "the last backup",
                           path, e.getErrorStr());
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return fmt::format("{} is locked by another program writing to it: nothing was saved; "
                           "try again",
                           path);
    case SQLITE_IOERR:
        return fmt::format("{}: the disk reported an error ({}): nothing was saved. Check the "
                           "disk and try again",
                           path, e.getErrorStr());
    default: return fmt::format("{}: {}", path, e.what());
    }
}

[[noreturn]] void fail(const SQLite::Exception& e, const std::string& path) {
    if ((e.getErrorCode() & 0xff) == SQLITE_CORRUPT) throw DamagedDatabase(describeSqlite(e, path));
    throw SqlError(kindOf(e.getErrorCode()), describeSqlite(e, path), e.what());
}

// Runs `f`, turning SQLiteCpp's exception into the store's, in words naming the file.
template <class F> auto guarded(const std::string& path, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        fail(e, path);
    }
}

class SqliteStatement final : public Statement {
public:
    SqliteStatement(SQLite::Database& db, const std::string& sql, const std::string& path)
        : m_path(path), m_s(guarded(path, [&] { return SQLite::Statement(db, sql); })) {}

    bool executeStep() override {
        return guarded(m_path, [&] { return m_s.executeStep(); });
    }
    int exec() override {
        return guarded(m_path, [&] { return m_s.exec(); });
    }
    int getColumnCount() override { return m_s.getColumnCount(); }
    std::string getColumnName(int i) override {
        return guarded(m_path, [&] { return std::string(m_s.getColumnName(i)); });
    }
    void reset() noexcept override {
        m_s.tryReset();
        try {
            m_s.clearBindings();
        } catch (...) {}
    }
    ValueType columnType(int i) override {
        switch (guarded(m_path, [&] { return m_s.getColumn(i).getType(); })) {
        case SQLITE_NULL: return ValueType::Null;
        case SQLITE_INTEGER: return ValueType::Integer;
        case SQLITE_FLOAT: return ValueType::Real;
        default: return ValueType::Text;
        }
    }
    std::int64_t columnInt64(int i) override {
        return guarded(m_path, [&] { return m_s.getColumn(i).getInt64(); });
    }
    double columnDouble(int i) override {
        return guarded(m_path, [&] { return m_s.getColumn(i).getDouble(); });
    }
    std::string columnText(int i) override {
        return guarded(m_path, [&] { return m_s.getColumn(i).getString(); });
    }

protected:
    void bindInt64(int i, std::int64_t v) override {
        guarded(m_path, [&] { m_s.bind(i, static_cast<int64_t>(v)); });
    }
    void bindDouble(int i, double v) override {
        guarded(m_path, [&] { m_s.bind(i, v); });
    }
    void bindText(int i, const std::string& v) override {
        guarded(m_path, [&] { m_s.bind(i, v); });
    }
    void bindNull(int i) override {
        guarded(m_path, [&] { m_s.bind(i); });
    }

private:
    const std::string& m_path;
    SQLite::Statement m_s;
};

int userVersion(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

class SqliteConnection final : public Connection {
public:
    SqliteConnection(std::unique_ptr<SQLite::Database> db, std::string path, std::string copyFolder)
        : m_path(std::move(path)), m_copyFolder(std::move(copyFolder)), m_db(std::move(db)) {}
    ~SqliteConnection() override {
        m_statements.clear();
        m_db.reset();
        if (!m_copyFolder.empty()) {
            std::error_code ec;
            std::filesystem::remove_all(m_copyFolder, ec);
        }
    }
    Engine engine() const override { return Engine::SQLite; }
    Statement& prepared(const std::string& sql) override {
        auto& slot = m_statements[sql];
        if (!slot) slot = std::make_unique<SqliteStatement>(*m_db, sql, m_path);
        slot->reset();
        return *slot;
    }
    void exec(const std::string& script) override {
        guarded(m_path, [&] { m_db->exec(script); });
    }
    void beginWrite() override { exec("BEGIN IMMEDIATE"); }
    void beginRead() override { exec("BEGIN DEFERRED"); }
    void commit() override { exec("COMMIT"); }
    void rollback() noexcept override {
        if (sqlite3_get_autocommit(m_db->getHandle())) return; // already rolled back by SQLite
        try {
            m_db->exec("ROLLBACK");
        } catch (...) {}
    }
    bool tableExists(const std::string& table) override {
        return guarded(m_path, [&] { return m_db->tableExists(table); });
    }
    void keysGiven(const std::string&, const std::string&) override {}
    int schemaVersion() override {
        return guarded(m_path, [&] { return userVersion(*m_db); });
    }
    std::string where() const override { return m_path; }
    SQLite::Database& handle() { return *m_db; }

private:
    std::string m_path;
    std::string m_copyFolder; // a private copy read in place of a write-protected evidence copy
    std::unique_ptr<SQLite::Database> m_db;
    // Declared after m_db: destroyed first, so every statement is finalised before the close.
    std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> m_statements;
};

std::unique_ptr<SQLite::Database> openFile(const std::string& path, int flags) {
    try {
        return std::make_unique<SQLite::Database>(path, flags);
    } catch (const SQLite::Exception& e) {
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

int sqliteFileVersion(const std::string& path) {
    try {
        if (!std::filesystem::exists(path)) return 0;
        SQLite::Database peek(path, SQLite::OPEN_READONLY);
        return userVersion(peek);
    } catch (const std::exception&) {
        return 0;
    }
}

SQLite::Database* sqliteHandle(Connection& c) {
    auto* s = dynamic_cast<SqliteConnection*>(&c);
    return s ? &s->handle() : nullptr;
}

std::unique_ptr<Connection> openSqlite(const std::string& path, Durability durability,
                                       Access access, int& found) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::string copyFolder;
    // A private copy made for reading goes again if opening fails after it was made.
    struct CopyGuard {
        std::string& folder;
        bool handedOver = false;
        ~CopyGuard() {
            std::error_code ignored;
            if (!folder.empty() && !handedOver) fs::remove_all(folder, ignored);
        }
    } guard{copyFolder};
    auto status = fs::status(path, ec);
    if (fs::is_directory(status))
        throw StoreError(fmt::format("{} is a folder, not a database file", path));
    bool created = !fs::exists(status);
    std::unique_ptr<SQLite::Database> db;
    if (access == Access::ReadOnly) {
        if (created)
            throw NoSuchDatabase(fmt::format(
                "{}: no such database file. Nothing was created: check the path (a command that "
                "only reads never starts an empty ward)",
                path));
        db = openReadOnly(path, copyFolder);
    } else if (created) {
        auto folder = fs::absolute(path, ec).parent_path();
        if (!fs::is_directory(folder, ec))
            throw StoreError(
                fmt::format("{}: the folder {} does not exist: create it, or give another path",
                            path, folder.string()));
        // The record holds patient data: owner-only from the first byte.
        mode_t old = umask(077);
        try {
            db = openFile(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        } catch (...) {
            umask(old);
            throw;
        }
        umask(old);
    } else {
        db = openFile(path, SQLite::OPEN_READWRITE);
    }
    try {
        db->setBusyTimeout(5000);
        found = userVersion(*db);
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
            db->exec("PRAGMA foreign_keys = ON");
        } else {
            if (found == 0 && db->execAndGet("SELECT count(*) FROM sqlite_master").getInt64() > 0)
                throw StoreError(fmt::format(
                    "{} is an SQLite file that is not a Vigil record (it holds tables of its own "
                    "and no Vigil schema): Vigil adds nothing to it. Give another file name",
                    path));
            db->exec("PRAGMA journal_mode = WAL");
            db->exec(durability == Durability::Full ? "PRAGMA synchronous = FULL"
                                                    : "PRAGMA synchronous = OFF");
            db->exec("PRAGMA foreign_keys = ON");
            try {
                migrate(*db, latestSchemaVersion());
            } catch (const SQLite::Exception& e) {
                // Each step is its own transaction: the file is whole at the version it reached.
                throw StoreError(fmt::format(
                    "{} is at schema {} and could not be upgraded to schema {}: {}", path,
                    userVersion(*db), latestSchemaVersion(), describeSqlite(e, path)));
            }
        }
    } catch (const SQLite::Exception& e) {
        fail(e, path);
    }
    guard.handedOver = true;
    return std::make_unique<SqliteConnection>(std::move(db), path, std::move(copyFolder));
}

} // namespace vigil::store
