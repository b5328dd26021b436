#pragma once
// The handoff sheet's pages: measured on the DC it will be drawn on, so the print preview, the
// printer and the PDF each paginate for their own fonts. A patient block never splits.
#include "core/shift.h"

#include <wx/dc.h>

#include <string>
#include <vector>

namespace vigil::report {

// Logical units are 1/96 inch throughout ("px"); fonts are given in points.
wxSize pageSize(Paper paper);
constexpr int kMargin = 48;        // 1/2 inch
constexpr int kHeaderHeight = 104; // unit, shift, printed by, data as of, a key (two lines)
constexpr int kFooterHeight = 28;  // page n of m

struct PlacedBlock {
    std::size_t patient; // index into the sheet's patients
    int top, height;
};
struct Pagination {
    wxSize page;
    std::vector<std::vector<PlacedBlock>> pages; // at least one page, even with no patients
    int contentTop() const { return kMargin + kHeaderHeight; }
    int contentBottom() const { return page.y - kMargin - kFooterHeight; }
};

Pagination paginate(wxDC& dc, const HandoffSheet& sheet, Paper paper);
// Height of one patient's block at this width (also used to check nothing overflows).
int blockHeight(wxDC& dc, const HandoffPatient& patient, int width);

// Text wrapped to `width` on `dc` with its current font; long words are cut, never overflow.
std::vector<std::string> wrap(wxDC& dc, const std::string& text, int width);

} // namespace vigil::report
