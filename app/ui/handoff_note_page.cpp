#include "ui/handoff_note_page.h"

#include "ui/segmented.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace vigil::ui {

HandoffNotePage::HandoffNotePage(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "handoff-note"),
      m_context(context) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    m_title = label(this, "", 1.6, true);
    head->Add(m_title, wxSizerFlags(1).CenterVertical());
    auto* back = touchButton(this, "Back to chart", "note/back");
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runCommand("patient/chart", m_context); });
    head->Add(back);
    s->Add(head, wxSizerFlags().Expand().Border());
    m_proposal = label(this, "", 1.1, false, "note/proposal");
    s->Add(m_proposal, wxSizerFlags().Border());
    s->Add(label(this, "Illness severity for the next shift", 1.1, true), wxSizerFlags().Border());
    std::vector<wxString> words;
    for (auto& v : severities())
        words.push_back(wxString::FromUTF8(v.label.data(), v.label.size()));
    m_severity = new SegmentedChoice(this, "note/severity", words, 150);
    s->Add(m_severity, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    s->Add(label(this, "Why, if not what Vigil proposes"), wxSizerFlags().Border());
    m_reason = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition,
                              wxSize(FromDIP(700), FromDIP(kTouchDip)), 0, wxDefaultValidator,
                              "note/reason");
    m_reason->SetFont(scaled(m_reason->GetFont(), 1.2));
    s->Add(m_reason, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    s->Add(label(this, "Note for the next shift (printed on the handoff sheet)"),
           wxSizerFlags().Border());
    m_note =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(700), FromDIP(160)),
                       wxTE_MULTILINE, wxDefaultValidator, "note/text");
    m_note->SetFont(scaled(m_note->GetFont(), 1.2));
    s->Add(m_note, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    auto* save = touchButton(this, "Save note", "note/save");
    save->SetFont(scaled(save->GetFont(), 1.2, true));
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->save(); });
    s->Add(save, wxSizerFlags().Border());
    m_message = label(this, "", 1.1, true, "note/message");
    s->Add(m_message, wxSizerFlags().Border());
    SetSizer(s);
}

void HandoffNotePage::show(StayId stay) {
    m_context.stay = stay;
    auto st = m_context.ward.stay(stay);
    m_title->SetLabel(wxString::FromUTF8(
        st ? fmt::format("Handoff note \u00b7 Bed {} \u00b7 {}", st->bed, st->name)
           : "Handoff note"));
    auto proposed = m_context.ward.proposedSeverity(stay).value_or(Severity::Watcher);
    m_proposal->SetLabel(wxString::FromUTF8(
        fmt::format("Vigil proposes: {} (from the open flags, escalations and NEWS2)",
                    labelOf(severities(), proposed))));
    auto note = m_context.ward.handoffNote(stay);
    Severity chosen = note && note->severity ? *note->severity : proposed;
    m_severity->setSelection(static_cast<int>(chosen));
    m_reason->SetValue(note ? wxString::FromUTF8(note->severityReason) : wxString());
    m_note->SetValue(note ? wxString::FromUTF8(note->note) : wxString());
    m_message->SetLabel("");
    Layout();
}

void HandoffNotePage::save() {
    HandoffNote n;
    n.stay = m_context.stay.value_or(0);
    n.by = m_context.staff();
    if (auto i = m_severity->selection()) n.severity = severities()[*i].value;
    n.severityReason = m_reason->GetValue().Trim().Trim(false).utf8_string();
    n.note = m_note->GetValue().Trim().utf8_string();
    try {
        if (auto error = m_context.ward.saveHandoffNote(n)) {
            m_message->SetForegroundColour(refusedColour());
            m_message->SetLabel(wxString::FromUTF8("\u2716 " + *error));
        } else {
            m_message->SetForegroundColour(wxColour(20, 110, 40));
            m_message->SetLabel(
                wxString::FromUTF8("\u2714 Saved; it will be on the next handoff sheet"));
        }
    } catch (const ward::NotSaved& e) {
        // What was typed stays in the boxes: tap Save again.
        m_message->SetForegroundColour(refusedColour());
        m_message->SetLabel(wxString::FromUTF8(std::string("\u2716 ") + e.what()));
    }
    Layout();
}

} // namespace vigil::ui
