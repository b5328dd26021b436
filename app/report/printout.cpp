#include "report/printout.h"

#include "report/handoff_draw.h"

namespace vigil::report {

HandoffPrintout::HandoffPrintout(HandoffSheet sheet, Paper paper)
    : wxPrintout(wxString::FromUTF8("Handoff " + sheet.shift.name)), m_sheet(std::move(sheet)),
      m_paper(paper) {}

void HandoffPrintout::OnPreparePrinting() {
    // The whole page in 1/96-inch units, whatever the printer's resolution; measured on this DC.
    FitThisSizeToPaper(pageSize(m_paper));
    m_layout = paginate(*GetDC(), m_sheet, m_paper);
}

bool HandoffPrintout::HasPage(int page) {
    return page >= 1 && page <= pageCount();
}

void HandoffPrintout::GetPageInfo(int* minPage, int* maxPage, int* selFrom, int* selTo) {
    *minPage = *selFrom = 1;
    *maxPage = *selTo = std::max(1, pageCount());
}

bool HandoffPrintout::OnPrintPage(int page) {
    if (!HasPage(page)) return false;
    FitThisSizeToPaper(pageSize(m_paper));
    drawHandoffPage(*GetDC(), m_sheet, m_layout, static_cast<std::size_t>(page - 1));
    return true;
}

} // namespace vigil::report
