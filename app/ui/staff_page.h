#pragma once
// The admin's screen: add staff with a role and PIN, set a new PIN for someone who forgot theirs,
// and choose the ward's rule file. The ward checks the admin role again on every action.
#include "ui/commands.h"

#include <wx/panel.h>

#include <vector>

class wxStaticText;
class wxTextCtrl;
class wxChoice;

namespace vigil::ui {

class SegmentedChoice;

class StaffPage : public wxPanel {
public:
    StaffPage(wxWindow* parent, Context context);
    void start();

private:
    void addStaff();
    void setPin();
    void chooseRules();
    void say(wxStaticText* where, const std::string& text, bool refused);

    Context m_context;
    wxStaticText* m_list = nullptr;
    wxTextCtrl* m_name = nullptr;
    SegmentedChoice* m_role = nullptr;
    wxTextCtrl* m_pin = nullptr;
    wxStaticText* m_addMessage = nullptr;
    wxChoice* m_pinFor = nullptr;
    std::vector<StaffId> m_pinForIds;
    wxTextCtrl* m_newPin = nullptr;
    wxStaticText* m_pinMessage = nullptr;
    wxStaticText* m_rulesNow = nullptr;
    wxTextCtrl* m_rulesPath = nullptr;
    wxStaticText* m_rulesMessage = nullptr;
};

} // namespace vigil::ui
