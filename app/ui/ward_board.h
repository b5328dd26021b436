#pragma once
// The ward board: one compact tile per occupied bed (ui/bed_tile.h), twelve fitting 1280x800,
// in urgency or bed order. Admit from here; tap a tile's buttons to record a round or open the
// chart.
#include "ui/commands.h"
#include "ward/board_order.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <map>

class wxScrolledWindow;
class wxStaticText;

namespace vigil::ui {

class SegmentedChoice;

class WardBoard : public wxPanel {
public:
    WardBoard(wxWindow* parent, Context context);
    void refresh();
    // The order chosen on this tablet: kept while Vigil runs, whoever signs in; urgency order
    // when it starts (README: "The ward board").
    ward::BoardOrder order() const { return m_order; }

    // After Acknowledge the button's place holds a plain "acknowledged" for a moment (by the
    // ward's clock): a second quick tap must not acknowledge the bed's next escalation or open
    // the one just acknowledged (issue 14).
    static constexpr std::chrono::seconds kHoldAfterAcknowledge{3};

private:
    void setOrder(ward::BoardOrder order);

    Context m_context;
    ward::BoardOrder m_order = ward::BoardOrder::Urgency;
    std::map<StayId, TimePoint> m_acknowledged; // when this tablet last acknowledged for the bed
    wxTimer m_release;
    wxScrolledWindow* m_tiles;
    wxStaticText* m_summary;
    wxStaticText* m_orderWords;
    SegmentedChoice* m_orderChoice;
};

} // namespace vigil::ui
