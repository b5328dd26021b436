#pragma once
// The ward board: one tile per occupied bed, with hours since implant or fill, the last round,
// NEWS2 (number, band word, symbol and colour) and POSS. Admit from here; tap a tile's buttons
// to record a round or open the chart.
#include "ui/commands.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <map>

class wxScrolledWindow;
class wxStaticText;

namespace vigil::ui {

class WardBoard : public wxPanel {
public:
    WardBoard(wxWindow* parent, Context context);
    void refresh();

    // After Acknowledge the button's place holds a plain "acknowledged" for a moment (by the
    // ward's clock): a second quick tap must not acknowledge the bed's next escalation or open
    // the one just acknowledged (issue 14).
    static constexpr std::chrono::seconds kHoldAfterAcknowledge{3};

private:
    Context m_context;
    std::map<StayId, TimePoint> m_acknowledged; // when this tablet last acknowledged for the bed
    wxTimer m_release;
    wxScrolledWindow* m_tiles;
    wxStaticText* m_summary;
};

} // namespace vigil::ui
