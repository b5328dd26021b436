#pragma once
// `vigil handoff --db FILE [--shift START..END] [--at TIME] --pdf OUT [--paper a4|letter]
// [--by NAME]`: the I-PASS handoff sheet as a PDF, with no display. Each export is recorded.
#include "core/shift.h"

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace vigil::cli {

// Draws the sheet into a PDF and returns its page count (report::writeHandoffPdf, injected by
// main.cpp so that this library stays free of wx).
// `protect`: files the PDF must never replace (the record's).
using PdfWriter = std::function<int(const HandoffSheet&, const std::string& path, Paper,
                                    const std::vector<std::string>& protect)>;

struct HandoffArgs {
    std::string db, pdf, paper = "a4", by;
    std::optional<Shift> shift; // empty: the shift `now` falls in
    TimePoint now;
};
int runHandoff(const HandoffArgs& args, const ShiftPattern& pattern, const std::string& unit,
               const PdfWriter& write, std::ostream& out, std::ostream& err);

} // namespace vigil::cli
