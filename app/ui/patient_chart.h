#pragma once
// One patient: the stay, and every round as a time x parameter grid, newest first. Corrected
// values show the current value with what it was; rounds entered in error stay visible, marked.
#include "ui/commands.h"
#include "ward/ward.h"

#include <wx/panel.h>

class wxGrid;
class wxStaticText;
class wxButton;
class wxSimplebook;

namespace vigil::ui {

class TrendPanel;

class PatientChart : public wxPanel {
public:
    PatientChart(wxWindow* parent, Context context);
    void show(StayId stay);
    // Reloaded in place when another device saved (store/change_watcher.h).
    // What this nurse has in hand stays: the table or the trends, an armed Discharge, a message.
    void refresh();
    // Opened from the shift summary: its way back goes there, not to the board (issue 14).
    void returnTo(bool summary);
    bool returnsToSummary() const { return m_backToSummary; }

private:
    void correctSelected();
    void setLimit();
    Context m_context;
    std::optional<ward::PatientChart> m_chart;
    wxStaticText* m_title;
    wxStaticText* m_details;
    wxStaticText* m_nameAlert; // another patient on the unit has the same family name
    wxStaticText* m_message;
    wxSimplebook* m_views; // the table, or the trends
    wxGrid* m_grid;
    TrendPanel* m_trends;
    wxButton* m_trendsButton;
    wxButton* m_discharge;
    wxButton* m_back;
    bool m_backToSummary = false;
    bool m_dischargeArmed = false;
};

} // namespace vigil::ui
