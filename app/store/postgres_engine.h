#pragma once
// The unit's shared record on a PostgreSQL server (libpq). Only postgres_engine.cpp includes
// libpq-fe.h.
#include "store/change_watcher.h"
#include "store/database.h"

namespace vigil::store {

// Connects to `uri` and checks that its schema is exactly this Vigil's. Refuses a URI that
// carries a password (the libpq password file holds it), and says when the server cannot be
// reached, naming it.
std::unique_ptr<Connection> openPostgres(const std::string& uri, Access access);

// Connects without looking at the schema: for `vigil db migrate` and `vigil db copy`.
std::unique_ptr<Connection> connectPostgres(const std::string& uri, Access access);

// Brings the server's schema to this Vigil's, in one transaction; returns the version it was at.
// With `appRole`, grants that role SELECT and INSERT (and nothing more) on every table.
int migratePostgres(Connection& c, const std::string& appRole);

// A LISTEN on its own connection (store/change_watcher.h).
std::unique_ptr<ChangeWatcher> watchServer(const std::string& uri);

// The server, for messages: "the unit server host:port (database d)".
std::string describeServer(const std::string& uri);

} // namespace vigil::store
