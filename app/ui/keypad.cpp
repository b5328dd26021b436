#include "ui/keypad.h"

#include "ui/theme.h"

#include <string_view>
#include <wx/button.h>
#include <wx/sizer.h>

namespace vigil::ui {

Keypad::Keypad(wxWindow* parent, std::function<void(const wxString&)> onKey, const wxString& prefix)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "keypad") {
    struct Key {
        const char* key;
        wxString label;
    };
    const Key keys[] = {
        {"7", "7"}, {"8", "8"}, {"9", "9"}, {"back", wxString::FromUTF8("\u232b")},
        {"4", "4"}, {"5", "5"}, {"6", "6"}, {"clear", "Clear"},
        {"1", "1"}, {"2", "2"}, {"3", "3"}, {"next", wxString::FromUTF8("Next \u25b6")},
        {".", "."}, {"0", "0"}};
    auto* grid = new wxGridSizer(4, FromDIP(4), FromDIP(4));
    for (auto& k : keys) {
        auto* b = new wxButton(this, wxID_ANY, k.label, wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, prefix + k.key);
        b->SetMinSize(wxSize(FromDIP(68), FromDIP(64)));
        // Digits large; the word keys smaller so that "Clear" and "Next" fit the same key.
        b->SetFont(scaled(b->GetFont(), std::string_view(k.key).size() > 1 ? 1.2 : 1.8, true));
        wxString key = k.key;
        b->Bind(wxEVT_BUTTON, [onKey, key](wxCommandEvent&) { onKey(key); });
        grid->Add(b, wxSizerFlags().Expand());
        if (key == ".") m_point = b;
    }
    SetSizer(grid);
}

void Keypad::allowDecimal(bool allow) {
    if (m_point) m_point->Enable(allow);
}

} // namespace vigil::ui
