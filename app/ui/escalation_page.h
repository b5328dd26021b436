#pragma once
// One escalation from raise to resolution: the SBAR to read on the call, whom you told and how,
// what they said, and how it ended. Each button adds one attributed step.
#include "core/escalation.h"
#include "ui/commands.h"

#include <wx/panel.h>

#include <vector>

class wxStaticText;
class wxTextCtrl;

namespace vigil::ui {

class SegmentedChoice;

class EscalationPage : public wxPanel {
public:
    EscalationPage(wxWindow* parent, Context context);
    void show(std::int64_t escalation);
    // Reloaded in place when another device saved; a message shown to this nurse stays.
    void refresh();

private:
    void add(EscalationStep step);
    void setFrequency();

    Context m_context;
    std::int64_t m_id = 0;
    wxStaticText* m_title;
    wxStaticText* m_state;
    wxStaticText* m_sbar;
    wxStaticText* m_history;
    wxStaticText* m_message;
    wxTextCtrl* m_clinician;
    SegmentedChoice* m_role;
    SegmentedChoice* m_method;
    wxTextCtrl* m_instructions;
    wxTextCtrl* m_reason;
    SegmentedChoice* m_every;               // observation frequency the clinician asked for
    SegmentedChoice* m_everyFor;            // until when
    wxStaticText* m_frequency;              // the frequency in force, or what was refused
    std::vector<wxWindow*> m_callForm;      // inform, respond, close: hidden once it is closed
    wxWindow* m_frequencyForm;              // likewise the frequency rows
    std::vector<wxWindow*> m_closeControls; // only for those allowed to resolve or decline
    wxStaticText* m_readOnly;               // what a closed escalation says instead of its buttons
};

} // namespace vigil::ui
