#include "ui/trend_panel.h"

#include "report/trend.h"

#include <wx/dcbuffer.h>
#include <wx/dcgraph.h>

namespace vigil::ui {

TrendPanel::TrendPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "trends") {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void TrendPanel::show(std::vector<ObservationRound> rounds) {
    m_rounds = std::move(rounds);
    Refresh();
}

void TrendPanel::paint() {
    wxAutoBufferedPaintDC buffered(this);
    wxGCDC dc(buffered); // anti-aliased lines through wxGraphicsContext
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    // Four across, two down: each chart big enough to read at arm's length on a tablet.
    wxSize size = GetClientSize();
    int cols = 4, rows = 2, gap = FromDIP(10);
    int w = (size.x - gap * (cols + 1)) / cols, h = (size.y - gap * (rows + 1)) / rows;
    int i = 0;
    for (auto key : report::kTrendKeys) {
        int c = i % cols, r = i / cols;
        report::drawTrendChart(dc, wxRect(gap + c * (w + gap), gap + r * (h + gap), w, h), m_rounds,
                               key);
        ++i;
    }
}

} // namespace vigil::ui
