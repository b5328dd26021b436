#include "ui/segmented.h"

#include "ui/theme.h"

#include <algorithm>
#include <wx/sizer.h>

namespace vigil::ui {

SegmentedChoice::SegmentedChoice(wxWindow* parent, const wxString& name,
                                 const std::vector<wxString>& labels, int buttonWidthDip,
                                 int perRow, int heightDip)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name) {
    wxSizer* row = perRow > 0 ? static_cast<wxSizer*>(new wxGridSizer(perRow, FromDIP(2), 0))
                              : new wxBoxSizer(wxHORIZONTAL);
    for (size_t i = 0; i < labels.size(); ++i) {
        auto* b = new wxToggleButton(this, wxID_ANY, labels[i], wxDefaultPosition, wxDefaultSize,
                                     heightDip > 0 ? wxBU_EXACTFIT : 0, wxDefaultValidator,
                                     wxString::Format("%s/%zu", name, i));
        b->SetFont(scaled(b->GetFont(), 1.1));
        b->SetMinSize(wxSize(std::max(FromDIP(buttonWidthDip), b->GetBestSize().x),
                             FromDIP(std::max(48, heightDip > 0 ? heightDip : kTouchDip))));
        b->Bind(wxEVT_TOGGLEBUTTON, [this, i](wxCommandEvent&) { choose(static_cast<int>(i)); });
        row->Add(b, wxSizerFlags(1).Expand().Border(wxRIGHT, FromDIP(2)));
        m_buttons.push_back(b);
    }
    SetSizer(row);
}

void SegmentedChoice::setSelection(std::optional<int> index) {
    m_selection = index;
    for (size_t i = 0; i < m_buttons.size(); ++i) {
        bool on = index && *index == static_cast<int>(i);
        m_buttons[i]->SetValue(on);
        // Pressed state plus bold type: the choice shows without relying on colour.
        wxFont f = m_buttons[i]->GetFont();
        f.SetWeight(on ? wxFONTWEIGHT_BOLD : wxFONTWEIGHT_NORMAL);
        m_buttons[i]->SetFont(f);
        if (on)
            m_buttons[i]->SetBackgroundColour(accentColour()),
                m_buttons[i]->SetForegroundColour(*wxWHITE);
        else
            m_buttons[i]->SetBackgroundColour(wxNullColour),
                m_buttons[i]->SetForegroundColour(wxNullColour);
    }
}

void SegmentedChoice::choose(int index) {
    setSelection(m_selection == index ? std::nullopt : std::optional(index));
    if (m_onChange) m_onChange(m_selection);
}

} // namespace vigil::ui
