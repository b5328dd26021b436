#include "ui/patient_chart.h"

#include "core/entry_check.h"

#include "core/timefmt.h"
#include "ui/dialogs.h"
#include "ui/theme.h"

#include "ui/trend_panel.h"
#include <fmt/format.h>

#include <wx/grid.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace vigil::ui {

namespace {
std::optional<int> news2Points(const news2::Parameters& p, std::string_view key) {
    if (key == "rr") return p.rr;
    if (key == "spo2") return p.spo2;
    if (key == "o2") return p.o2;
    if (key == "sbp") return p.sbp;
    if (key == "hr") return p.hr;
    if (key == "acvpu") return p.acvpu;
    if (key == "temp") return p.temp;
    return std::nullopt;
}
// The trend charts' band shades: 1 pale yellow, 2 pale orange, 3 pale red.
wxColour scoreShade(int points) {
    return points >= 3   ? wxColour(255, 205, 205)
           : points == 2 ? wxColour(255, 224, 178)
                         : wxColour(255, 246, 204);
}

// Rows of the grid: NEWS2 first, then every field a round holds.
std::vector<std::string> chartRows() {
    std::vector<std::string> rows{"news2", "rr", "spo2",  "o2",   "o2_flow", "sbp",
                                  "dbp",   "hr", "acvpu", "temp", "poss",    "pain"};
    for (auto& f : numberFields())
        if (std::ranges::find(rows, std::string(f.key)) == rows.end()) rows.emplace_back(f.key);
    for (auto& f : flagFields())
        if (std::ranges::find(rows, std::string(f.key)) == rows.end()) rows.emplace_back(f.key);
    rows.emplace_back("bleeding");
    rows.emplace_back("pocket_swelling");
    return rows;
}

} // namespace

PatientChart::PatientChart(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "patient-chart"),
      m_context(context) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_title = label(this, "", 1.6, true, "chart/title");
    s->Add(m_title, wxSizerFlags().Border());
    // Buttons wrap to a second line rather than run off a narrow screen.
    auto* head = new wxWrapSizer(wxHORIZONTAL);
    auto* round = touchButton(this, "Record round", "chart/round");
    round->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runCommand("round/record", m_context); });
    auto* correct = touchButton(this, "Correct value", "chart/correct");
    correct->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { correctSelected(); });
    m_discharge = touchButton(this, "Discharge", "chart/discharge");
    m_discharge->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        // Two taps, no pop-up: the first arms it and says so, the second discharges.
        if (!m_dischargeArmed) {
            m_dischargeArmed = true;
            m_discharge->SetLabel("Tap again to discharge");
            Layout();
            return;
        }
        runCommand("patient/discharge", m_context);
    });
    auto* back = m_back = touchButton(this, "Back to summary", "chart/back");
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        runCommand(m_backToSummary ? "shift/summary" : "ward/board", m_context);
    });
    auto* limit = touchButton(this, "Set limit", "chart/limit");
    limit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { setLimit(); });
    m_trendsButton = touchButton(this, "Trends", "chart/trends");
    m_trendsButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        bool toTrends = m_views->GetSelection() == 0;
        m_views->ChangeSelection(toTrends ? 1 : 0);
        m_trendsButton->SetLabel(toTrends ? "Table" : "Trends");
    });
    auto* note = touchButton(this, "Handoff note", "chart/handoff-note");
    note->Bind(wxEVT_BUTTON,
               [this](wxCommandEvent&) { runCommand("patient/handoff-note", m_context); });
    for (auto* b : {round, m_trendsButton, note, correct, limit, m_discharge, back})
        head->Add(b, wxSizerFlags().Border());
    s->Add(head, wxSizerFlags().Expand());
    m_nameAlert = label(this, "", 1.2, true, "chart/name-alert");
    s->Add(m_nameAlert, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    m_details = label(this, "", 1.1);
    s->Add(m_details, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    m_message = label(this, "", 1.1, true);
    m_message->SetForegroundColour(refusedColour());
    s->Add(m_message, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    m_views = new wxSimplebook(this);
    m_grid = new wxGrid(m_views, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS,
                        "chart/grid");
    m_grid->CreateGrid(0, 0);
    m_grid->EnableEditing(false);
    m_grid->SetDefaultCellFont(scaled(m_grid->GetDefaultCellFont(), 1.2));
    m_grid->SetDefaultRowSize(FromDIP(36), true);
    m_grid->SetRowLabelSize(FromDIP(220));
    m_grid->SetColLabelSize(FromDIP(52));
    m_trends = new TrendPanel(m_views);
    m_views->AddPage(m_grid, "table");
    m_views->AddPage(m_trends, "trends");
    s->Add(m_views, wxSizerFlags(1).Expand().Border());
    SetSizer(s);
}

void PatientChart::returnTo(bool summary) {
    m_backToSummary = summary;
    m_back->SetLabel(summary ? "Back to summary" : "Back to board");
}

void PatientChart::refresh() {
    if (!m_chart) return;
    bool armed = m_dischargeArmed;
    auto discharge = m_discharge->GetLabel(), message = m_message->GetLabel();
    auto trends = m_trendsButton->GetLabel();
    int view = m_views->GetSelection();
    show(m_chart->stay.id);
    m_dischargeArmed = armed;
    m_discharge->SetLabel(discharge);
    m_message->SetLabel(message);
    m_trendsButton->SetLabel(trends);
    m_views->ChangeSelection(static_cast<size_t>(view));
}

void PatientChart::show(StayId id) {
    m_context.stay = id;
    m_dischargeArmed = false;
    m_discharge->SetLabel("Discharge");
    m_message->SetLabel("");
    m_chart = m_context.ward.chart(id);
    if (!m_chart) return;
    std::vector<ObservationRound> oldestFirst;
    for (auto it = m_chart->rounds.rbegin(); it != m_chart->rounds.rend(); ++it)
        if (!it->round.enteredInError) oldestFirst.push_back(it->round.current);
    m_trends->show(std::move(oldestFirst));
    m_views->ChangeSelection(0);
    m_trendsButton->SetLabel("Trends");
    const Stay& st = m_chart->stay;
    auto now = m_context.ward.clock().now();
    m_title->SetLabel(wxString::FromUTF8(fmt::format("Bed {} \u00b7 {}", st.bed, st.name)));
    m_details->SetLabel(wxString::FromUTF8(
        fmt::format("MRN {} \u00b7 born {} \u00b7 {} {} ago \u00b7 pump: {} \u00b7 risks: {} "
                    "\u00b7 SpO2 scale "
                    "{}{} \u00b7 pain goal {}",
                    st.mrn, st.dateOfBirth.empty() ? "not recorded" : st.dateOfBirth,
                    labelOf(procedures(), st.procedure), formatDuration(now - st.since),
                    labelsOf(drugs(), st.drugs), riskFactorsText(st, now), st.spo2Scale,
                    st.spo2Scale == 2 ? " (prescribed by " + st.scale2PrescribedBy + ")" : "",
                    st.painGoal) +
        [&] {
            std::string limits;
            for (auto& l : m_context.ward.activeLimits(st.id))
                limits += "\n\u25c9 " + l.describe();
            return limits;
        }()));
    m_details->Wrap(GetClientSize().x > 0 ? GetClientSize().x - FromDIP(20) : FromDIP(1200));
    // Said first, in words and a symbol: two patients with one family name are easily mixed up.
    m_nameAlert->SetLabel(
        m_chart->nameAlert.empty()
            ? wxString()
            : wxString::FromUTF8("\u26a0 NAME ALERT: " + ward::nameAlertWords(m_chart->nameAlert) +
                                 ": check two identifiers (name, MRN)"));
    m_nameAlert->Show(!m_chart->nameAlert.empty());

    auto rows = chartRows();
    auto& rounds = m_chart->rounds;
    m_grid->Freeze();
    if (m_grid->GetNumberRows()) m_grid->DeleteRows(0, m_grid->GetNumberRows());
    if (m_grid->GetNumberCols()) m_grid->DeleteCols(0, m_grid->GetNumberCols());
    m_grid->AppendRows(static_cast<int>(rows.size()));
    m_grid->AppendCols(static_cast<int>(rounds.size()));
    for (size_t r = 0; r < rows.size(); ++r)
        m_grid->SetRowLabelValue(static_cast<int>(r),
                                 rows[r] == "news2"
                                     ? wxString("NEWS2")
                                     : wxString::FromUTF8(std::string(fieldLabel(rows[r]))));
    for (size_t c = 0; c < rounds.size(); ++c) {
        const auto& cr = rounds[c];
        int col = static_cast<int>(c);
        m_grid->SetColLabelValue(
            col, wxString::FromUTF8(formatLocalDayTime(cr.round.current.takenAt) +
                                    (cr.round.enteredInError ? "\nentered in error" : "")));
        for (size_t r = 0; r < rows.size(); ++r) {
            int row = static_cast<int>(r);
            std::string text;
            if (rows[r] == "news2") {
                text = fmt::format("{}{} {}", cr.news2.complete ? "" : "\u2265", cr.news2.total,
                                   news2::bandWord(cr.news2.band));
                m_grid->SetCellBackgroundColour(row, col, bandColour(cr.news2.band));
                m_grid->SetCellTextColour(row, col, bandTextColour(cr.news2.band));
            } else {
                auto now = fieldText(cr.round.current, rows[r]);
                // Empty is "not asked" on the checklist, apart from its "none" (issue 14).
                text = now ? *now : isChecklistItem(rows[r]) ? "not asked" : "";
                // A value that scores in NEWS2 says so in words and shade (issue 14).
                if (auto points = news2Points(cr.news2.parameters, rows[r]); points && *points > 0)
                    text += fmt::format(" (NEWS {})", *points);
                if (cr.round.amended(rows[r])) {
                    // Current value first, then what was charted before: the history stays in
                    // sight.
                    auto was = fieldText(cr.round.original, rows[r]);
                    text += fmt::format(" \u270e was {}", was ? *was : "\u2014");
                    m_grid->SetCellBackgroundColour(row, col, wxColour(255, 243, 205));
                } else {
                    auto points = news2Points(cr.news2.parameters, rows[r]);
                    m_grid->SetCellBackgroundColour(
                        row, col, points && *points > 0 ? scoreShade(*points) : *wxWHITE);
                }
            }
            if (cr.round.enteredInError)
                m_grid->SetCellTextColour(row, col, wxColour(150, 150, 150));
            else if (rows[r] != "news2")
                m_grid->SetCellTextColour(row, col,
                                          text == "not asked" ? wxColour(110, 110, 110) : *wxBLACK);
            m_grid->SetCellValue(row, col, wxString::FromUTF8(text));
        }
        m_grid->SetColSize(col, FromDIP(130));
    }
    m_grid->Thaw();
    Layout();
}

void PatientChart::setLimit() {
    if (!m_chart) return;
    auto entry = askPatientLimit(this);
    if (!entry) return;
    PatientLimit l;
    l.stay = m_chart->stay.id;
    l.field = entry->field;
    l.low = entry->low;
    l.high = entry->high;
    l.clinician = entry->clinician;
    l.reason = entry->reason;
    l.expires = m_context.ward.clock().now() + std::chrono::hours(entry->hours);
    try {
        if (auto error = m_context.ward.setPatientLimit(l, m_context.staff())) {
            m_message->SetLabel(wxString::FromUTF8("\u2716 " + *error));
            return;
        }
    } catch (const ward::NotSaved& e) {
        m_message->SetLabel(wxString::FromUTF8(std::string("\u2716 ") + e.what()));
        return;
    }
    show(m_chart->stay.id);
}

void PatientChart::correctSelected() {
    if (!m_chart) return;
    int row = m_grid->GetGridCursorRow(), col = m_grid->GetGridCursorCol();
    auto rows = chartRows();
    if (row < 0 || col < 0 || col >= static_cast<int>(m_chart->rounds.size()) ||
        rows[row] == "news2") {
        m_message->SetLabel("Tap a value in the grid first, then Correct value");
        return;
    }
    const auto& cr = m_chart->rounds[col];
    const std::string& key = rows[row];
    auto current = fieldText(cr.round.current, key);
    auto c = askCorrection(this, std::string(fieldLabel(key)), current.value_or("not measured"));
    if (!c) return;
    Amendment a;
    a.round = cr.round.current.id;
    a.kind = c->enteredInError ? Amendment::Kind::EnteredInError : Amendment::Kind::Corrected;
    if (!c->enteredInError) a.field = key, a.value = c->value;
    a.reason = c->reason;
    a.by = m_context.staff();
    try {
        if (auto error = m_context.ward.amend(a)) {
            m_message->SetLabel(wxString::FromUTF8("\u2716 " + *error));
            return;
        }
    } catch (const ward::NotSaved& e) {
        m_message->SetLabel(wxString::FromUTF8(std::string("\u2716 ") + e.what()));
        return;
    }
    show(*m_context.stay);
}

} // namespace vigil::ui
