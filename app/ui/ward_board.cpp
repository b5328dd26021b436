#include "ui/ward_board.h"

#include "core/timefmt.h"
#include "ui/bed_tile.h"
#include "ui/segmented.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <algorithm>
#include <fmt/format.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

namespace {
constexpr int kColumns = 4; // three rows of four: twelve beds at 1280x800
}

WardBoard::WardBoard(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "ward-board"),
      m_context(context) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    const int gap = FromDIP(3);
    // Admit on the left: every screen that comes back here has its "back" at the top right, so
    // a double tap on it must find words there, never the admit form (issue 14).
    auto* admit = touchButton(this, "Admit patient", "admit");
    admit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runCommand("patient/admit", m_context); });
    head->Add(admit, wxSizerFlags().Border(wxALL, gap));
    head->Add(label(this, "Recovery \u00b7 ward board", 1.4, true),
              wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    // The order toggle left of the words: the top right stays words, where other screens have
    // their "back" (a double tap on it must not land on an action here).
    m_orderChoice = new SegmentedChoice(this, "board/order", {"By urgency", "By bed"}, 110);
    m_orderChoice->setSelection(0);
    m_orderChoice->onChange([this](std::optional<int> chosen) {
        // Tapping the chosen one again keeps it: the board is always in one order or the other.
        setOrder(chosen ? (*chosen == 1 ? ward::BoardOrder::Bed : ward::BoardOrder::Urgency)
                        : m_order);
    });
    head->Add(m_orderChoice, wxSizerFlags().CenterVertical().Border(wxALL, gap));
    // What the charge nurse counts, and the order the tiles are in, in words.
    auto* words = new wxBoxSizer(wxVERTICAL);
    m_summary = label(this, "", 1.1, true, "board-summary");
    m_orderWords = label(this, "", 1.0, false, "board-order");
    words->Add(m_summary);
    words->Add(m_orderWords);
    head->Add(words, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(8)));
    s->Add(head, wxSizerFlags().Expand());
    m_tiles =
        new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL, "tiles");
    m_tiles->SetScrollRate(0, FromDIP(20));
    s->Add(m_tiles, wxSizerFlags(1).Expand());
    SetSizer(s);
    // Rebuilt only once a hold has ended: a tile is never rebuilt under a finger for nothing.
    m_release.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        auto now = m_context.ward.clock().now();
        bool ended = std::ranges::any_of(
            m_acknowledged, [&](auto& a) { return now - a.second >= kHoldAfterAcknowledge; });
        if (ended && IsShownOnScreen())
            refresh();
        else if (!m_acknowledged.empty())
            m_release.StartOnce(1000);
    });
}

void WardBoard::setOrder(ward::BoardOrder order) {
    m_order = order;
    m_orderChoice->setSelection(order == ward::BoardOrder::Bed ? 1 : 0);
    refresh();
}

void WardBoard::refresh() {
    auto beds = m_context.ward.board();
    ward::orderBoard(beds, m_order);
    auto now = m_context.ward.clock().now();
    m_tiles->Freeze();
    m_tiles->DestroyChildren();
    // A hold ends once the ward's clock has moved on; the tile then shows its next action.
    std::erase_if(m_acknowledged, [&](auto& a) { return now - a.second >= kHoldAfterAcknowledge; });
    if (!m_acknowledged.empty()) m_release.StartOnce(1000);
    auto acknowledging = [this](StayId id) { m_acknowledged[id] = m_context.ward.clock().now(); };
    auto* margin = new wxBoxSizer(wxVERTICAL); // the outer tiles' borders inside the screen
    if (beds.empty()) {
        margin->Add(label(m_tiles,
                          "No patients on the ward. Tap \u201cAdmit patient\u201d to add one.",
                          1.3),
                    wxSizerFlags().Border());
    } else {
        // Four tiles a row, every cell the same size: a quarter of the width whatever the number
        // of beds, each as high as the others (ui/bed_tile.h), at their own height: a single row
        // is not stretched down the screen.
        auto* grid = new wxGridSizer(kColumns, FromDIP(4), FromDIP(4));
        for (auto& bed : beds) {
            auto held = m_acknowledged.find(bed.stay.id);
            grid->Add(makeBedTile(m_tiles, bed, m_context, now,
                                  held == m_acknowledged.end() ? std::nullopt
                                                               : std::optional(held->second),
                                  acknowledging),
                      wxSizerFlags().Expand());
        }
        margin->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(2)));
    }
    m_tiles->SetSizer(margin);
    m_tiles->FitInside();
    m_tiles->Thaw();
    int ackOverdue = 0, roundsOverdue = 0;
    for (auto& b : beds) {
        for (auto& e : b.openEscalations)
            ackOverdue += acknowledgementOverdue(e, now, m_context.ward.acknowledgeWithin());
        roundsOverdue += b.overdueMinutes > 0;
    }
    std::string summary = fmt::format("{} patient{} \u00b7 {}", beds.size(),
                                      beds.size() == 1 ? "" : "s", formatLocalTime(now));
    if (ackOverdue)
        summary += fmt::format(" \u00b7 \u26a0 {} acknowledgement{} overdue", ackOverdue,
                               ackOverdue == 1 ? "" : "s");
    if (roundsOverdue)
        summary +=
            fmt::format(" \u00b7 {} round{} overdue", roundsOverdue, roundsOverdue == 1 ? "" : "s");
    m_summary->SetLabel(wxString::FromUTF8(summary));
    m_summary->SetForegroundColour(ackOverdue ? refusedColour() : wxNullColour);
    m_orderWords->SetLabel(wxString::FromUTF8(ward::boardOrderWords(m_order)));
    Layout();
}

} // namespace vigil::ui
