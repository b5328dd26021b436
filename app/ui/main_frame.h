#pragma once
// The one window: a book of screens, one per task (board, admit, round, chart).
#include "ui/commands.h"

#include <wx/frame.h>
#include <wx/timer.h>

class wxSimplebook;

namespace vigil::ui {

class WardBoard;
class AdmitForm;
class RoundForm;
class PatientChart;

class MainFrame : public wxFrame, public Screens {
public:
    MainFrame(ward::Ward& ward, StaffId staff);

    void showBoard() override;
    void showAdmit() override;
    void showRound(StayId stay) override;
    void showChart(StayId stay) override;
    void showError(const std::string& message) override;

private:
    Context m_context;
    wxSimplebook* m_book;
    WardBoard* m_board;
    AdmitForm* m_admit;
    RoundForm* m_round;
    PatientChart* m_chart;
    wxTimer m_refresh;
};

} // namespace vigil::ui
