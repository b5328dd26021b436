#pragma once
// The record in one SQLite file (SQLiteCpp): one device, demos and most tests.
#include "store/database.h"

#include <SQLiteCpp/Database.h>

namespace vigil::store {

// Opens (or creates) the file and, for ReadWrite, migrates it. `found` is the schema the file was
// at before (to backfill the audit chain of files older than it).
std::unique_ptr<Connection> openSqlite(const std::string& path, Durability durability,
                                       Access access, int& found);

// The SQLite handle under a connection, for what only SQLite has (checkpoints, PRAGMAs in
// tests); nullptr on another engine.
SQLite::Database* sqliteHandle(Connection& c);

// The schema a file says it is at, read without changing it; 0 when missing or unreadable
// (opening it then says why, naming the file).
int sqliteFileVersion(const std::string& path);

// Applies the migrations above the file's user_version up to `upTo`, each with its user_version
// in one IMMEDIATE transaction. Public so that tests can build every earlier version.
void migrate(SQLite::Database& db, int upTo);

} // namespace vigil::store
