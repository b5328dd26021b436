#include "ui/ward_board.h"

#include "core/sedation.h"
#include "core/timefmt.h"
#include "ui/flag_card.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

namespace {
wxString utf8(const std::string& s) {
    return wxString::FromUTF8(s);
}

wxPanel* makeTile(wxWindow* parent, const ward::BedView& bed, Context context, TimePoint now) {
    const Stay& stay = bed.stay;
    auto* tile = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE,
                             "tile/" + utf8(stay.bed));
    tile->SetBackgroundColour(wxColour(250, 250, 250));
    auto* s = new wxBoxSizer(wxVERTICAL);

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(label(tile, utf8("Bed " + stay.bed), 1.6, true), wxSizerFlags().CenterVertical());
    head->AddStretchSpacer();
    head->Add(label(tile,
                    utf8(fmt::format("{} since {}", formatDuration(now - stay.since),
                                     stay.procedure == Procedure::Refill ? "fill" : "implant")),
                    1.0),
              wxSizerFlags().CenterVertical());
    s->Add(head, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));
    s->Add(label(tile, utf8(stay.name), 1.25, true), wxSizerFlags().Border(wxLEFT | wxRIGHT));

    std::string last = bed.lastRound ? fmt::format("Last round {} ({} ago)",
                                                   formatLocalTime(bed.lastRound->takenAt),
                                                   formatDuration(now - bed.lastRound->takenAt))
                                     : "No round yet";
    s->Add(label(tile, utf8(last), 1.05), wxSizerFlags().Border(wxLEFT | wxRIGHT));

    // The NEWS2 badge: symbol, number, band word, and colour.
    auto* badge =
        new wxPanel(tile, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "news2/" + utf8(stay.bed));
    auto* bs = new wxBoxSizer(wxHORIZONTAL);
    wxStaticText* text;
    if (bed.news2) {
        const auto& n = *bed.news2;
        badge->SetBackgroundColour(bandColour(n.band));
        text = label(badge,
                     bandSymbol(n.band) +
                         utf8(fmt::format(" NEWS2 {}{} \u00b7 {}", n.complete ? "" : "\u2265",
                                          n.total, news2::bandWord(n.band))),
                     1.35, true);
        text->SetForegroundColour(bandTextColour(n.band));
    } else {
        badge->SetBackgroundColour(wxColour(224, 224, 224));
        text = label(badge, "NEWS2 \u2014 not yet scored", 1.2, true);
    }
    text->SetName("news2-text/" + utf8(stay.bed));
    bs->Add(text, wxSizerFlags(1).Border(wxALL, parent->FromDIP(6)));
    badge->SetSizer(bs);
    s->Add(badge, wxSizerFlags().Expand().Border());

    std::string possText = "POSS \u2014";
    if (bed.lastRound && bed.lastRound->poss)
        possText = fmt::format("POSS {} \u00b7 {}", poss::code(*bed.lastRound->poss),
                               poss::meaning(*bed.lastRound->poss));
    auto* possLabel =
        label(tile, utf8(possText), 1.05,
              bed.lastRound && bed.lastRound->poss && !poss::acceptable(*bed.lastRound->poss));
    s->Add(possLabel, wxSizerFlags().Border(wxLEFT | wxRIGHT));

    // The highest open flag, in its level's word, symbol and colour.
    auto* flagPanel = new wxPanel(tile, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "flag-badge/" + utf8(stay.bed));
    auto* fs = new wxBoxSizer(wxHORIZONTAL);
    wxStaticText* flagText;
    if (const rules::Flag* top = highestAlert(bed.openFlags)) {
        flagPanel->SetBackgroundColour(levelColour(top->level));
        flagText = label(flagPanel, levelSymbol(top->level) + " " + levelWord(top->level) + utf8(" \u00b7 " + top->message), 1.05, true);
        flagText->SetForegroundColour(levelTextColour(top->level));
    } else {
        flagText = label(flagPanel, "No open flags", 1.0);
    }
    flagText->SetName("flag-text/" + utf8(stay.bed));
    flagText->Wrap(parent->FromDIP(280));
    fs->Add(flagText, wxSizerFlags(1).Border(wxALL, parent->FromDIP(4)));
    flagPanel->SetSizer(fs);
    s->Add(flagPanel, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* round = touchButton(tile, "Round", "round/" + utf8(stay.bed));
    auto* chart = touchButton(tile, "Chart", "chart/" + utf8(stay.bed));
    StayId id = stay.id;
    round->Bind(wxEVT_BUTTON, [context, id](wxCommandEvent&) mutable {
        context.stay = id;
        runCommand("round/record", context);
    });
    chart->Bind(wxEVT_BUTTON, [context, id](wxCommandEvent&) mutable {
        context.stay = id;
        runCommand("patient/chart", context);
    });
    buttons->Add(round, wxSizerFlags(1).Expand().Border(wxRIGHT));
    buttons->Add(chart, wxSizerFlags(1).Expand());
    s->Add(buttons, wxSizerFlags().Expand().Border());
    tile->SetSizer(s);
    return tile;
}
} // namespace

WardBoard::WardBoard(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "ward-board"),
      m_context(context) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(label(this, "Recovery \u00b7 ward board", 1.6, true),
              wxSizerFlags().CenterVertical().Border());
    m_summary = label(this, "", 1.1);
    head->Add(m_summary, wxSizerFlags(1).CenterVertical().Border());
    auto* admit = touchButton(this, "Admit patient", "admit");
    admit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runCommand("patient/admit", m_context); });
    head->Add(admit, wxSizerFlags().Border());
    s->Add(head, wxSizerFlags().Expand());
    m_tiles =
        new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL, "tiles");
    m_tiles->SetScrollRate(0, FromDIP(20));
    s->Add(m_tiles, wxSizerFlags(1).Expand());
    SetSizer(s);
}

void WardBoard::refresh() {
    auto beds = m_context.ward.board();
    auto now = m_context.ward.clock().now();
    m_tiles->Freeze();
    m_tiles->DestroyChildren();
    // Four tiles a row at their natural height; columns share the width.
    auto* grid = new wxFlexGridSizer(4, FromDIP(8), FromDIP(8));
    for (int c = 0; c < 4; ++c) grid->AddGrowableCol(c, 1);
    for (auto& bed : beds)
        grid->Add(makeTile(m_tiles, bed, m_context, now), wxSizerFlags().Expand());
    if (beds.empty())
        grid->Add(label(m_tiles,
                        "No patients on the ward. Tap \u201cAdmit patient\u201d to add one.", 1.3));
    m_tiles->SetSizer(grid);
    m_tiles->FitInside();
    m_tiles->Thaw();
    m_summary->SetLabel(wxString::FromUTF8(
        fmt::format("{} patient{} \u00b7 {}", beds.size(), beds.size() == 1 ? "" : "s", formatLocalTime(now))));
    Layout();
}

} // namespace vigil::ui
