#pragma once
// The handoff sheet as a PDF, with no display: cairo's PDF surface under a wxGCDC, drawn by the
// same code as the print preview and the printer.
#include "core/shift.h"

#include <string>
#include <vector>

namespace vigil::report {

// Writes `path` whole or not at all, owner-only, refusing any of `protect` (the record's files)
// and never writing through a link (see OutputFile); returns the page count. Throws
// std::runtime_error naming the path and the reason when it cannot.
int writeHandoffPdf(const HandoffSheet& sheet, const std::string& path, Paper paper,
                    const std::vector<std::string>& protect);

} // namespace vigil::report
