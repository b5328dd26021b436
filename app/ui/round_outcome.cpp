#include "ui/round_outcome.h"

#include "core/amendment.h"
#include "core/sedation.h"
#include "core/timefmt.h"
#include "ui/flag_card.h"
#include "ui/theme.h"

#include <fmt/format.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

RoundOutcomeView::RoundOutcomeView(wxWindow* parent, std::function<void()> onDone)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL,
              "round-outcome") {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    m_title = label(this, "", 1.4, true);
    head->Add(m_title, wxSizerFlags(1).CenterVertical());
    // Top right, where the form had its own way back to the board: a second quick tap on Save
    // lands on the outcome's flags, never on an action (issue 14). The outcome stays until this.
    auto* done = touchButton(this, "Back to ward board", "outcome/done");
    done->SetMinSize(wxSize(FromDIP(280), FromDIP(kTouchDip)));
    done->Bind(wxEVT_BUTTON, [onDone](wxCommandEvent&) { onDone(); });
    head->Add(done);
    s->Add(head, wxSizerFlags().Expand().Border());
    m_bandBar = new wxPanel(this);
    auto* bar = new wxBoxSizer(wxVERTICAL);
    m_band = new wxStaticText(m_bandBar, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0,
                              "outcome/band");
    m_band->SetFont(scaled(m_band->GetFont(), 2.4, true));
    m_response = new wxStaticText(m_bandBar, wxID_ANY, "");
    m_response->SetFont(scaled(m_response->GetFont(), 1.3));
    bar->Add(m_band, wxSizerFlags().Border());
    bar->Add(m_response, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM));
    m_bandBar->SetSizer(bar);
    s->Add(m_bandBar, wxSizerFlags().Expand().Border());
    // Left: the NEWS2 sub-scores and POSS. Right: the flags, highest level first.
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    m_grid = new wxPanel(this);
    left->Add(m_grid, wxSizerFlags().Border());
    m_poss =
        new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "outcome/poss");
    m_poss->SetFont(scaled(m_poss->GetFont(), 1.4, true));
    left->Add(m_poss, wxSizerFlags().Border());
    body->Add(left);
    m_flags = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL,
                                   "outcome/flags");
    m_flags->SetScrollRate(0, FromDIP(20));
    body->Add(m_flags, wxSizerFlags(1).Expand().Border());
    s->Add(body, wxSizerFlags(1).Expand());
    SetSizer(s);
}

void RoundOutcomeView::show(const Stay& stay, const ward::RoundOutcome& outcome) {
    const auto& n = outcome.news2;
    m_title->SetLabel(
        wxString::FromUTF8(fmt::format("Saved \u00b7 Bed {} \u00b7 {} \u00b7 {}", stay.bed,
                                       stay.name, formatLocalTime(outcome.round.takenAt))));
    m_bandBar->SetBackgroundColour(bandColour(n.band));
    m_band->SetForegroundColour(bandTextColour(n.band));
    m_response->SetForegroundColour(bandTextColour(n.band));
    m_band->SetLabel(
        bandSymbol(n.band) +
        wxString::FromUTF8(fmt::format("  NEWS2 {}{}  \u00b7  {}", n.complete ? "" : "at least ",
                                       n.total, news2::bandWord(n.band))));
    m_response->SetLabel(
        wxString::FromUTF8(std::string(news2::bandResponse(n.band)) +
                           (n.redScore ? " \u00b7 a single parameter scored 3" : "")));

    m_grid->DestroyChildren();
    auto* g = new wxFlexGridSizer(3, FromDIP(6), FromDIP(24));
    struct Row {
        const char* label;
        const char* key;
        std::optional<int> score;
    };
    const auto& p = n.parameters;
    const Row rows[] = {{"Respiration rate", "rr", p.rr},
                        {"SpO2", "spo2", p.spo2},
                        {"Air or oxygen", "o2", p.o2},
                        {"Systolic BP", "sbp", p.sbp},
                        {"Pulse", "hr", p.hr},
                        {"Consciousness", "acvpu", p.acvpu},
                        {"Temperature", "temp", p.temp}};
    for (auto& r : rows) {
        auto value = fieldText(outcome.round, r.key);
        std::string shown = value ? *value : "not measured";
        if (std::string_view(r.key) == "o2" && value) shown = *value == "yes" ? "oxygen" : "air";
        g->Add(label(m_grid, r.label, 1.25));
        g->Add(label(m_grid, wxString::FromUTF8(shown), 1.25, true));
        g->Add(
            label(m_grid,
                  r.score ? wxString::Format("scores %d", *r.score) : wxString::FromUTF8("\u2014"),
                  1.25, r.score && *r.score == 3));
    }
    m_grid->SetSizer(g);
    if (outcome.poss)
        m_poss->SetLabel(wxString::FromUTF8(fmt::format(
            "POSS {} \u00b7 {}{}{}", poss::code(*outcome.poss), poss::meaning(*outcome.poss),
            poss::acceptable(*outcome.poss) ? "" : "\n", poss::response(*outcome.poss))));
    else
        m_poss->SetLabel("POSS not recorded");
    m_poss->SetForegroundColour(outcome.poss && !poss::acceptable(*outcome.poss) ? refusedColour()
                                                                                 : wxNullColour);
    m_poss->Wrap(FromDIP(420));

    m_flags->DestroyChildren();
    auto* list = new wxBoxSizer(wxVERTICAL);
    int wrap = FromDIP(620);
    if (outcome.flags.empty())
        list->Add(label(m_flags, "No flags: nothing to escalate", 1.3, true),
                  wxSizerFlags().Border());
    for (auto& f : outcome.flags)
        list->Add(makeFlagCard(m_flags, f, wrap), wxSizerFlags().Expand().Border(wxBOTTOM));
    m_flags->SetSizer(list);
    m_flags->FitInside();
    Layout();
}

} // namespace vigil::ui
