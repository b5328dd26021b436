#pragma once
// The tablet's front door: pick your name, type your PIN on a big keypad. On the very first start
// (no admin yet) it asks for the first admin instead.
#include "store/staff.h"

#include <wx/panel.h>

#include <functional>
#include <optional>

class wxSimplebook;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace vigil::ward {
class Ward;
}

namespace vigil::ui {

class SignInPage : public wxPanel {
public:
    using SignedIn = std::function<void(const store::StaffMember&)>;
    SignInPage(wxWindow* parent, ward::Ward& ward, SignedIn onSignedIn);
    // Fresh: the names as they are now, no PIN typed, no one chosen.
    void start(const wxString& why = "");

private:
    void buildFirstAdmin(wxWindow* page);
    void buildSignIn(wxWindow* page);
    void choose(const store::StaffMember& who);
    void onKey(const wxString& key);
    void signIn();
    void addFirstAdmin();
    void showPin();
    void say(wxStaticText* where, const std::string& text, bool refused);

    ward::Ward& m_ward;
    SignedIn m_onSignedIn;
    wxSimplebook* m_book = nullptr;
    // Sign-in
    wxPanel* m_names = nullptr;
    wxStaticText* m_reason = nullptr;
    wxStaticText* m_who = nullptr;
    wxStaticText* m_pinDots = nullptr;
    wxStaticText* m_message = nullptr;
    wxButton* m_go = nullptr;
    std::optional<store::StaffMember> m_chosen;
    std::string m_pin;
    // First admin
    wxTextCtrl* m_adminName = nullptr;
    wxTextCtrl* m_adminPin = nullptr;
    wxTextCtrl* m_adminRepeat = nullptr;
    wxStaticText* m_adminMessage = nullptr;
};

} // namespace vigil::ui
