#pragma once
// The nurse's part of the handoff sheet for one patient: severity (Vigil proposes, the nurse may
// change it with a reason) and a free-text note for the next shift.
#include "ui/commands.h"

#include <wx/panel.h>

class wxStaticText;
class wxTextCtrl;

namespace vigil::ui {

class SegmentedChoice;

class HandoffNotePage : public wxPanel {
public:
    HandoffNotePage(wxWindow* parent, Context context);
    void show(StayId stay);

private:
    void save();
    Context m_context;
    wxStaticText* m_title;
    wxStaticText* m_proposal;
    SegmentedChoice* m_severity;
    wxTextCtrl* m_reason;
    wxTextCtrl* m_note;
    wxStaticText* m_message;
};

} // namespace vigil::ui
