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
    m_showing = label(this, "", 1.1, true, "summary/showing");
    s->Add(m_showing, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP));

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
        if (row >= m_rows.size() || m_rows[row].discharged) return;
        m_context.stay = m_rows[row].stay;
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
    m_counted.reset(); // another shift: its own figures, every patient
    refresh();
}

void ShiftSummaryPage::refresh() {
    m_summary = m_context.ward.shiftSummary(m_shift);
    m_title->SetLabel(
        wxString::FromUTF8(fmt::format("Shift summary \u00b7 {} \u00b7 data as of {}", m_shift.name,
                                       formatLocalTime(m_summary.asOf))));
    fillUnitFigures();
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

void ShiftSummaryPage::showCounted(std::optional<UnitCount> count) {
    m_counted = count;
    fillGrid();
    Layout();
}

void ShiftSummaryPage::fillUnitFigures() {
    auto& u = m_summary.unit;
    // Each figure its own control, named for tests and tools ("summary/unit/overdue"). A figure
    // that counts patients opens them when tapped (issue 14): a touch-sized button when it is
    // not zero, plain words when it is (nothing to open, nothing that looks tappable). Those that
    // call for action are red only when they are not zero.
    m_unit->DestroyChildren();
    auto* lines = new wxWrapSizer(wxHORIZONTAL);
    auto words = [&](const char* name, const std::string& text) {
        auto* t =
            label(m_unit, wxString::FromUTF8(text), 1.2, true, wxString("summary/unit/") + name);
        lines->Add(t, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(6)));
    };
    auto figure = [&](std::optional<UnitCount> count, const char* name, int n,
                      const std::string& text, bool alarm) {
        if (n == 0) return words(name, text);
        auto* b = touchButton(m_unit, text.c_str(), wxString("summary/unit/") + name);
        b->SetFont(scaled(b->GetFont(), 1.0, true));
        fitToLabel(b);
        if (alarm) b->SetForegroundColour(refusedColour());
        b->Bind(wxEVT_BUTTON, [this, count](wxCommandEvent&) { showCounted(count); });
        lines->Add(b, wxSizerFlags().CenterVertical().Border(wxALL, FromDIP(3)));
    };
    auto plural = [](int n, const char* one, const char* many) {
        return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    using C = UnitCount;
    // "N patients" counts them all: tapped, it shows every patient again.
    figure(std::nullopt, "patients", u.patients, plural(u.patients, "patient", "patients"), false);
    words("rounds", fmt::format("rounds {} done of {} due", u.roundsDone, u.roundsDue));
    figure(C::Overdue, "overdue", u.overdueRounds, fmt::format("{} overdue now", u.overdueRounds),
           true);
    words("flags", "Flags raised:");
    for (auto [c, name, alarm] :
         {std::tuple{C::Emergency, "emergency", true}, std::tuple{C::Urgent, "urgent", true},
          std::tuple{C::Watch, "watch", false}}) {
        int n = unitFigure(u, c);
        figure(c, name, n, fmt::format("{} {}", n, name), alarm);
    }
    figure(C::OpenEscalations, "open", u.openEscalations,
           plural(u.openEscalations, "escalation open", "escalations open"), false);
    figure(C::AcknowledgementsOverdue, "ack-overdue", u.acknowledgementsOverdue,
           plural(u.acknowledgementsOverdue, "acknowledgement overdue", "acknowledgements overdue"),
           true);
    m_unit->SetSizer(lines);
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
    // A figure's patients, or every patient; said above the grid in words.
    m_rows = m_counted ? patientsCounted(m_summary, *m_counted) : m_summary.patients;
    auto all = m_summary.patients.size();
    m_showing->SetLabel(wxString::FromUTF8(
        m_counted ? fmt::format("Showing {} of {}: {} \u00b7 tap \u201c{} patient{}\u201d for all",
                                m_rows.size(), all, labelOf(unitCounts(), *m_counted), all,
                                all == 1 ? "" : "s")
                  : fmt::format("Showing all {} patient{} \u00b7 tap a figure above to see whom "
                                "it counts",
                                all, all == 1 ? "" : "s")));
    m_grid->Freeze();
    if (m_grid->GetNumberRows()) m_grid->DeleteRows(0, m_grid->GetNumberRows());
    m_grid->AppendRows(static_cast<int>(m_rows.size()));
    for (int c = 0; c < static_cast<int>(std::size(kColumns)); ++c)
        m_grid->SetColLabelValue(
            c, wxString::FromUTF8(
                   std::string(kColumns[c]) +
                   (c == m_sortColumn ? (m_sortDescending ? " \u25bc" : " \u25b2") : "")));
    int r = 0;
    for (auto& p : m_rows) {
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
