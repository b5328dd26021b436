#pragma once
// The one window: a book of screens, one per task (board, admit, round, chart).
#include "ui/commands.h"

#include <wx/frame.h>
#include <wx/timer.h>

class wxSimplebook;
class wxStaticText;

namespace vigil::ward {
class RuleSource;
}

namespace vigil::ui {

class WardBoard;
class AdmitForm;
class RoundForm;
class PatientChart;
class EscalationPage;

class MainFrame : public wxFrame, public Screens {
public:
    // `rules` is looked at on start and every 30 s; a refused file shows in the banner.
    MainFrame(ward::Ward& ward, StaffId staff, ward::RuleSource& rules);

    void showBoard() override;
    void showAdmit() override;
    void showRound(StayId stay) override;
    void showChart(StayId stay) override;
    void showError(const std::string& message) override;
    void showEscalation(std::int64_t escalation) override;
    void refresh() override;

private:
    void checkRules();

    Context m_context;
    ward::RuleSource& m_rules;
    wxStaticText* m_banner;
    wxSimplebook* m_book;
    WardBoard* m_board;
    AdmitForm* m_admit;
    RoundForm* m_round;
    PatientChart* m_chart;
    EscalationPage* m_escalation;
    wxTimer m_refresh;
};

} // namespace vigil::ui
