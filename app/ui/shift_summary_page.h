#pragma once
// The charge nurse's desk view of a shift: unit figures, one sortable row per patient (tap a row
// to open the patient), and the handoff sheet to preview, print or save as PDF.
#include "core/shift.h"
#include "ui/commands.h"

#include <optional>
#include <wx/panel.h>

class wxGrid;
class wxGridEvent;
class wxStaticText;

namespace vigil::ui {

class SegmentedChoice;

struct ShiftSettings {
    ShiftPattern pattern;
    std::string unit = "Recovery unit";
};

class ShiftSummaryPage : public wxPanel {
public:
    ShiftSummaryPage(wxWindow* parent, Context context, ShiftSettings settings);
    void show(); // the shift now
    void showShift(const Shift& shift);
    void refresh() { showShift(m_shift); }
    // The print preview of this shift's handoff sheet, in its own window.
    void previewHandoff();

private:
    void fillGrid();
    void showEhrDelivery();
    void sortBy(int column);
    void savePdf();
    Paper paper() const;
    HandoffSheet sheet();

    Context m_context;
    ShiftSettings m_settings;
    Shift m_shift;
    ShiftSummary m_summary;
    int m_sortColumn = 0;
    bool m_sortDescending = false;
    wxStaticText* m_title;
    wxPanel* m_unit;     // the unit's figures, each its own label: red only when it is not zero
    wxStaticText* m_ehr; // "EHR: 3 rounds waiting since 14:02", empty with no EHR link
    std::optional<TimePoint> m_ehrAt; // when the EHR line was last worked out
    wxStaticText* m_message;
    SegmentedChoice* m_paper;
    wxGrid* m_grid;
};

} // namespace vigil::ui
