#pragma once
// A row of big toggle buttons of which at most one is chosen: ACVPU, POSS, graded side effects.
// Nothing chosen means "not recorded"; tapping the chosen button again clears it.
#include <wx/panel.h>
#include <wx/tglbtn.h>

#include <functional>
#include <optional>
#include <vector>

namespace vigil::ui {

class SegmentedChoice : public wxPanel {
public:
    // `name` prefixes each button's window name: "acvpu" gives "acvpu/0", "acvpu/1"...
    // `perRow` > 0 wraps the buttons into rows of that many (RASS's ten fit 1280x800 in two).
    // `heightDip` 0 is the usual touch height (kTouchDip). A compact row (`heightDip` given, never
    // below 48) also lets each button be as narrow as its words and `buttonWidthDip` allow,
    // rather than GTK's default button width: the round form's checklist fits 1280x800 that way.
    SegmentedChoice(wxWindow* parent, const wxString& name, const std::vector<wxString>& labels,
                    int buttonWidthDip = 56, int perRow = 0, int heightDip = 0);
    std::optional<int> selection() const { return m_selection; }
    void setSelection(std::optional<int> index);
    void onChange(std::function<void(std::optional<int>)> f) { m_onChange = std::move(f); }

private:
    void choose(int index);
    std::vector<wxToggleButton*> m_buttons;
    std::optional<int> m_selection;
    std::function<void(std::optional<int>)> m_onChange;
};

} // namespace vigil::ui
