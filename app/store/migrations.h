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

} // namespace vigil::store
