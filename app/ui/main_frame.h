#pragma once
// The one window: a book of screens, one per task (sign-in, board, admit, round, chart,
// escalation, staff), under a bar that says who is signed in.
#include "ui/commands.h"
#include "ui/round_form.h"
#include "ui/shift_summary_page.h"
#include "ui/unit_watch.h"

#include <wx/frame.h>
#include <wx/timer.h>

#include <map>
#include <memory>

class wxSimplebook;
class wxStaticText;
class wxButton;
class wxPanel;
class wxEventFilter;

namespace vigil::ward {
class RuleSource;
}
namespace vigil::store {
struct StaffMember;
}

namespace vigil::ui {

class WardBoard;
class AdmitForm;
class PatientChart;
class EscalationPage;
class SignInPage;
class StaffPage;
class ShiftSummaryPage;
class HandoffNotePage;

struct FrameOptions {
    Minutes idleLock{2};               // back to sign-in after this long without a tap or key
    bool rulesFromCommandLine = false; // --rules: the admin's choice in the database does not apply
    ShiftSettings shifts;
    std::chrono::seconds lockWarning{20}; // the idle lock's countdown shows for its last part
    // A tap this soon after the screen changed is the rest of a double tap on the screen before:
    // it is ignored, whatever the new screen put under the finger (issue 14). Real time, not
    // the ward's clock: it is about a finger.
    std::chrono::milliseconds tapGuard{400};
};

class MainFrame : public wxFrame, public Screens {
public:
    // `rules` is looked at on start and every 30 s; a refused file shows in the banner.
    MainFrame(ward::Ward& ward, ward::RuleSource& rules, FrameOptions options = {});
    ~MainFrame() override;

    void showBoard() override;
    void showAdmit() override;
    void showRound(StayId stay) override;
    void showChart(StayId stay) override;
    void showError(const std::string& message) override;
    void showEscalation(std::int64_t escalation) override;
    void refresh() override;
    void lock() override;
    void showStaff() override;
    void showSummary() override;
    void showHandoffNote(StayId stay) override;

    // Locks when nobody has touched the tablet for the idle time (by the ward's clock). The
    // timer calls it every few seconds; tests call it after moving their clock.
    void checkIdle();
    const Session& session() const { return m_session; }
    // From the next change of screen on (tests set it after signing in).
    void setTapGuard(std::chrono::milliseconds guard) {
        m_options.tapGuard = guard;
        m_pageShownAt = {};
    }

private:
    void checkRules();
    // Another device saved, or the unit server was lost or is back (ui/unit_watch.h).
    void recordEvent(store::ChangeWatcher::Event event);
    // Records the onward cascade of unacknowledged escalations (clinical-reference §5).
    void runCascade();
    void signedIn(const store::StaffMember& who);
    void endSession(bool idle);
    void showSignIn(const wxString& why);
    void showPage(int page);

    Session m_session;
    Context m_context;
    ward::RuleSource& m_rules;
    FrameOptions m_options;
    TimePoint m_lastActivity;
    std::chrono::steady_clock::time_point m_pageShownAt{}; // for the double-tap guard
    std::unique_ptr<wxEventFilter> m_activity;
    std::map<StaffId, RoundDraft> m_drafts; // half-typed rounds of nurses who were locked out
    wxStaticText* m_banner;
    wxPanel* m_sessionBar;
    wxStaticText* m_who;
    wxStaticText* m_countdown; // the idle lock's last seconds, in a place reserved for it
    wxButton* m_staffButton;
    wxSimplebook* m_book;
    WardBoard* m_board;
    AdmitForm* m_admit;
    RoundForm* m_round;
    PatientChart* m_chart;
    EscalationPage* m_escalation;
    SignInPage* m_signIn;
    StaffPage* m_staff;
    ShiftSummaryPage* m_summary;
    HandoffNotePage* m_handoffNote;
    wxButton* m_summaryButton;
    wxTimer m_refresh;
    wxTimer m_idle;
    wxStaticText* m_unitBanner; // "Unit server unreachable since 14:02: nothing is being saved"
    std::optional<TimePoint> m_unreachableSince;
    // Last: stopped first, before the screens its events refresh are destroyed.
    std::unique_ptr<UnitWatch> m_unitWatch;
};

} // namespace vigil::ui
