#pragma once
// What the nurse sees right after Save: the NEWS2 band in word, symbol and colour, each
// sub-score with its value, and POSS with what it means.
#include "ward/ward.h"

#include <wx/panel.h>
#include <wx/scrolwin.h>

#include <functional>

class wxStaticText;
class wxFlexGridSizer;

namespace vigil::ui {

class RoundOutcomeView : public wxPanel {
public:
    RoundOutcomeView(wxWindow* parent, std::function<void()> onDone);
    void show(const Stay& stay, const ward::RoundOutcome& outcome);

private:
    wxPanel* m_bandBar;
    wxStaticText* m_band;
    wxStaticText* m_response;
    wxStaticText* m_title;
    wxStaticText* m_poss;
    wxPanel* m_grid;
    wxScrolledWindow* m_flags;
};

} // namespace vigil::ui
