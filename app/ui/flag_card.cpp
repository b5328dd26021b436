#include "ui/flag_card.h"

#include "ui/theme.h"

#include <fmt/format.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

wxPanel* makeFlagCard(wxWindow* parent, const rules::Flag& f, int wrapWidth) {
    auto* card = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE,
                             wxString::FromUTF8("flag/" + f.rule));
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* strip = new wxPanel(card);
    strip->SetBackgroundColour(levelColour(f.level));
    auto* stripSizer = new wxBoxSizer(wxHORIZONTAL);
    auto* head = label(strip,
                       levelSymbol(f.level) + " " + levelWord(f.level) + "  " +
                           wxString::FromUTF8(f.message),
                       1.2, true);
    head->SetForegroundColour(levelTextColour(f.level));
    head->Wrap(wrapWidth);
    stripSizer->Add(head, wxSizerFlags(1).Border(wxALL, parent->FromDIP(6)));
    strip->SetSizer(stripSizer);
    s->Add(strip, wxSizerFlags().Expand());
    std::string because;
    for (auto& b : f.because)
        because += (because.empty() ? "" : "; ") + b;
    auto* why =
        label(card,
              wxString::FromUTF8(fmt::format("Because: {}{}", because,
                                             f.raised ? "" : " (still open, not raised again)")),
              1.0, false, "flag/because");
    makeReadable(why);
    why->Wrap(wrapWidth);
    s->Add(why, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, parent->FromDIP(6)));
    auto* action = label(card, wxString::FromUTF8("Do: " + f.action), 1.05, true, "flag/do");
    makeReadable(action, true);
    action->Wrap(wrapWidth);
    s->Add(action, wxSizerFlags().Border(wxALL, parent->FromDIP(6)));
    card->SetSizer(s);
    return card;
}

const rules::Flag* highestAlert(const std::vector<rules::Flag>& flags) {
    for (auto& f : flags)
        if (f.level >= rules::Level::Watch) return &f; // sorted highest first
    return nullptr;
}

} // namespace vigil::ui
