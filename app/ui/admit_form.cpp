#include "ui/admit_form.h"

#include "core/timefmt.h"
#include "ui/segmented.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>
#include <wx/wrapsizer.h>

namespace vigil::ui {

using namespace std::chrono;

namespace {
constexpr int kLabelDip = 220; // "Scale 2 prescribed by"
constexpr int kFieldDip = 360;

// "13:40" means the most recent 13:40 in local time: today, or yesterday if that is still ahead.
std::optional<TimePoint> recentLocalTime(const std::string& text, TimePoint now) {
    unsigned h = 0, m = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%2u:%2u%c", &h, &m, &tail) != 2 || h > 23 || m > 59)
        return std::nullopt;
    std::time_t t = system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&t, &local);
    local.tm_hour = static_cast<int>(h);
    local.tm_min = static_cast<int>(m);
    local.tm_sec = 0;
    local.tm_isdst = -1;
    auto at = floor<seconds>(system_clock::from_time_t(std::mktime(&local)));
    if (at > now) at -= hours(24);
    return at;
}

// Age over 65 is not offered: it comes from the date of birth, which cannot contradict it.
const std::vector<Named<RiskFactor>>& tickedRisks() {
    static const std::vector<Named<RiskFactor>> out = [] {
        std::vector<Named<RiskFactor>> v;
        for (auto& r : riskFactors())
            if (r.value != RiskFactor::Over65) v.push_back(r);
        return v;
    }();
    return out;
}

std::vector<wxToggleButton*> toggles(wxWindow* page, wxSizer* into, const char* prefix,
                                     auto table) {
    std::vector<wxToggleButton*> out;
    for (auto& n : table) {
        auto* b =
            new wxToggleButton(page, wxID_ANY, wxString::FromUTF8(n.label.data(), n.label.size()),
                               wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                               wxString(prefix) + wxString::FromUTF8(n.code.data(), n.code.size()));
        b->SetMinSize(wxSize(-1, page->FromDIP(kTouchDip)));
        b->Bind(wxEVT_TOGGLEBUTTON, [b](wxCommandEvent&) {
            // A chosen drug or risk reads bold as well as pressed.
            wxFont f = b->GetFont();
            f.SetWeight(b->GetValue() ? wxFONTWEIGHT_BOLD : wxFONTWEIGHT_NORMAL);
            b->SetFont(f);
        });
        into->Add(b, wxSizerFlags().Border(wxALL, page->FromDIP(2)));
        out.push_back(b);
    }
    return out;
}
} // namespace

wxTextCtrl* AdmitForm::addText(wxWindow* page, wxSizer* grid, const char* key,
                               const wxString& title, const wxString& hint) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* name = label(page, title, 1.1, true);
    name->SetMinSize(wxSize(FromDIP(kLabelDip), -1));
    row->Add(name, wxSizerFlags().CenterVertical());
    auto* t = new wxTextCtrl(page, wxID_ANY, "", wxDefaultPosition,
                             wxSize(FromDIP(kFieldDip), FromDIP(kTouchDip)), 0, wxDefaultValidator,
                             wxString("admit/") + key);
    t->SetFont(scaled(t->GetFont(), 1.3));
    t->SetHint(hint);
    row->Add(t, wxSizerFlags().Border(wxLEFT, FromDIP(12)));
    grid->Add(row);
    // Under the label and the field, one line reserved: a message appearing moves nothing.
    auto* msg = reservedLabel(page, kLabelDip + 12 + kFieldDip, 1, 1.0, false,
                              wxString("admit-message/") + key);
    msg->SetForegroundColour(refusedColour());
    grid->Add(msg, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    m_text[key] = t;
    m_messages[key] = msg;
    return t;
}

AdmitForm::AdmitForm(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "admit-form"),
      m_context(context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(label(this, "Admit a patient", 1.6, true), wxSizerFlags(1).CenterVertical());
    auto* back = touchButton(this, "Cancel", "admit/cancel");
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runCommand("ward/board", m_context); });
    header->Add(back);
    top->Add(header, wxSizerFlags().Expand().Border());

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* grid = new wxBoxSizer(wxVERTICAL);
    addText(this, grid, "bed", "Bed", "e.g. 4");
    addText(this, grid, "name", "Name", "as on the wristband");
    addText(this, grid, "mrn", "MRN", "hospital number");
    addText(this, grid, "date_of_birth", "Date of birth", "YYYY-MM-DD (gives age over 65)");
    addText(this, grid, "since", "Implant or fill at", "HH:MM, within the last 24 h");
    addText(this, grid, "scale2_prescribed_by", "Scale 2 prescribed by",
            "clinician's name, only for SpO2 scale 2");
    body->Add(grid, wxSizerFlags().Border());

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(label(this, "Procedure", 1.1, true));
    std::vector<wxString> procs;
    for (auto& p : procedures())
        procs.emplace_back(wxString::FromUTF8(p.label.data(), p.label.size()));
    m_procedure = new SegmentedChoice(this, "admit/procedure", procs, 110);
    right->Add(m_procedure, wxSizerFlags().Border(wxBOTTOM));
    right->Add(label(this, "Drugs in the pump", 1.1, true));
    auto* drugRow = new wxWrapSizer(wxHORIZONTAL);
    m_drugs = toggles(this, drugRow, "admit/drug/", drugs());
    right->Add(drugRow, wxSizerFlags().Expand().Border(wxBOTTOM));
    right->Add(label(this, "Risk factors", 1.1, true));
    auto* riskRow = new wxWrapSizer(wxHORIZONTAL);
    m_risks = toggles(this, riskRow, "admit/risk/", tickedRisks());
    right->Add(riskRow, wxSizerFlags().Expand().Border(wxBOTTOM));
    right->Add(label(this, "SpO2 scale (NEWS2)", 1.1, true));
    m_scale = new SegmentedChoice(this, "admit/scale", {"Scale 1", "Scale 2"}, 120);
    right->Add(m_scale, wxSizerFlags().Border(wxBOTTOM));
    right->Add(label(this, "Pain goal (0-10)", 1.1, true));
    std::vector<wxString> goals;
    for (int i = 0; i <= 10; ++i)
        goals.push_back(wxString::Format("%d", i));
    // Two rows (0-5, 6-10): in one, 9 and 10 fell off a 1280x800 screen.
    m_painGoal = new SegmentedChoice(this, "admit/pain_goal", goals, 48, 6);
    right->Add(m_painGoal);
    m_messages["other"] = reservedLabel(this, -1, 3, 1.0, false, "admit-message/other");
    m_messages["other"]->SetForegroundColour(refusedColour());
    right->Add(m_messages["other"], wxSizerFlags().Expand().Border(wxTOP));
    body->Add(right, wxSizerFlags(1).Border());
    top->Add(body, wxSizerFlags(1).Expand());

    auto* save = touchButton(this, "Admit", "admit/save");
    save->SetMinSize(wxSize(FromDIP(240), FromDIP(64)));
    save->SetFont(scaled(save->GetFont(), 1.2, true));
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { admit(); });
    top->Add(save, wxSizerFlags().Right().Border());
    SetSizer(top);
}

void AdmitForm::start() {
    for (auto& [k, t] : m_text)
        t->Clear();
    for (auto& [k, m] : m_messages)
        sayIn(m, "");
    for (auto* b : m_drugs)
        b->SetValue(false);
    for (auto* b : m_risks)
        b->SetValue(false);
    m_procedure->setSelection(0);
    m_scale->setSelection(0);
    m_painGoal->setSelection(3);
    m_text["since"]->SetValue(wxString::FromUTF8(formatLocalTime(m_context.ward.clock().now())));
    m_text["bed"]->SetFocus();
}

void AdmitForm::admit() {
    for (auto& [k, m] : m_messages)
        sayIn(m, "");
    Stay s;
    auto text = [this](const char* k) {
        return m_text[k]->GetValue().Trim().Trim(false).utf8_string();
    };
    s.bed = text("bed");
    s.name = text("name");
    s.mrn = text("mrn");
    s.dateOfBirth = text("date_of_birth");
    s.procedure = procedures()[m_procedure->selection().value_or(0)].value;
    for (size_t i = 0; i < m_drugs.size(); ++i)
        if (m_drugs[i]->GetValue()) s.drugs.push_back(drugs()[i].value);
    for (size_t i = 0; i < m_risks.size(); ++i)
        if (m_risks[i]->GetValue()) s.risks.push_back(tickedRisks()[i].value);
    s.spo2Scale = m_scale->selection().value_or(0) + 1;
    s.scale2PrescribedBy = text("scale2_prescribed_by");
    s.painGoal = m_painGoal->selection().value_or(3);

    auto since = recentLocalTime(text("since"), m_context.ward.clock().now());
    if (!since) {
        sayIn(m_messages["since"],
              wxString::FromUTF8(fmt::format("\u2716 \"{}\" is not a time: enter HH:MM, e.g. 13:40",
                                             text("since"))));
        return;
    }
    s.since = *since;
    try {
        // A person admitting has the wristband: the date of birth is required here.
        auto out = m_context.ward.admit(s, m_context.staff(), DateOfBirthNeeded::Yes);
        for (auto& p : out.problems) {
            auto it = m_messages.find(p.field);
            auto* msg = it != m_messages.end() ? it->second : m_messages["other"];
            sayIn(msg, msg->GetLabel() + (msg->GetLabel().empty() ? "" : "\n") +
                           wxString::FromUTF8("\u2716 " + p.message));
        }
        if (out.admitted) runCommand("ward/board", m_context);
    } catch (const ward::NotSaved& e) {
        sayIn(m_messages["other"],
              wxString::FromUTF8(std::string("\u2716 ") + e.what() + ". Tap Admit again."));
    }
}

} // namespace vigil::ui
