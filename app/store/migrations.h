#pragma once
#include <string_view>
#include <vector>

namespace vigil::store {

struct Migration {
    int version; // the number in its file name: 001_initial.sql is version 1
    std::string_view name;
    std::string_view sql;
};
// Compiled in from db/*.sql (db/embed.cmake), in number order.
const std::vector<Migration>& migrations();
// The server's, from db/postgres/*.sql. Its first brings an empty database to that version at
// once (no server record predates it); later ones follow the SQLite list number for number.
const std::vector<Migration>& postgresMigrations();

} // namespace vigil::store
