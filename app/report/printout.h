#pragma once
// The handoff sheet for wxPrintPreview and the printer: paginated on the print DC itself.
#include "core/shift.h"
#include "report/handoff_layout.h"

#include <wx/print.h>

namespace vigil::report {

class HandoffPrintout : public wxPrintout {
public:
    HandoffPrintout(HandoffSheet sheet, Paper paper);
    void OnPreparePrinting() override;
    bool HasPage(int page) override;
    void GetPageInfo(int* minPage, int* maxPage, int* selFrom, int* selTo) override;
    bool OnPrintPage(int page) override;
    int pageCount() const { return static_cast<int>(m_layout.pages.size()); }

private:
    HandoffSheet m_sheet;
    Paper m_paper;
    Pagination m_layout;
};

} // namespace vigil::report
