#pragma once
// Handoff notes and the record of every print and PDF export. Insert-only, audited.
#include "core/shift.h"
#include "store/database.h"
#include "store/id_list.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigil::store {

void insertHandoffNote(Database& db, const HandoffNote& note);
std::optional<HandoffNote> latestHandoffNote(Database& db, StayId stay);

struct HandoffPrint {
    TimePoint at;
    std::optional<StaffId> by; // empty: exported from the command line
    std::string printedBy;
    std::string kind; // "print" or "pdf"
    TimePoint shiftStart, shiftEnd;
    int patients = 0, pages = 0;
    std::string destination;
    // The audit head the sheet was drawn at (printed in its footer); recorded with the print.
    std::int64_t auditEntries = 0;
    std::string auditHash;
};
void insertHandoffPrint(Database& db, const HandoffPrint& print);
std::vector<HandoffPrint> handoffPrints(Database& db); // oldest first

// The levels of the flags raised (not merely still open) for a stay in [start, end).
std::vector<rules::Level> flagsRaisedBetween(Database& db, StayId stay, TimePoint start,
                                             TimePoint end);
std::map<StayId, std::vector<rules::Level>> flagsRaisedBetween(Database& db, const IdList& stays,
                                                               TimePoint start, TimePoint end);

} // namespace vigil::store
