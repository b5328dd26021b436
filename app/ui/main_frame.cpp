#include "ui/main_frame.h"

#include "ui/admit_form.h"
#include "ui/escalation_page.h"
#include "ui/patient_chart.h"
#include "ui/round_form.h"
#include "ui/theme.h"
#include "ui/ward_board.h"

#include "ward/rule_source.h"

#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

namespace {
enum Page { BoardPage, AdmitPage, RoundPage, ChartPage, EscalationPageIndex };
}

MainFrame::MainFrame(ward::Ward& ward, StaffId staff, ward::RuleSource& rules)
    : wxFrame(nullptr, wxID_ANY, "Vigil", wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE,
              "vigil"),
      m_context{*this, ward, staff, std::nullopt, std::nullopt}, m_rules(rules) {
    m_book = new wxSimplebook(this);
    m_board = new WardBoard(m_book, m_context);
    m_admit = new AdmitForm(m_book, m_context);
    m_round = new RoundForm(m_book, m_context);
    m_chart = new PatientChart(m_book, m_context);
    m_book->AddPage(m_board, "board");
    m_book->AddPage(m_admit, "admit");
    m_book->AddPage(m_round, "round");
    m_book->AddPage(m_chart, "chart");
    m_escalation = new EscalationPage(m_book, m_context);
    m_book->AddPage(m_escalation, "escalation");
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_banner = label(this, "", 1.1, true);
    m_banner->SetName("rules-banner");
    m_banner->Hide();
    s->Add(m_banner, wxSizerFlags().Expand().Border());
    s->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(s);
    // Sized for a 1280x800 landscape tablet.
    SetClientSize(FromDIP(wxSize(1280, 800)));

    // The board keeps itself current: "35 min ago" must not go stale on a wall screen.
    m_refresh.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        checkRules();
        if (m_book->GetSelection() == BoardPage) m_board->refresh();
    });
    checkRules();
    m_refresh.Start(30'000);
    showBoard();
}

void MainFrame::checkRules() {
    auto status = m_rules.refresh(m_context.ward);
    if (!status) return;
    // A refused file stays on screen until a good one replaces it; a good load is said quietly.
    m_banner->SetLabel(wxString::FromUTF8((status->refused ? "\u2716 " : "") + status->message));
    m_banner->SetForegroundColour(status->refused ? refusedColour() : wxColour(60, 60, 60));
    m_banner->Show(status->refused);
    m_banner->Wrap(GetClientSize().x - FromDIP(20));
    Layout();
}

void MainFrame::showBoard() {
    m_board->refresh();
    m_book->ChangeSelection(BoardPage);
}

void MainFrame::showAdmit() {
    m_admit->start();
    m_book->ChangeSelection(AdmitPage);
}

void MainFrame::showRound(StayId stay) {
    m_round->start(stay);
    m_book->ChangeSelection(RoundPage);
}

void MainFrame::showChart(StayId stay) {
    m_chart->show(stay);
    m_book->ChangeSelection(ChartPage);
}

void MainFrame::showEscalation(std::int64_t escalation) {
    m_escalation->show(escalation);
    m_book->ChangeSelection(EscalationPageIndex);
}

void MainFrame::refresh() {
    if (m_book->GetSelection() == BoardPage) m_board->refresh();
}

void MainFrame::showError(const std::string& message) {
    wxMessageBox(wxString::FromUTF8(message), "Vigil", wxOK | wxICON_ERROR, this);
}

} // namespace vigil::ui
