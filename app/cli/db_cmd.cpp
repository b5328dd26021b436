#include "cli/db_cmd.h"

#include "store/copy.h"
#include "store/database.h"

#include <fmt/ostream.h>
#include <ostream>

namespace vigil::cli {

int dbMigrate(const std::string& db, const std::string& appRole, std::ostream& out) {
    int before = store::migrateRecord(db, appRole);
    fmt::print(out, "{}: schema {} (was {}){}\n", db, store::latestSchemaVersion(), before,
               appRole.empty()
                   ? ""
                   : fmt::format("; role {} may read and add rows, nothing more", appRole));
    return 0;
}

int dbCopy(const std::string& from, const std::string& to, std::ostream& out) {
    auto report = store::copyRecord(from, to);
    for (auto& [table, rows] : report.rows)
        fmt::print(out, "{}: {} {}\n", table, rows, rows == 1 ? "row" : "rows");
    fmt::print(out, "{} copied to {}: verified, audit head {} in both\n", from, to,
               report.head.text());
    return 0;
}

} // namespace vigil::cli
