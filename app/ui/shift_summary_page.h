#pragma once
// The charge nurse's desk view of a shift: unit figures, one sortable row per patient (tap a row
// to open the patient), and the handoff sheet to preview, print or save as PDF.
#include "core/shift.h"
#include "core/unit_counts.h"
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
    // The same shift again, as the nurse left it (the patients of a figure, the sort): after a
    // chart opened from here, and when another device saved.
    void refresh();
    // Only the patients a unit figure counts (issue 14); nothing: every patient.
    void showCounted(std::optional<UnitCount> count);
    // The print preview of this shift's handoff sheet, in its own window.
    void previewHandoff();

private:
    void fillGrid();
    void showEhrDelivery();
    void fillUnitFigures();
    void sortBy(int column);
    void savePdf();
    Paper paper() const;
    HandoffSheet sheet();

    Context m_context;
    ShiftSettings m_settings;
    Shift m_shift;
    ShiftSummary m_summary;
    std::optional<UnitCount> m_counted; // the figure whose patients are shown, if any
    std::vector<ShiftPatient> m_rows;   // the grid's rows: every patient, or those counted
    int m_sortColumn = 0;
    bool m_sortDescending = false;
    wxStaticText* m_title;
    wxPanel* m_unit;     // the unit's figures, each its own label: red only when it is not zero
    wxStaticText* m_ehr; // "EHR: 3 rounds waiting since 14:02", empty with no EHR link
    std::optional<TimePoint> m_ehrAt; // when the EHR line was last worked out
    wxStaticText* m_message;
    wxStaticText* m_showing; // whose rows the grid shows, in words
    SegmentedChoice* m_paper;
    wxGrid* m_grid;
};

} // namespace vigil::ui
