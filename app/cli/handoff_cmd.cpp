#include "cli/handoff_cmd.h"

#include "store/database.h"
#include "ward/ward.h"

#include <cstdlib>
#include <fmt/ostream.h>
#include <ostream>

namespace vigil::cli {

int runHandoff(const HandoffArgs& args, const ShiftPattern& pattern, const std::string& unit,
               const PdfWriter& write, std::ostream& out, std::ostream& err) {
    auto paper = fromCode(papers(), args.paper);
    if (!paper) {
        fmt::print(err, "vigil handoff: --paper \"{}\" is not a paper size: a4 or letter\n",
                   args.paper);
        return 2;
    }
    if (!write) {
        fmt::print(err, "vigil handoff: this build has no PDF writer (built without the GUI)\n");
        return 2;
    }
    // Read as the other read-only commands do: a mistyped path is refused, nothing migrated.
    store::Database db(args.db, store::Durability::Full, store::Access::ReadOnly);
    ManualClock clock(args.now);
    ward::Ward ward(db, clock);
    Shift shift = args.shift.value_or(shiftAt(args.now, pattern));
    std::string by = args.by;
    if (by.empty()) {
        const char* user = std::getenv("USER");
        by = fmt::format("command line ({})", user && *user ? user : "unknown user");
    }
    auto sheet = ward.handoffSheet(shift, unit, by);
    int pages = write(sheet, args.pdf, *paper, store::databaseFiles(args.db));
    store::HandoffPrint print{{},
                              std::nullopt,
                              by,
                              "pdf",
                              shift.start,
                              shift.end,
                              static_cast<int>(sheet.patients.size()),
                              pages,
                              args.pdf,
                              sheet.auditEntries,
                              sheet.auditHash};
    try {
        // The export is recorded (who, when, pages, the head on its footer) where the file can
        // be written; a write-protected evidence copy still gives its sheet, and says so.
        store::Database record(args.db);
        ward::Ward recording(record, clock);
        recording.recordHandoffPrint(print);
    } catch (const std::exception& e) {
        fmt::print(err, "vigil handoff: the PDF was written but the export was not recorded: {}\n",
                   e.what());
    }
    fmt::print(out, "{}: {} {}, {} {}, {}\n", args.pdf, pages, pages == 1 ? "page" : "pages",
               sheet.patients.size(), sheet.patients.size() == 1 ? "patient" : "patients",
               shift.name);
    return 0;
}

} // namespace vigil::cli
