#include "ui/shift_summary_page.h"

#include "core/sedation.h"
#include "core/timefmt.h"
#include "report/pdf.h"
#include "report/printout.h"
#include "ui/segmented.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <algorithm>
#include <fmt/format.h>
#include <wx/filedlg.h>
#include <wx/grid.h>
#include <wx/print.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace vigil::ui {

namespace {
const char* const kColumns[] = {
    "Bed",  "Name",         "Hours since fill", "Worst NEWS2",      "NEWS2 now",
    "POSS", "Flags raised", "Resolved",         "Open escalations", "Next round"};

// A preview whose Print button records who printed the sheet and when.
class RecordingPreview : public wxPrintPreview {
public:
    RecordingPreview(wxPrintout* shown, wxPrintout* printed, Context& context,
                     store::HandoffPrint record)
        : wxPrintPreview(shown, printed), m_context(context), m_record(std::move(record)) {}
    bool Print(bool interactive) override {
        if (!wxPrintPreview::Print(interactive)) return false;
        m_record.pages = GetMaxPage();
        try {
            m_context.ward.recordHandoffPrint(m_record);
        } catch (const ward::NotSaved& e) {
            m_context.screens.showError(std::string("Printed, but not recorded: ") + e.what());
        }
        return true;
    }

private:
    Context& m_context;
    store::HandoffPrint m_record;
};
} // namespace

ShiftSummaryPage::ShiftSummaryPage(wxWindow* parent, Context context, ShiftSettings settings)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "summary"),
      m_context(context), m_settings(std::move(settings)) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_title = label(this, "", 1.5, true);
    s->Add(m_title, wxSizerFlags().Border());
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    auto add = [&](const char* text, const char* name, auto f) {
        auto* b = touchButton(this, text, name);
        b->Bind(wxEVT_BUTTON, [f](wxCommandEvent&) { f(); });
        buttons->Add(b, wxSizerFlags().Border(wxALL, FromDIP(3)));
    };
    add("\u25c0 Previous shift", "summary/previous", [this] {
        showShift(shiftAt(m_shift.start - std::chrono::seconds(1), m_settings.pattern));
    });
    add("This shift", "summary/now", [this] { show(); });
    add("Print handoff\u2026", "summary/print", [this] { previewHandoff(); });
    add("Save handoff PDF\u2026", "summary/pdf", [this] { savePdf(); });
    m_paper = new SegmentedChoice(this, "summary/paper", {"A4", "US Letter"}, 110);
    m_paper->setSelection(0);
    buttons->Add(m_paper, wxSizerFlags().Border(wxALL, FromDIP(3)));
    add("Ward board", "summary/back", [this] { runCommand("ward/board", m_context); });
    s->Add(buttons, wxSizerFlags().Expand());
    m_unit = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "summary/unit");
    s->Add(m_unit, wxSizerFlags().Expand().Border());
    m_ehr = label(this, "", 1.2, true, "summary/ehr");
    s->Add(m_ehr, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    m_message = label(this, "", 1.0, true, "summary/message");
    s->Add(m_message, wxSizerFlags().Border(wxLEFT | wxRIGHT));

    m_grid =
        new wxGrid(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS, "summary/grid");
    m_grid->CreateGrid(0, static_cast<int>(std::size(kColumns)));
    m_grid->EnableEditing(false);
    m_grid->SetDefaultCellFont(scaled(m_grid->GetDefaultCellFont(), 1.2));
    m_grid->SetDefaultRowSize(FromDIP(kTouchDip), true);
    m_grid->SetColLabelSize(FromDIP(kTouchDip));
    m_grid->SetRowLabelSize(0);
    m_grid->Bind(wxEVT_GRID_LABEL_LEFT_CLICK, [this](wxGridEvent& e) {
        if (e.GetCol() >= 0) sortBy(e.GetCol());
    });
    m_grid->Bind(wxEVT_GRID_CELL_LEFT_CLICK, [this](wxGridEvent& e) {
        auto row = static_cast<std::size_t>(e.GetRow());
        if (row >= m_summary.patients.size() || m_summary.patients[row].discharged) return;
        m_context.stay = m_summary.patients[row].stay;
        runCommand("patient/chart", m_context);
    });
    s->Add(m_grid, wxSizerFlags(1).Expand().Border());
    SetSizer(s);
}

void ShiftSummaryPage::show() {
    m_ehrAt.reset(); // asked for: the EHR line is worked out afresh
    showShift(shiftAt(m_context.ward.clock().now(), m_settings.pattern));
}

void ShiftSummaryPage::showShift(const Shift& shift) {
    m_shift = shift;
    m_summary = m_context.ward.shiftSummary(shift);
    m_title->SetLabel(wxString::FromUTF8(fmt::format("Shift summary \u00b7 {} \u00b7 data as of {}",
                                                     shift.name, formatLocalTime(m_summary.asOf))));
    auto& u = m_summary.unit;
    auto raised = [&](rules::Level l) {
        auto it = u.flagsRaised.find(l);
        return it == u.flagsRaised.end() ? 0 : it->second;
    };
    // Each figure its own label, named for tests and tools ("summary/unit/overdue"); the ones
    // that call for action are red only when they are not zero (issue 14).
    m_unit->DestroyChildren();
    auto* lines = new wxBoxSizer(wxVERTICAL);
    auto line = [&](std::initializer_list<std::tuple<const char*, std::string, int>> parts) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        for (auto& [name, words, alarm] : parts) {
            auto* t = label(m_unit, wxString::FromUTF8(words), 1.2, true,
                            wxString("summary/unit/") + name);
            t->SetForegroundColour(alarm > 0 ? refusedColour() : *wxBLACK);
            row->Add(t);
        }
        lines->Add(row);
    };
    const std::string dot = " \u00b7 ";
    line({{"patients", fmt::format("{} patients", u.patients), 0},
          {"rounds", fmt::format("{}rounds {} done of {} due", dot, u.roundsDone, u.roundsDue), 0},
          {"overdue", fmt::format("{}{} overdue now", dot, u.overdueRounds), u.overdueRounds}});
    line({{"emergency", fmt::format("Flags raised: {} emergency", raised(rules::Level::Emergency)),
           raised(rules::Level::Emergency)},
          {"urgent", fmt::format(", {} urgent", raised(rules::Level::Urgent)),
           raised(rules::Level::Urgent)},
          {"watch", fmt::format(", {} watch", raised(rules::Level::Watch)), 0},
          {"open", fmt::format("{}{} escalations open", dot, u.openEscalations), 0},
          {"ack-overdue",
           fmt::format("{}{} acknowledgements overdue", dot, u.acknowledgementsOverdue),
           u.acknowledgementsOverdue}});
    m_unit->SetSizer(lines);
    showEhrDelivery();
    m_message->SetLabel("");
    sortBy(-1);
    Layout();
}

void ShiftSummaryPage::showEhrDelivery() {
    // Whether the hospital's EHR has every round (issue 15). A record that never sent anything
    // has no EHR link, and the line stays empty rather than warn about a link nobody set up.
    // It reads the whole record (a year of 20 beds, about 99,000 rounds: 0.25 s on SQLite), so a
    // save elsewhere refreshes it at most once a minute; opening the summary always does. The
    // delivery itself runs every 30 s (`export fhir --follow`), so the line is never much behind.
    auto now = m_context.ward.clock().now();
    if (m_ehrAt && now - *m_ehrAt < std::chrono::minutes(1)) return;
    m_ehrAt = now;
    auto ehr = m_context.ward.ehrDelivery();
    std::string words;
    bool behind = ehr && ehr->backlog.waiting > 0;
    if (behind) {
        auto since = *ehr->backlog.since;
        // A time alone reads as today: older than half a day, the day is said too.
        bool recent = now - since < std::chrono::hours(12);
        words = fmt::format("\u26a0 EHR: {} {} waiting since {}", ehr->backlog.waiting,
                            ehr->backlog.waiting == 1 ? "round" : "rounds",
                            recent ? formatLocalTime(since) : formatLocalDayTime(since));
    } else if (ehr) {
        words = "\u2714 EHR: every round delivered";
        if (ehr->backlog.lastAccepted)
            words += " (last " + formatLocalTime(*ehr->backlog.lastAccepted) + ")";
    }
    m_ehr->SetLabel(wxString::FromUTF8(words));
    m_ehr->SetForegroundColour(behind ? refusedColour() : *wxBLACK);
}

void ShiftSummaryPage::sortBy(int column) {
    // A tap on the sorted column turns the order round; a tap elsewhere sorts by that column.
    if (column >= 0) {
        m_sortDescending = column == m_sortColumn ? !m_sortDescending : column >= 3;
        m_sortColumn = column;
    }
    auto key = [c = m_sortColumn](const ShiftPatient& p) -> std::tuple<double, std::string> {
        switch (c) {
        case 1: return {0, p.name};
        case 2: return {p.hoursSinceFill, ""};
        case 3: return {p.worstNews2.value_or(-1), ""};
        case 4: return {p.currentNews2 ? p.currentNews2->total : -1, ""};
        case 5: return {p.currentPoss ? static_cast<double>(*p.currentPoss) : -1, ""};
        case 6: return {p.flagsRaised, ""};
        case 7: return {p.flagsResolved, ""};
        case 8: return {p.openEscalations + (p.acknowledgementOverdue ? 0.5 : 0), ""};
        case 9: return {static_cast<double>(p.nextDue.time_since_epoch().count()), ""};
        }
        return {std::atof(p.bed.c_str()), p.bed};
    };
    std::stable_sort(m_summary.patients.begin(), m_summary.patients.end(), [&](auto& a, auto& b) {
        return m_sortDescending ? key(b) < key(a) : key(a) < key(b);
    });
    fillGrid();
}

void ShiftSummaryPage::fillGrid() {
    m_grid->Freeze();
    if (m_grid->GetNumberRows()) m_grid->DeleteRows(0, m_grid->GetNumberRows());
    m_grid->AppendRows(static_cast<int>(m_summary.patients.size()));
    for (int c = 0; c < static_cast<int>(std::size(kColumns)); ++c)
        m_grid->SetColLabelValue(
            c, wxString::FromUTF8(
                   std::string(kColumns[c]) +
                   (c == m_sortColumn ? (m_sortDescending ? " \u25bc" : " \u25b2") : "")));
    int r = 0;
    for (auto& p : m_summary.patients) {
        auto set = [&](int c, const std::string& text) {
            m_grid->SetCellValue(r, c, wxString::FromUTF8(text));
        };
        set(0, p.bed);
        set(1, p.name);
        set(2, fmt::format("{:.1f}", p.hoursSinceFill));
        set(3, p.worstNews2 ? std::to_string(*p.worstNews2) : "\u2014");
        set(4, p.currentNews2 ? fmt::format("{} {}", p.currentNews2->total,
                                            news2::bandWord(p.currentNews2->band))
                              : "\u2014");
        set(5, p.currentPoss ? std::string(poss::code(*p.currentPoss)) : "\u2014");
        set(6, std::to_string(p.flagsRaised));
        set(7, std::to_string(p.flagsResolved));
        set(8, fmt::format("{}{}", p.openEscalations,
                           p.acknowledgementOverdue ? " \u26a0 ack overdue" : ""));
        set(9, p.discharged           ? std::string("discharged")
               : p.overdueMinutes > 0 ? fmt::format("\u25f7 OVERDUE {} min", p.overdueMinutes)
                                      : formatLocalTime(p.nextDue));
        if (p.overdueMinutes > 0 || p.acknowledgementOverdue)
            for (int c : {8, 9})
                m_grid->SetCellTextColour(r, c, refusedColour());
        if (p.discharged)
            for (int c = 0; c < static_cast<int>(std::size(kColumns)); ++c)
                m_grid->SetCellTextColour(r, c, wxColour(130, 130, 130));
        ++r;
    }
    m_grid->AutoSizeColumns(false);
    m_grid->Thaw();
}

Paper ShiftSummaryPage::paper() const {
    return m_paper->selection().value_or(0) == 1 ? Paper::Letter : Paper::A4;
}

HandoffSheet ShiftSummaryPage::sheet() {
    return m_context.ward.handoffSheet(m_shift, m_settings.unit, m_context.session.name);
}

void ShiftSummaryPage::previewHandoff() {
    auto s = sheet();
    store::HandoffPrint record{{},
                               m_context.staff(),
                               s.printedBy,
                               "print",
                               m_shift.start,
                               m_shift.end,
                               static_cast<int>(s.patients.size()),
                               0,
                               "printer",
                               s.auditEntries,
                               s.auditHash};
    auto* preview =
        new RecordingPreview(new report::HandoffPrintout(s, paper()),
                             new report::HandoffPrintout(s, paper()), m_context, record);
    if (!preview->IsOk()) {
        delete preview;
        m_message->SetLabel(
            wxString::FromUTF8("\u2716 No printer setup is available for a preview"));
        return;
    }
    auto* frame = new wxPreviewFrame(preview, wxGetTopLevelParent(this),
                                     wxString::FromUTF8("Handoff \u00b7 " + m_shift.name),
                                     wxDefaultPosition, FromDIP(wxSize(1000, 760)));
    frame->SetName("handoff-preview");
    frame->Initialize();
    // wx's preview bar has desktop-sized buttons: made touch-sized, 48 DIP and up (issue 14).
    for (auto* child : frame->GetChildren())
        if (auto* bar = dynamic_cast<wxPreviewControlBar*>(child)) {
            for (auto* control : bar->GetChildren()) {
                control->SetFont(scaled(control->GetFont(), 1.2));
                control->SetMinSize(wxSize(std::max(control->GetBestSize().x, FromDIP(kTouchDip)),
                                           FromDIP(kTouchDip)));
            }
            bar->Layout();
            bar->SetMinSize(wxSize(-1, FromDIP(kTouchDip + 8)));
        }
    frame->Layout();
    frame->Show();
}

void ShiftSummaryPage::savePdf() {
    wxFileDialog ask(this, "Save the handoff sheet as PDF", "", "handoff.pdf", "PDF (*.pdf)|*.pdf",
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return;
    std::string path = ask.GetPath().utf8_string();
    try {
        auto s = sheet();
        int pages = report::writeHandoffPdf(s, path, paper(), {m_context.ward.database().path()});
        m_context.ward.recordHandoffPrint({{},
                                           m_context.staff(),
                                           s.printedBy,
                                           "pdf",
                                           m_shift.start,
                                           m_shift.end,
                                           static_cast<int>(s.patients.size()),
                                           pages,
                                           path,
                                           s.auditEntries,
                                           s.auditHash});
        m_message->SetForegroundColour(wxColour(20, 110, 40));
        m_message->SetLabel(wxString::FromUTF8(
            fmt::format("\u2714 Saved {} ({} {})", path, pages, pages == 1 ? "page" : "pages")));
    } catch (const std::exception& e) {
        m_message->SetForegroundColour(refusedColour());
        m_message->SetLabel(wxString::FromUTF8(std::string("\u2716 ") + e.what()));
    }
    Layout();
}

} // namespace vigil::ui
