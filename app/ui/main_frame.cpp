#include "ui/main_frame.h"

#include "core/timefmt.h"
#include "ui/admit_form.h"
#include "ui/escalation_page.h"
#include "ui/handoff_note_page.h"
#include "ui/patient_chart.h"
#include "ui/sign_in_page.h"
#include "ui/staff_page.h"
#include "ui/theme.h"
#include "ui/ward_board.h"

#include "ward/rule_source.h"

#include <fmt/format.h>
#include <wx/eventfilter.h>
#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

namespace {
constexpr int kIdleCheck = 5'000; // ms between looks at the idle time, away from its end

enum Page {
    BoardPage,
    AdmitPage,
    RoundPage,
    ChartPage,
    EscalationPageIndex,
    SignInPageIndex,
    StaffPageIndex,
    SummaryPageIndex,
    HandoffNotePageIndex
};

// Every tap and key anywhere in the app counts as someone using it. Pointer movement alone does
// not: a tablet has none, and a bumped mouse should not keep a session open.
class ActivityFilter : public wxEventFilter {
public:
    ActivityFilter(std::function<void()> onActivity, std::function<bool(wxEvent&)> ignoreTap)
        : m_on(std::move(onActivity)), m_ignoreTap(std::move(ignoreTap)) {
        wxEvtHandler::AddFilter(this);
    }
    ~ActivityFilter() override { wxEvtHandler::RemoveFilter(this); }
    int FilterEvent(wxEvent& e) override {
        auto t = e.GetEventType();
        if (t == wxEVT_LEFT_DOWN || t == wxEVT_LEFT_UP || t == wxEVT_KEY_DOWN ||
            t == wxEVT_MOUSEWHEEL)
            m_on();
        // A processed press never reaches GTK, so no button under it is clicked.
        if ((t == wxEVT_LEFT_DOWN || t == wxEVT_LEFT_UP || t == wxEVT_LEFT_DCLICK) &&
            m_ignoreTap(e))
            return Event_Processed;
        return Event_Skip;
    }

private:
    std::function<void()> m_on;
    std::function<bool(wxEvent&)> m_ignoreTap;
};
} // namespace

MainFrame::MainFrame(ward::Ward& ward, ward::RuleSource& rules, FrameOptions options)
    : wxFrame(nullptr, wxID_ANY, "Vigil", wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE,
              "vigil"),
      m_context{*this, ward, m_session, std::nullopt, std::nullopt}, m_rules(rules),
      m_options(options), m_lastActivity(ward.clock().now()) {
    m_sessionBar = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "session");
    m_sessionBar->SetBackgroundColour(wxColour(232, 236, 242));
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    m_who = label(m_sessionBar, "", 1.05, true, "session/who");
    bar->Add(m_who, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(12)));
    m_countdown = reservedLabel(m_sessionBar, 520, 1, 1.2, true, "session/countdown");
    m_countdown->SetForegroundColour(refusedColour());
    bar->Add(m_countdown, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(12)));
    m_summaryButton = touchButton(m_sessionBar, "Shift summary", "session/summary");
    m_summaryButton->Bind(wxEVT_BUTTON,
                          [this](wxCommandEvent&) { runCommand("shift/summary", m_context); });
    bar->Add(m_summaryButton, wxSizerFlags().Border(wxALL, FromDIP(4)));
    m_staffButton = touchButton(m_sessionBar, "Staff && rules", "session/staff");
    m_staffButton->Bind(wxEVT_BUTTON,
                        [this](wxCommandEvent&) { runCommand("admin/staff", m_context); });
    bar->Add(m_staffButton, wxSizerFlags().Border(wxALL, FromDIP(4)));
    auto* lockButton = touchButton(m_sessionBar, "Lock", "session/lock");
    lockButton->Bind(wxEVT_BUTTON,
                     [this](wxCommandEvent&) { runCommand("session/lock", m_context); });
    bar->Add(lockButton, wxSizerFlags().Border(wxALL, FromDIP(4)));
    m_sessionBar->SetSizer(bar);

    m_book = new wxSimplebook(this);
    m_board = new WardBoard(m_book, m_context);
    m_admit = new AdmitForm(m_book, m_context);
    m_round = new RoundForm(m_book, m_context);
    m_chart = new PatientChart(m_book, m_context);
    m_escalation = new EscalationPage(m_book, m_context);
    m_signIn = new SignInPage(m_book, ward, [this](auto& who) { signedIn(who); });
    m_staff = new StaffPage(m_book, m_context);
    m_summary = new ShiftSummaryPage(m_book, m_context, m_options.shifts);
    m_handoffNote = new HandoffNotePage(m_book, m_context);
    m_book->AddPage(m_board, "board");
    m_book->AddPage(m_admit, "admit");
    m_book->AddPage(m_round, "round");
    m_book->AddPage(m_chart, "chart");
    m_book->AddPage(m_escalation, "escalation");
    m_book->AddPage(m_signIn, "sign in");
    m_book->AddPage(m_staff, "staff");
    m_book->AddPage(m_summary, "summary");
    m_book->AddPage(m_handoffNote, "handoff note");
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_banner = label(this, "", 1.1, true, "rules-banner");
    m_banner->Hide();
    s->Add(m_banner, wxSizerFlags().Expand().Border());
    m_unitBanner = label(this, "", 1.1, true, "unit-banner");
    m_unitBanner->SetForegroundColour(refusedColour());
    // On a server the line is kept for the server's state even when empty, so that "unreachable"
    // appearing moves nothing under a finger. A file cannot be lost: no line.
    m_unitBanner->SetMinSize(wxSize(-1, m_unitBanner->GetTextExtent("Ag").y));
    m_unitBanner->Show(ward.database().engine() == store::Engine::PostgreSQL);
    s->Add(m_unitBanner, wxSizerFlags().Expand().Border());
    s->Add(m_sessionBar, wxSizerFlags().Expand());
    s->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(s);
    // Sized for a 1280x800 landscape tablet.
    SetClientSize(FromDIP(wxSize(1280, 800)));

    // The board keeps itself current: "35 min ago" must not go stale on a wall screen.
    m_refresh.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        checkRules();
        runCascade();
        if (m_book->GetSelection() == BoardPage) m_board->refresh();
    });
    m_activity = std::make_unique<ActivityFilter>(
        [this] {
            m_lastActivity = m_context.ward.clock().now();
            if (!m_countdown->GetLabel().empty()) sayIn(m_countdown, ""); // a tap answers it
        },
        [this](wxEvent& e) {
            auto* w = dynamic_cast<wxWindow*>(e.GetEventObject());
            if (!w || wxGetTopLevelParent(w) != this) return false;
            return std::chrono::steady_clock::now() - m_pageShownAt < m_options.tapGuard;
        });
    m_idle.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { checkIdle(); });
    checkRules();
    m_refresh.Start(30'000);
    m_unitWatch = std::make_unique<UnitWatch>(*this, m_context.ward.database().path(),
                                              [this](auto event) { recordEvent(event); });
    m_idle.Start(kIdleCheck);
    showSignIn("");
}

MainFrame::~MainFrame() {
    m_unitWatch.reset();
    m_idle.Stop();
    m_refresh.Stop();
}

void MainFrame::checkRules() {
    // The admin's choice (kept in the database, so every tablet follows it) unless the command
    // line named a file for this run.
    if (!m_options.rulesFromCommandLine)
        if (auto choice = m_context.ward.ruleChoice(); choice && choice->path != m_rules.path())
            m_rules.setPath(choice->path);
    auto status = m_rules.refresh(m_context.ward);
    if (!status) return;
    // A refused file stays on screen until a good one replaces it; a good load is said quietly.
    m_banner->SetLabel(wxString::FromUTF8((status->refused ? "\u2716 " : "") + status->message));
    m_banner->SetForegroundColour(status->refused ? refusedColour() : wxColour(60, 60, 60));
    m_banner->Show(status->refused);
    m_banner->Wrap(GetClientSize().x - FromDIP(20));
    Layout();
}

void MainFrame::recordEvent(store::ChangeWatcher::Event event) {
    using E = store::ChangeWatcher::Event;
    auto now = m_context.ward.clock().now();
    if (event == E::Lost) {
        m_unreachableSince = now;
        m_unitBanner->SetLabel(wxString::FromUTF8(fmt::format(
            "\u26a0 Unit server unreachable since {}: nothing is being saved. What you type "
            "stays on screen; Vigil reconnects by itself.",
            formatLocalTime(now))));
    } else if (event == E::Back && m_unreachableSince) {
        m_unitBanner->SetLabel(wxString::FromUTF8(
            fmt::format("\u2714 Unit server back at {} (unreachable from {}): saving works again",
                        formatLocalTime(now), formatLocalTime(*m_unreachableSince))));
        m_unreachableSince.reset();
    } else if (event == E::Changed && !m_unreachableSince) {
        m_unitBanner->SetLabel(""); // "back at" stays until the next save anywhere
    }
    m_unitBanner->Wrap(GetClientSize().x - FromDIP(20));
    if (event == E::Lost) return;
    // Reload what is on screen; a form being typed is never touched.
    switch (m_book->GetSelection()) {
    case BoardPage: m_board->refresh(); break;
    case ChartPage: m_chart->refresh(); break;
    case EscalationPageIndex: m_escalation->refresh(); break;
    case SummaryPageIndex: m_summary->refresh(); break;
    default: break;
    }
}

void MainFrame::runCascade() {
    // Every running Vigil does this; the record keeps each step once. A failure (server away) is
    // not this timer's to report: the next tick, here or on another device, records it.
    try {
        m_context.ward.runCascade();
    } catch (const std::exception&) {}
}

void MainFrame::checkIdle() {
    if (!m_session.staff) return;
    auto left = std::chrono::duration_cast<std::chrono::seconds>(
        m_options.idleLock - (m_context.ward.clock().now() - m_lastActivity));
    if (left.count() <= 0) {
        sayIn(m_countdown, "");
        return endSession(true);
    }
    // The last seconds are counted aloud: a nurse mid-round sees the lock coming (issue 14).
    wxString warning;
    if (left <= m_options.lockWarning)
        warning = wxString::FromUTF8(
            fmt::format("\u23f1 Locks in {} s: tap anywhere to stay", left.count()));
    if (warning != m_countdown->GetLabel()) sayIn(m_countdown, warning);
    // Every second near the end, so the countdown counts in seconds; every few otherwise.
    int every = left <= m_options.lockWarning + std::chrono::seconds(5) ? 1'000 : kIdleCheck;
    if (m_idle.GetInterval() != every) m_idle.Start(every);
}

void MainFrame::signedIn(const store::StaffMember& who) {
    m_session = {who.id, who.name, who.role};
    m_lastActivity = m_context.ward.clock().now();
    m_who->SetLabel(wxString::FromUTF8(
        fmt::format("Signed in: {} \u00b7 {}", who.name, labelOf(roles(), who.role))));
    // Only admins see the staff button; the ward refuses anyone else anyway.
    m_staffButton->Show(allowed(who.role, Permission::ManageStaff));
    m_summaryButton->Show(allowed(who.role, Permission::RunShift));
    SetTitle(wxString::FromUTF8("Vigil \u00b7 " + who.name));
    m_sessionBar->Show();
    Layout();
    if (auto it = m_drafts.find(who.id); it != m_drafts.end()) {
        RoundDraft draft = it->second;
        m_drafts.erase(it);
        m_round->restore(draft);
        showPage(RoundPage);
        return;
    }
    showBoard();
}

void MainFrame::endSession(bool idle) {
    if (!m_session.staff) return;
    StaffId who = m_session.staff;
    // What this nurse typed stays for them alone; the next person starts with an empty form.
    if (m_book->GetSelection() == RoundPage) m_round->leave();
    if (auto draft = m_round->takeDraft(); !draft.empty()) m_drafts[who] = std::move(draft);
    try {
        m_context.ward.signOut(who, idle);
    } catch (const ward::NotSaved&) {
        // The tablet locks even when the sign-out cannot be written; the lock protects more.
    }
    m_session = {};
    SetTitle("Vigil");
    showSignIn(idle ? wxString::FromUTF8(fmt::format(
                          "Locked after {} without use. A round you had started is kept for you.",
                          formatDuration(m_options.idleLock)))
                    : wxString());
}

void MainFrame::showSignIn(const wxString& why) {
    m_sessionBar->Hide();
    m_signIn->start(why);
    Layout();
    showPage(SignInPageIndex);
}

void MainFrame::showPage(int page) {
    if (m_book->GetSelection() != page) m_pageShownAt = std::chrono::steady_clock::now();
    m_book->ChangeSelection(static_cast<size_t>(page));
}

void MainFrame::lock() {
    endSession(false);
}

void MainFrame::showBoard() {
    m_board->refresh();
    showPage(BoardPage);
}

void MainFrame::showAdmit() {
    m_admit->start();
    showPage(AdmitPage);
}

void MainFrame::showRound(StayId stay) {
    m_round->start(stay);
    showPage(RoundPage);
}

void MainFrame::showChart(StayId stay) {
    // From the summary the chart goes back to the summary; from anywhere else, to the board.
    if (m_book->GetSelection() != ChartPage)
        m_chart->returnTo(m_book->GetSelection() == SummaryPageIndex);
    m_chart->show(stay);
    showPage(ChartPage);
}

void MainFrame::showEscalation(std::int64_t escalation) {
    m_escalation->show(escalation);
    showPage(EscalationPageIndex);
}

void MainFrame::showStaff() {
    m_staff->start();
    showPage(StaffPageIndex);
}

void MainFrame::showSummary() {
    // Back from a chart opened from the summary: the summary as it was left (its shift, the
    // patients of the figure tapped, its sort); from anywhere else, the shift now.
    if (m_book->GetSelection() == ChartPage && m_chart->returnsToSummary())
        m_summary->refresh();
    else
        m_summary->show();
    showPage(SummaryPageIndex);
}

void MainFrame::showHandoffNote(StayId stay) {
    m_handoffNote->show(stay);
    showPage(HandoffNotePageIndex);
}

void MainFrame::refresh() {
    if (m_book->GetSelection() == BoardPage) m_board->refresh();
}

void MainFrame::showError(const std::string& message) {
    wxMessageBox(wxString::FromUTF8(message), "Vigil", wxOK | wxICON_ERROR, this);
}

} // namespace vigil::ui
