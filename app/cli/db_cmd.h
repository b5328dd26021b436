#pragma once
// `vigil db migrate --db DB [--app-role NAME]` and `vigil db copy --from FILE --to DB`: the
// record's schema, and a single device's record moved onto the unit server.
#include <iosfwd>
#include <string>

namespace vigil::cli {

// Creates or upgrades the schema; prints the version before and after. 0, or 2.
int dbMigrate(const std::string& db, const std::string& appRole, std::ostream& out);
// Copies every row and the audit chain into a record that holds no rows; prints each table's
// count and the head, identical in both. 0, or 2 (nothing copied).
int dbCopy(const std::string& from, const std::string& to, std::ostream& out);

} // namespace vigil::cli
