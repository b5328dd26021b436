#include "cli/audit_cmd.h"

#include "store/audit.h"
#include "store/database.h"

#include <filesystem>
#include <fmt/ostream.h>
#include <optional>
#include <ostream>

namespace vigil::cli {

int auditVerify(const std::string& path, const std::optional<std::string>& headText,
                std::ostream& out, std::ostream& err) {
    std::optional<store::AuditHead> head;
    if (headText) { // given, even empty: a script whose $HEAD is empty must not pass unchecked
        head = store::parseAuditHead(*headText);
        if (!head) {
            fmt::print(err,
                       "vigil audit verify: --head \"{}\" is not a head: N:HASH, as `vigil audit "
                       "head` prints it (a number, a colon, 64 hex digits) or a sheet's footer "
                       "shows it (12 hex digits)\n",
                       *headText);
            return 2;
        }
    }
    std::optional<store::Database> opened;
    try {
        opened.emplace(path, store::Durability::Full, store::Access::ReadOnly);
    } catch (const store::DamagedDatabase& e) {
        // Too damaged even to open: certainly not intact.
        fmt::print(out, "{}: NOT INTACT: the file is damaged: {}\n", path, e.what());
        return 1;
    }
    auto& db = *opened;
    auto report = store::verifyAudit(db, head);
    if (report.first) {
        fmt::print(out, "{}: NOT INTACT: {}\n", path, report.first->message);
        return 1;
    }
    fmt::print(out, "{}: intact: {} audit {}, every row accounted for, schema as shipped{}\n",
               path, report.entries, report.entries == 1 ? "entry" : "entries",
               head ? fmt::format(", head {} still in place", head->shortText()) : "");
    return 0;
}

int auditHead(const std::string& path, std::ostream& out) {
    store::Database db(path, store::Durability::Full, store::Access::ReadOnly);
    auto head = store::auditHead(db);
    fmt::print(out, "{}: {} audit {}, head {}\n", path, head.entries,
               head.entries == 1 ? "entry" : "entries", head.text());
    return 0;
}

} // namespace vigil::cli
