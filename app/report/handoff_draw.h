#pragma once
// Draws the I-PASS handoff sheet (clinical-reference §8) on a wxDC in 1/96-inch units.
#include "core/shift.h"
#include "report/handoff_layout.h"

#include <wx/dc.h>

namespace vigil::report {

// Draws (or, with draw = false, only measures) one patient's block at `area`'s top-left and
// width; returns its height.
int drawPatientBlock(wxDC& dc, const HandoffPatient& patient, wxRect area, bool draw);
// One page: header, the page's blocks, footer "Page n of m". `page` counts from 0.
void drawHandoffPage(wxDC& dc, const HandoffSheet& sheet, const Pagination& pages,
                     std::size_t page);

} // namespace vigil::report
