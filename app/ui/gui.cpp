#include "ui/gui.h"

#include "core/clock.h"
#include "store/database.h"
#include "ui/main_frame.h"
#include "ward/rule_source.h"
#include "ward/ward.h"

#include <memory>
#include <wx/app.h>
#include <wx/msgdlg.h>

namespace vigil::ui {

namespace {
class VigilApp : public wxApp {
public:
    explicit VigilApp(GuiStart start) : m_start(std::move(start)), m_rules(m_start.rulesPath) {}

    bool OnInit() override {
        try {
            m_db = std::make_unique<store::Database>(m_start.databasePath);
            m_ward = std::make_unique<ward::Ward>(*m_db, m_clock);
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), "Vigil cannot open its database",
                         wxOK | wxICON_ERROR);
            return false;
        }
        // Every write is signed by whoever signs in on the tablet: the window opens on sign-in.
        auto* frame = new MainFrame(*m_ward, m_rules,
                                    {Minutes(m_start.idleLockMinutes),
                                     m_start.rulesFromCommandLine,
                                     {m_start.shifts, m_start.unit}});
        frame->Show();
        if (m_start.quitAfterStart)
            CallAfter([frame] {
                frame->Update(); // painted, not only built
                frame->Close();
            });
        return true;
    }

    // The record failing under a screen (the unit server gone while the board reloads) is said in
    // words and the app goes on: nothing typed is dropped by a crash. Anything else is a bug.
    bool OnExceptionInMainLoop() override {
        try {
            throw;
        } catch (const store::StoreError& e) {
            wxMessageBox(wxString::FromUTF8(std::string(e.what()) +
                                            ". Nothing typed was lost; try again in a moment."),
                         "Vigil", wxOK | wxICON_WARNING);
            return true;
        }
    }

private:
    GuiStart m_start;
    ward::RuleSource m_rules;
    SystemClock m_clock;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<ward::Ward> m_ward;
};
} // namespace

int runGui(int argc, char** argv, const GuiStart& start) {
    wxApp::SetInstance(new VigilApp(start));
    // CLI11 has already read our options; wx sees only the program name.
    int wxArgc = 1;
    (void)argc;
    return wxEntry(wxArgc, argv);
}

} // namespace vigil::ui
