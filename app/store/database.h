#pragma once
// Opens Vigil's SQLite file: WAL, foreign keys on, migrated to the newest schema this build knows.
#include <SQLiteCpp/Database.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace vigil::store {

// Full: a save that returned survives kill -9 and power loss (synchronous=FULL in WAL mode).
// Relaxed: for `vigil demo` and benchmarks that generate a year of history; same code path.
enum class Durability { Full, Relaxed };

class SchemaTooNew : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Database {
public:
    // Creates the file (readable by its owner only) when missing. Throws SchemaTooNew, leaving
    // the file untouched, when it was written by a newer Vigil.
    explicit Database(const std::string& path, Durability durability = Durability::Full);
    SQLite::Database& sql() { return *m_db; }
    const std::string& path() const { return m_path; }
    int schemaVersion();

private:
    std::string m_path;
    std::unique_ptr<SQLite::Database> m_db;
};

int latestSchemaVersion();
// Applies the migrations above the file's user_version up to `upTo`, each with its user_version
// in one IMMEDIATE transaction. Public so that tests can build every earlier version.
void migrate(SQLite::Database& db, int upTo);

// $XDG_DATA_HOME/vigil/vigil.db (or ~/.local/share/vigil/vigil.db); creates the folder.
std::string defaultDatabasePath();

} // namespace vigil::store
