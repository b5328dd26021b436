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
};

// Applies a key to the text of a field; returns the new text. "next" leaves it unchanged.
wxString applyKey(const wxString& text, const wxString& key);

} // namespace vigil::ui
