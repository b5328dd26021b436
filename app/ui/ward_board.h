#pragma once
// The ward board: one tile per occupied bed, with hours since implant or fill, the last round,
// NEWS2 (number, band word, symbol and colour) and POSS. Admit from here; tap a tile's buttons
// to record a round or open the chart.
#include "ui/commands.h"

#include <wx/panel.h>

class wxScrolledWindow;
class wxStaticText;

namespace vigil::ui {

class WardBoard : public wxPanel {
public:
    WardBoard(wxWindow* parent, Context context);
    void refresh();

private:
    Context m_context;
    wxScrolledWindow* m_tiles;
    wxStaticText* m_summary;
};

} // namespace vigil::ui
