#pragma once
// The patient's trends: RR, SpO2, pulse, systolic BP, temperature, POSS and pain over the stay,
// each with its NEWS2 bands shaded, drawn through wxGraphicsContext (wxGCDC).
#include "core/observation.h"

#include <wx/panel.h>

#include <vector>

namespace vigil::ui {

class TrendPanel : public wxPanel {
public:
    explicit TrendPanel(wxWindow* parent);
    void show(std::vector<ObservationRound> rounds); // oldest first

private:
    void paint();
    std::vector<ObservationRound> m_rounds;
};

} // namespace vigil::ui
