#pragma once
// Admitting a patient to a bed: identity, procedure, pump drugs, risk factors, SpO2 scale, pain
// goal.
#include "ui/commands.h"

#include <wx/panel.h>

#include <map>

class wxTextCtrl;
class wxStaticText;
class wxToggleButton;

namespace vigil::ui {

class SegmentedChoice;

class AdmitForm : public wxPanel {
public:
    AdmitForm(wxWindow* parent, Context context);
    void start();

private:
    void admit();
    wxTextCtrl* addText(wxWindow* page, wxSizer* grid, const char* key, const wxString& label,
                        const wxString& hint);

    Context m_context;
    std::map<std::string, wxTextCtrl*> m_text;
    std::map<std::string, wxStaticText*> m_messages;
    SegmentedChoice* m_procedure;
    SegmentedChoice* m_scale;
    SegmentedChoice* m_painGoal;
    std::vector<wxToggleButton*> m_drugs;
    std::vector<wxToggleButton*> m_risks;
};

} // namespace vigil::ui
