#pragma once
// Shared by the PostgreSQL files of the store (engine, schema, watcher); libpq stays inside them.
#include <libpq-fe.h>
#include <map>
#include <memory>
#include <string>

namespace vigil::store::pg {

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// The channel every write transaction notifies (store/change_watcher.h).
inline constexpr const char* kChannel = "vigil_record";

std::string firstLine(std::string s);
// The options a URI gives (host, port, dbname, user, password); StoreError when it is not one.
std::map<std::string, std::string> uriOptions(const std::string& uri);
// "the unit server host:port (database d)".
std::string serverWords(const std::map<std::string, std::string>& options);

} // namespace vigil::store::pg
