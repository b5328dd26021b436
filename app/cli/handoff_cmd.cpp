#include "cli/handoff_cmd.h"

#include "core/rules/hidden_text.h"
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
    std::string by = args.by;
    if (by.empty()) {
        const char* user = std::getenv("USER");
        by = fmt::format("command line ({})", user && *user ? user : "unknown user");
    }
    if (auto hidden = rules::findHiddenCharacter(by))
        throw std::runtime_error(
            fmt::format("--by: the name has {}: type a plain name", hidden->describe()));
    ManualClock clock(args.now);
    Shift shift = args.shift.value_or(shiftAt(args.now, pattern));
    HandoffSheet sheet;
    {
        // Read as the other read-only commands do: a mistyped path is refused, nothing migrated.
        // Closed before the export is recorded, so that the recording connection is the last
        // one and folds the write-ahead log back into the file on closing.
        store::Database db(args.db, store::Durability::Full, store::Access::ReadOnly);
        ward::Ward ward(db, clock);
        sheet = ward.handoffSheet(shift, unit, by);
    }
    int pages = write(sheet, args.pdf, *paper, {args.db});
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
