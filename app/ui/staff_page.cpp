#include "ui/staff_page.h"

#include "core/timefmt.h"
#include "ui/segmented.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace vigil::ui {

namespace {
wxTextCtrl* textField(wxWindow* parent, const char* name, long style, int widthDip = 300) {
    auto* t = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition,
                             wxSize(parent->FromDIP(widthDip), parent->FromDIP(kTouchDip)), style,
                             wxDefaultValidator, name);
    t->SetFont(scaled(t->GetFont(), 1.2));
    return t;
}
} // namespace

StaffPage::StaffPage(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "staff-page"),
      m_context(context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(label(this, "Staff and rule set", 1.6, true), wxSizerFlags(1).CenterVertical());
    auto* back = touchButton(this, "Ward board", "staff/back");
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runCommand("ward/board", m_context); });
    header->Add(back);
    top->Add(header, wxSizerFlags().Expand().Border());

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(label(this, "Add a person", 1.2, true));
    left->Add(label(this, "Full name"), wxSizerFlags().Border(wxTOP));
    m_name = textField(this, "staff/name", 0);
    left->Add(m_name);
    left->Add(label(this, "Role"), wxSizerFlags().Border(wxTOP));
    std::vector<wxString> roleLabels;
    for (auto& r : roles())
        roleLabels.push_back(wxString::FromUTF8(r.label.data(), r.label.size()));
    m_role = new SegmentedChoice(this, "staff/role", roleLabels, 130);
    left->Add(m_role);
    left->Add(label(this, "PIN (4-8 digits; tell them in person)"), wxSizerFlags().Border(wxTOP));
    m_pin = textField(this, "staff/pin", wxTE_PASSWORD, 200);
    left->Add(m_pin);
    auto* add = touchButton(this, "Add", "staff/add");
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addStaff(); });
    left->Add(add, wxSizerFlags().Border(wxTOP));
    m_addMessage = label(this, "", 1.0, true, "staff/add-message");
    left->Add(m_addMessage, wxSizerFlags().Border(wxTOP));

    left->Add(label(this, "New PIN for", 1.2, true), wxSizerFlags().Border(wxTOP, FromDIP(24)));
    m_pinFor =
        new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(300), FromDIP(kTouchDip)), 0,
                     nullptr, 0, wxDefaultValidator, "staff/pin-for");
    left->Add(m_pinFor, wxSizerFlags().Border(wxTOP));
    m_newPin = textField(this, "staff/new-pin", wxTE_PASSWORD, 200);
    left->Add(m_newPin, wxSizerFlags().Border(wxTOP));
    auto* setPin = touchButton(this, "Set new PIN", "staff/set-pin");
    setPin->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->setPin(); });
    left->Add(setPin, wxSizerFlags().Border(wxTOP));
    m_pinMessage = label(this, "", 1.0, true, "staff/pin-message");
    left->Add(m_pinMessage, wxSizerFlags().Border(wxTOP));
    body->Add(left, wxSizerFlags().Border(wxALL, FromDIP(12)));

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(label(this, "Who can sign in", 1.2, true));
    m_list = label(this, "", 1.05, false, "staff/list");
    right->Add(m_list, wxSizerFlags().Border(wxTOP));
    right->Add(label(this, "Rule set", 1.2, true), wxSizerFlags().Border(wxTOP, FromDIP(24)));
    m_rulesNow = label(this, "", 1.05, false, "staff/rules-now");
    right->Add(m_rulesNow, wxSizerFlags().Border(wxTOP));
    right->Add(label(this, "Rule file (checked before it is used)"), wxSizerFlags().Border(wxTOP));
    m_rulesPath = textField(this, "staff/rules-path", 0, 520);
    right->Add(m_rulesPath);
    auto* use = touchButton(this, "Use this rule file", "staff/rules-use");
    use->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseRules(); });
    right->Add(use, wxSizerFlags().Border(wxTOP));
    m_rulesMessage = label(this, "", 1.0, true, "staff/rules-message");
    right->Add(m_rulesMessage, wxSizerFlags().Border(wxTOP));
    body->Add(right, wxSizerFlags(1).Border(wxALL, FromDIP(12)));
    top->Add(body, wxSizerFlags(1).Expand());
    SetSizer(top);
}

void StaffPage::start() {
    std::string list;
    m_pinFor->Clear();
    m_pinForIds.clear();
    for (auto& s : m_context.ward.staff()) {
        list += fmt::format("{} \u00b7 {}{}\n", s.name, labelOf(roles(), s.role),
                            s.hasPin ? "" : " \u00b7 no PIN, cannot sign in");
        m_pinFor->Append(wxString::FromUTF8(s.name));
        m_pinForIds.push_back(s.id);
    }
    m_list->SetLabel(wxString::FromUTF8(list));
    auto& r = m_context.ward.rules();
    m_rulesNow->SetLabel(wxString::FromUTF8(fmt::format(
        "In use: {} {}{}", r.name, r.version, r.path.empty() ? " (built in)" : " from " + r.path)));
    for (auto* m : {m_addMessage, m_pinMessage, m_rulesMessage})
        m->SetLabel("");
    m_name->Clear();
    m_pin->Clear();
    m_newPin->Clear();
    m_role->setSelection(0);
    Layout();
}

void StaffPage::say(wxStaticText* where, const std::string& text, bool refused) {
    where->SetLabel(wxString::FromUTF8((refused ? "\u2716 " : "\u2714 ") + text));
    where->SetForegroundColour(refused ? refusedColour() : wxColour(20, 110, 40));
    where->Wrap(FromDIP(480));
    Layout();
}

void StaffPage::addStaff() {
    auto role = roles()[m_role->selection().value_or(0)].value;
    std::string name = m_name->GetValue().utf8_string();
    try {
        auto out =
            m_context.ward.addStaff(name, role, m_pin->GetValue().utf8_string(), m_context.staff());
        if (out.problem) return say(m_addMessage, *out.problem, true);
        start();
        say(m_addMessage, fmt::format("Added {} ({})", name, labelOf(roles(), role)), false);
    } catch (const ward::NotSaved& e) {
        say(m_addMessage, e.what(), true);
    }
}

void StaffPage::setPin() {
    int i = m_pinFor->GetSelection();
    if (i == wxNOT_FOUND) return say(m_pinMessage, "Choose whose PIN to set", true);
    try {
        if (auto error =
                m_context.ward.setPin(m_pinForIds[static_cast<size_t>(i)],
                                      m_newPin->GetValue().utf8_string(), m_context.staff()))
            return say(m_pinMessage, *error, true);
        m_newPin->Clear();
        say(m_pinMessage, "New PIN set for " + m_pinFor->GetString(i).utf8_string(), false);
    } catch (const ward::NotSaved& e) {
        say(m_pinMessage, e.what(), true);
    }
}

void StaffPage::chooseRules() {
    try {
        std::string path = m_rulesPath->GetValue().Trim().Trim(false).utf8_string();
        if (auto error = m_context.ward.chooseRules(path, m_context.staff()))
            return say(m_rulesMessage, *error, true);
        auto& r = m_context.ward.rules();
        start();
        say(m_rulesMessage, fmt::format("Now using {} {}", r.name, r.version), false);
    } catch (const ward::NotSaved& e) {
        say(m_rulesMessage, e.what(), true);
    }
}

} // namespace vigil::ui
