#pragma once
// One patient: the stay, and every round as a time x parameter grid, newest first. Corrected
// values show the current value with what it was; rounds entered in error stay visible, marked.
#include "ui/commands.h"
#include "ward/ward.h"

#include <wx/panel.h>

class wxGrid;
class wxStaticText;
class wxButton;

namespace vigil::ui {

class PatientChart : public wxPanel {
public:
    PatientChart(wxWindow* parent, Context context);
    void show(StayId stay);

private:
    void correctSelected();
    void setLimit();
    Context m_context;
    std::optional<ward::PatientChart> m_chart;
    wxStaticText* m_title;
    wxStaticText* m_details;
    wxStaticText* m_message;
    wxGrid* m_grid;
    wxButton* m_discharge;
    bool m_dischargeArmed = false;
};

} // namespace vigil::ui
