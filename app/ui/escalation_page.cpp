#include "ui/escalation_page.h"

#include "core/timefmt.h"
#include "ui/segmented.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <algorithm>
#include <fmt/format.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace vigil::ui {

namespace {
const char* kRoles[] = {"Doctor on call", "Anaesthetist", "Pain team", "Rapid response team"};
// Observation frequencies a clinician commonly orders, and for how long (§4).
constexpr int kEveryMinutes[] = {15, 30, 60, 120, 240};
constexpr int kForHours[] = {4, 12, 24};

wxTextCtrl* field(wxWindow* parent, const char* name, const char* hint) {
    auto* t = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition,
                             wxSize(parent->FromDIP(420), parent->FromDIP(kTouchDip)), 0,
                             wxDefaultValidator, name);
    t->SetFont(scaled(t->GetFont(), 1.2));
    t->SetHint(wxString::FromUTF8(hint));
    return t;
}
void collectWindows(wxSizer* sizer, std::vector<wxWindow*>& out) {
    for (auto* item : sizer->GetChildren()) {
        if (item->IsWindow()) out.push_back(item->GetWindow());
        if (item->IsSizer()) collectWindows(item->GetSizer(), out);
    }
}
} // namespace

EscalationPage::EscalationPage(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL,
              "escalation-page"),
      m_context(context) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    m_title = label(this, "", 1.5, true);
    head->Add(m_title, wxSizerFlags(1).CenterVertical());
    auto* back = touchButton(this, "Back to board", "escalation/back");
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runCommand("ward/board", m_context); });
    head->Add(back);
    top->Add(head, wxSizerFlags().Expand().Border());
    m_state = label(this, "", 1.2, true, "escalation/state");
    top->Add(m_state, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    // Two lines reserved: a refusal appearing moves no button under a finger (issue 14).
    m_message = reservedLabel(this, -1, 2, 1.1, true, "escalation/message");
    m_message->SetForegroundColour(refusedColour());
    top->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT));

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(label(this, "SBAR for the call (read back the instructions)", 1.1, true));
    m_sbar = label(this, "", 1.1, false, "escalation/sbar");
    makeReadable(m_sbar);
    left->Add(m_sbar, wxSizerFlags().Border(wxTOP | wxBOTTOM));
    // Beside where the response is recorded, the frequency it asks for: the clinician's name and
    // the instructions on the right are its who and why (needed when looser than the schedule).
    // In this column, above the history that grows, so the page still fits 1280x800.
    auto* freqPanel = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0,
                                  "escalation/frequency-form");
    m_frequencyForm = freqPanel;
    auto* freqSizer = new wxBoxSizer(wxVERTICAL);
    auto* obsRow = new wxBoxSizer(wxHORIZONTAL);
    obsRow->Add(label(freqPanel, "Obs every", 1.0, true),
                wxSizerFlags().CenterVertical().Border(wxRIGHT));
    m_every = new SegmentedChoice(freqPanel, "escalation/every",
                                  {"15 min", "30 min", "1 h", "2 h", "4 h"}, 64);
    obsRow->Add(m_every, wxSizerFlags().CenterVertical());
    freqSizer->Add(obsRow, wxSizerFlags().Border(wxBOTTOM));
    auto* forRow = new wxBoxSizer(wxHORIZONTAL);
    forRow->Add(label(freqPanel, "for", 1.0, true),
                wxSizerFlags().CenterVertical().Border(wxRIGHT));
    m_everyFor =
        new SegmentedChoice(freqPanel, "escalation/every-for", {"4 h", "12 h", "24 h"}, 64);
    forRow->Add(m_everyFor, wxSizerFlags().CenterVertical().Border(wxRIGHT));
    auto* setFreq = touchButton(freqPanel, "Set obs frequency", "escalation/set-frequency");
    setFreq->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { setFrequency(); });
    forRow->Add(setFreq, wxSizerFlags().CenterVertical());
    freqSizer->Add(forRow, wxSizerFlags().Border(wxBOTTOM));
    freqPanel->SetSizer(freqSizer);
    left->Add(freqPanel);
    m_frequency = reservedLabel(this, 540, 2, 1.0, false, "escalation/frequency");
    left->Add(m_frequency, wxSizerFlags().Border(wxBOTTOM));
    left->Add(label(this, "What happened so far", 1.1, true));
    m_history = label(this, "", 1.0, false, "escalation/history");
    makeReadable(m_history);
    left->Add(m_history, wxSizerFlags().Border(wxTOP));
    body->Add(left, wxSizerFlags(1).Border());

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(label(this, "Clinician informed", 1.2, true));
    m_clinician = field(this, "escalation/clinician", "clinician's name");
    right->Add(m_clinician, wxSizerFlags().Border(wxTOP | wxBOTTOM));
    std::vector<wxString> roles;
    for (auto* r : kRoles)
        roles.emplace_back(r);
    m_role = new SegmentedChoice(this, "escalation/role", roles, 120);
    right->Add(m_role, wxSizerFlags().Border(wxBOTTOM));
    std::vector<wxString> methods;
    for (auto m : kMethods)
        methods.push_back(wxString::FromUTF8(std::string(m)).Capitalize());
    m_method = new SegmentedChoice(this, "escalation/method", methods, 120);
    right->Add(m_method, wxSizerFlags().Border(wxBOTTOM));
    auto* inform = touchButton(this, "Clinician informed", "escalation/inform");
    inform->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        EscalationStep s;
        s.kind = StepKind::Inform;
        s.clinicianName = m_clinician->GetValue().Trim().utf8_string();
        if (auto r = m_role->selection()) s.clinicianRole = kRoles[*r];
        if (auto m = m_method->selection()) s.method = std::string(kMethods[*m]);
        add(s);
    });
    right->Add(inform, wxSizerFlags().Border(wxBOTTOM));

    right->Add(label(this, "Clinician's instructions", 1.2, true), wxSizerFlags().Border(wxTOP));
    m_instructions = field(this, "escalation/instructions", "what they asked you to do");
    right->Add(m_instructions, wxSizerFlags().Border(wxTOP | wxBOTTOM));
    auto* respond = touchButton(this, "Clinician responded", "escalation/respond");
    respond->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        EscalationStep s;
        s.kind = StepKind::Respond;
        s.instructions = m_instructions->GetValue().Trim().utf8_string();
        add(s);
    });
    right->Add(respond, wxSizerFlags().Border(wxBOTTOM));

    auto* closeTitle = label(this, "Close it", 1.2, true);
    right->Add(closeTitle, wxSizerFlags().Border(wxTOP));
    m_reason = field(this, "escalation/reason", "why: resolved, or why not escalated");
    right->Add(m_reason, wxSizerFlags().Border(wxTOP | wxBOTTOM));
    auto* closeRow = new wxBoxSizer(wxHORIZONTAL);
    auto* resolve = touchButton(this, "Resolved", "escalation/resolve");
    auto* decline = touchButton(this, "Decline to escalate", "escalation/decline");
    for (auto [button, kind] :
         {std::pair{resolve, StepKind::Resolve}, std::pair{decline, StepKind::Decline}}) {
        button->Bind(wxEVT_BUTTON, [this, kind](wxCommandEvent&) {
            EscalationStep s;
            s.kind = kind;
            s.reason = m_reason->GetValue().Trim().utf8_string();
            add(s);
        });
        closeRow->Add(button, wxSizerFlags().Border(wxRIGHT));
    }
    right->Add(closeRow);
    // Who may close it is the ward's rule; the buttons are only shown to them, so nobody types a
    // reason to be refused at the end (issue 14).
    m_closeControls = {closeTitle, m_reason, resolve, decline};
    collectWindows(right, m_callForm);
    m_readOnly = label(this, "", 1.2, true, "escalation/read-only");
    m_readOnly->Hide();
    right->Add(m_readOnly);
    body->Add(right, wxSizerFlags().Border());
    top->Add(body, wxSizerFlags(1).Expand());
    SetSizer(top);
}

void EscalationPage::show(std::int64_t id) {
    m_id = id;
    sayIn(m_message, "");
    auto e = m_context.ward.escalation(id);
    if (!e) return;
    auto stay = m_context.ward.stay(e->stay);
    m_title->SetLabel(wxString::FromUTF8(
        fmt::format("Bed {} \u00b7 {} \u00b7 {} {}", stay ? stay->bed : "?",
                    stay ? stay->name : "?", levelWord(e->level()).utf8_string(), e->message)));
    auto state = e->state();
    auto now = m_context.ward.clock().now();
    // A closed escalation is read only; resolving or declining only for those allowed to.
    bool open = e->open();
    bool canClose = allowed(m_context.session.role, Permission::ResolveEscalations);
    for (auto* w : m_callForm)
        w->Show(open);
    // Resolve and Decline only where the escalation's state allows them, so nobody types a
    // reason to be refused: a probe step with a reason asks the same rule the ward applies.
    auto wouldAccept = [&](StepKind kind) {
        EscalationStep probe;
        probe.kind = kind;
        probe.reason = "probe";
        return open && canClose && !checkStep(*e, probe);
    };
    bool resolve = wouldAccept(StepKind::Resolve), decline = wouldAccept(StepKind::Decline);
    m_closeControls[0]->Show(resolve || decline); // "Close it"
    m_closeControls[1]->Show(resolve || decline); // the reason
    m_closeControls[2]->Show(resolve);
    m_closeControls[3]->Show(decline);
    m_frequencyForm->Show(open);
    m_readOnly->Show(!open);
    m_readOnly->SetLabel(wxString::FromUTF8(
        open ? "" : fmt::format("{}: read only. Its history is on the left.", stateWords(state))));
    bool overdue = acknowledgementOverdue(*e, now, m_context.ward.acknowledgeWithin());
    m_state->SetLabel(wxString::FromUTF8(
        fmt::format("{} \u00b7 raised {} ({} ago){}", stateWords(state),
                    formatLocalTime(e->raisedAt), formatDuration(now - e->raisedAt),
                    overdue ? " \u00b7 \u26a0 ACKNOWLEDGEMENT OVERDUE" : "")));
    m_state->SetForegroundColour(overdue ? refusedColour() : wxNullColour);
    m_sbar->SetLabel(wxString::FromUTF8(e->currentSbar()));
    m_sbar->Wrap(FromDIP(540)); // the left column beside the call form
    // Every flag this escalation holds: one event, one call.
    std::string history;
    for (auto& f : e->flags)
        history +=
            fmt::format("{}{} {}: {}", history.empty() ? "" : "\n",
                        levelSymbol(f.level).utf8_string(), rules::levelCode(f.level), f.message);
    history += fmt::format("\n{} raised", formatLocalTime(e->raisedAt));
    // The nurses' steps and the onward cascade Vigil recorded, in the order they happened.
    std::vector<std::pair<TimePoint, std::string>> lines;
    for (auto& s : e->steps) {
        auto line = fmt::format("\n{} {}", formatLocalTime(s.at), stepCode(s.kind));
        if (s.kind == StepKind::Inform)
            line += fmt::format(": {} ({}) by {}", s.clinicianName, s.clinicianRole, s.method);
        if (!s.instructions.empty()) line += ": " + s.instructions;
        if (!s.reason.empty()) line += ": " + s.reason;
        lines.emplace_back(s.at, std::move(line));
    }
    for (auto& c : m_context.ward.cascadeSteps(e->id))
        lines.emplace_back(
            c.dueAt, fmt::format("\n{} \u2192 {} notified by Vigil (not acknowledged)",
                                 formatLocalTime(c.dueAt), rules::cascadeRoleWords(c.notified)));
    std::stable_sort(lines.begin(), lines.end(),
                     [](auto& a, auto& b) { return a.first < b.first; });
    for (auto& [at, line] : lines)
        history += line;
    m_history->SetLabel(wxString::FromUTF8(history));
    m_history->Wrap(FromDIP(540)); // a long line must not push the call form off the screen
    auto freq = m_context.ward.activeFrequency(e->stay);
    m_frequency->SetForegroundColour(wxNullColour);
    sayIn(m_frequency, wxString::FromUTF8(
                           freq ? "Observations " + freq->describe()
                                : "Schedule: " + m_context.ward.scheduleWithoutOrder(e->stay).why));
    Layout();
}

void EscalationPage::refresh() {
    if (!m_id) return;
    auto keep = m_message->GetLabel();
    show(m_id);
    m_message->SetLabel(keep);
}

void EscalationPage::setFrequency() {
    auto e = m_context.ward.escalation(m_id);
    auto every = m_every->selection();
    auto forHours = m_everyFor->selection();
    auto refuse = [&](const std::string& why) {
        m_frequency->SetForegroundColour(refusedColour());
        sayIn(m_frequency, wxString::FromUTF8("\u2716 " + why));
    };
    if (!e) return;
    if (!every || !forHours) return refuse("Choose how often and for how long");
    ObservationFrequency f;
    f.stay = e->stay;
    f.every = std::chrono::minutes(kEveryMinutes[*every]);
    f.clinician = m_clinician->GetValue().Trim().utf8_string();
    f.reason = m_instructions->GetValue().Trim().utf8_string();
    f.expires = m_context.ward.clock().now() + std::chrono::hours(kForHours[*forHours]);
    f.escalation = m_id;
    try {
        if (auto error = m_context.ward.setObservationFrequency(f, m_context.staff()))
            return refuse(*error); // what was typed stays
    } catch (const ward::NotSaved& ex) {
        return refuse(ex.what());
    }
    show(m_id);
}

void EscalationPage::add(EscalationStep step) {
    step.by = m_context.staff();
    try {
        if (auto error = m_context.ward.escalationStep(m_id, step)) {
            sayIn(m_message, wxString::FromUTF8("\u2716 " + *error)); // what was typed stays
            return;
        }
    } catch (const ward::NotSaved& e) {
        sayIn(m_message, wxString::FromUTF8(std::string("\u2716 ") + e.what()));
        return;
    }
    show(m_id);
}

} // namespace vigil::ui
