#pragma once
// The big numeric keypad of the round form: GTK spin buttons are too small for a tablet.
#include <wx/panel.h>

#include <functional>

namespace vigil::ui {

class Keypad : public wxPanel {
public:
    // Keys: "0".."9", ".", "back", "clear", "next". Each button's window name is "key/<key>".
    // `prefix` names the buttons, so two keypads (round and PIN) can be told apart.
    Keypad(wxWindow* parent, std::function<void(const wxString& key)> onKey,
           const wxString& prefix = "key/");
    // The "." key is offered only to fields that take decimals (temperature, oxygen flow). It is
    // greyed out, not hidden, so that no other key moves under a finger.
    void allowDecimal(bool allow);

private:
    wxWindow* m_point = nullptr;
};

} // namespace vigil::ui
