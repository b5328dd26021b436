#pragma once
// The handoff sheet as a PDF, with no display: cairo's PDF surface under a wxGCDC, drawn by the
// same code as the print preview and the printer.
#include "core/shift.h"

#include <string>

namespace vigil::report {

// Writes `path` whole or not at all (a temporary file renamed into place); returns the page count.
// Throws std::runtime_error naming the path and cairo's reason when it cannot.
int writeHandoffPdf(const HandoffSheet& sheet, const std::string& path, Paper paper);

} // namespace vigil::report
