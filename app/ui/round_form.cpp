#include "ui/round_form.h"

#include "core/amendment.h"
#include "core/entry_check.h"
#include "core/hash.h"
#include "core/timefmt.h"
#include "ui/keypad.h"
#include "ui/round_outcome.h"
#include "ui/segmented.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>
#include <string_view>
#include <wx/button.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

namespace {
constexpr int kFieldDip = 52;
constexpr std::chrono::minutes kTakenStep{5};

// Entered on the keypad, in the order a nurse takes them.
constexpr const char* kKeypadFields[] = {"rr",   "spo2",    "sbp",  "dbp",   "hr",
                                         "temp", "o2_flow", "pain", "vomits"};

struct Option {
    const char* label;
    const char* value;
};
struct ChoiceSpec {
    const char* key;
    const char* label;
    std::vector<Option> options;
    int widthDip = 64;
    int perRow = 0; // one row unless given
};
const std::vector<Option> kNoYes{{"No", "no"}, {"Yes", "yes"}};

// The segmented rows beside the keypad: what the NEWS2 and POSS need.
const std::vector<ChoiceSpec> kVitalChoices{
    {"acvpu", "Consciousness", {{"A", "A"}, {"C", "C"}, {"V", "V"}, {"P", "P"}, {"U", "U"}}},
    {"poss", "Sedation (POSS)", {{"S", "S"}, {"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}}},
    {"o2", "Air or oxygen", {{"Air", "no"}, {"Oxygen", "yes"}}, 120},
};
// The side-effect checklist (clinical-reference §6): graded rows, then the yes/no questions.
const std::vector<ChoiceSpec> kGraded{
    {"nausea",
     "Nausea",
     {{"0 none", "0"}, {"1 nausea", "1"}, {"2 retching", "2"}, {"3 vomiting", "3"}},
     100},
    {"itching",
     "Itching",
     {{"0 none", "0"}, {"1 mild", "1"}, {"2 moderate", "2"}, {"3 severe", "3"}},
     100},
    {"headache",
     "Headache",
     {{"0 none", "0"}, {"1 mild", "1"}, {"2 moderate", "2"}, {"3 severe", "3"}},
     100},
    {"rass",
     "RASS",
     {{"-5", "-5"},
      {"-4", "-4"},
      {"-3", "-3"},
      {"-2", "-2"},
      {"-1", "-1"},
      {"0", "0"},
      {"+1", "1"},
      {"+2", "2"},
      {"+3", "3"},
      {"+4", "4"}},
     48,
     5}, // -5..-1 above, 0..+4 below: all ten reachable at 1280x800
    {"bleeding", "Bleeding", {{"None", "none"}, {"Ooze", "ooze"}, {"Active", "active"}}, 64},
    {"pocket_swelling",
     "Pocket",
     {{"None", "none"}, {"Stable", "stable"}, {"Expanding", "expanding"}},
     64},
    {"bromage", "Bromage", {{"0", "0"}, {"1", "1"}, {"2", "2"}, {"3", "3"}}, 48},
};
const std::vector<ChoiceSpec> kQuestions{
    {"headache_postural", "Headache worse upright", kNoYes, 56},
    {"neck_stiffness", "Neck stiffness", kNoYes, 56},
    {"rash", "Rash", kNoYes, 56},
    {"new_weakness", "New weakness", kNoYes, 56},
    {"new_numbness", "New numbness or tingling", kNoYes, 56},
    {"bladder_bowel_change", "Bladder or bowel change", kNoYes, 56},
    {"wound_leak", "Clear fluid at wound", kNoYes, 56},
    {"bowels_opened", "Bowels opened", kNoYes, 56},
};
const ChoiceSpec& graded(std::string_view key) {
    for (auto& spec : kGraded)
        if (spec.key == key) return spec;
    throw std::logic_error("no checklist item " + std::string(key));
}
} // namespace

RoundForm::RoundForm(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "round-form"),
      m_context(context) {
    m_book = new wxSimplebook(this);
    auto* form = new wxPanel(m_book);
    buildForm(form);
    m_outcome = new RoundOutcomeView(m_book, [this] { runCommand("ward/board", m_context); });
    m_book->AddPage(form, "form");
    m_book->AddPage(m_outcome, "outcome");
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(s);
}

void RoundForm::buildForm(wxWindow* page) {
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* header = new wxBoxSizer(wxHORIZONTAL);
    m_header = label(page, "", 1.5, true);
    m_header->SetMinSize(wxSize(FromDIP(300), -1)); // a long name is cut, never pushes the time
    header->Add(m_header, wxSizerFlags(1).CenterVertical());
    // When the observations were taken: the form's opening time unless the nurse moves it (a
    // round typed in after it was taken is charted when it was taken, issue 14).
    header->Add(label(page, "Observations taken at", 1.1, true),
                wxSizerFlags().CenterVertical().Border(wxRIGHT));
    auto* earlier = touchButton(page, "\u25c0 5 min", "round/taken-earlier");
    earlier->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { moveTakenAt(-kTakenStep); });
    header->Add(earlier, wxSizerFlags().CenterVertical());
    m_takenLabel = reservedLabel(page, 90, 1, 1.4, true, "round/taken-at");
    m_takenLabel->SetWindowStyle(m_takenLabel->GetWindowStyle() | wxALIGN_CENTRE_HORIZONTAL);
    header->Add(m_takenLabel, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT));
    m_later = touchButton(page, "5 min \u25b6", "round/taken-later");
    m_later->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { moveTakenAt(kTakenStep); });
    header->Add(m_later, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(24)));
    auto* back = touchButton(page, "Back to board", "round/cancel");
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        leave();
        runCommand("ward/board", m_context);
    });
    header->Add(back);
    top->Add(header, wxSizerFlags().Expand().Border());
    // Under the header: on the left the banner over the vital signs and the keypad; on the
    // right the checklist, from right under the header so that all of it fits (issue 14).
    auto* main = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    // Every message of the form has its lines reserved here, whether or not there is one: a
    // message appearing or clearing moves no control under a finger (issue 14). The field it is
    // about is marked in place (✖ refused, ⚠ to confirm).
    m_banner = new wxStaticText(page, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                                wxST_NO_AUTORESIZE, "round/banner");
    m_banner->SetFont(scaled(m_banner->GetFont(), 1.1, true));
    m_banner->SetForegroundColour(refusedColour());
    m_banner->SetMinSize(wxSize(-1, kBannerLines * m_banner->GetCharHeight() + FromDIP(4)));
    left->Add(m_banner, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT));

    auto* body = new wxBoxSizer(wxHORIZONTAL);

    // Column 1: the keypad fields. Tapping one selects it for the keypad.
    auto* vitals = new wxBoxSizer(wxVERTICAL);
    for (const char* key : kKeypadFields) {
        m_order.emplace_back(key);
        auto* b = new wxButton(page, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxBU_LEFT,
                               wxDefaultValidator, wxString("field/") + key);
        // Nine fields and the banner's reserved lines fit 1280x800 at 52 DIP (above the 48).
        b->SetMinSize(wxSize(FromDIP(270), FromDIP(kFieldDip)));
        b->SetFont(scaled(b->GetFont(), 1.25));
        std::string k = key;
        b->Bind(wxEVT_BUTTON, [this, k](wxCommandEvent&) { select(k); });
        vitals->Add(b, wxSizerFlags().Expand().Border(wxTOP, FromDIP(3)));
        m_numbers[key] = {b, ""};
    }
    body->Add(vitals, wxSizerFlags().Border());

    // A choice with its title to the left (`titleDip` wide, wrapped) or above it.
    auto addChoice = [this](wxWindow* parent, wxSizer* into, const ChoiceSpec& spec,
                            int titleDip = 0, int heightDip = 0) {
        std::vector<wxString> labels;
        std::vector<std::string> values;
        for (auto& o : spec.options)
            labels.emplace_back(wxString::FromUTF8(o.label)), values.emplace_back(o.value);
        auto* choice =
            new SegmentedChoice(parent, spec.key, labels, spec.widthDip, spec.perRow, heightDip);
        std::string key = spec.key;
        choice->onChange([this, key](std::optional<int> i) {
            edited(key);
            if (key != "o2") return;
            // Oxygen: the flow is the next thing to type. Air: the flow field is skipped.
            if (i == 1) select("o2_flow");
            showRow("o2_flow");
        });
        auto* title = label(parent, wxString::FromUTF8(spec.label), 1.05, true);
        if (titleDip > 0) {
            title->Wrap(FromDIP(titleDip));
            title->SetMinSize(wxSize(FromDIP(titleDip), -1));
            into->Add(title, wxSizerFlags().CenterVertical());
            into->Add(choice, wxSizerFlags().CenterVertical());
        } else {
            into->Add(title, wxSizerFlags().Border(wxTOP, FromDIP(heightDip ? 2 : 6)));
            into->Add(choice, wxSizerFlags().Expand());
        }
        m_choices[key] = {choice, values};
    };

    // Column 2: keypad, then consciousness, sedation and oxygen.
    auto* middle = new wxBoxSizer(wxVERTICAL);
    m_keypad = new Keypad(page, [this](const wxString& k) { onKey(k); });
    middle->Add(m_keypad);
    for (auto& spec : kVitalChoices)
        addChoice(page, middle, spec);
    body->Add(middle, wxSizerFlags().Border());
    left->Add(body, wxSizerFlags(1).Expand());
    main->Add(left, wxSizerFlags().Expand());

    // Column 3: one tap for a patient without complaints, then the checklist. All of it is on a
    // 1280x800 screen without scrolling (the Bromage row was cut off, issue 14): its buttons are
    // 48 DIP high, and items with few answers share a line. It still scrolls on a smaller screen.
    // The note beside the button has its width reserved: nothing moves.
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* noneRow = new wxBoxSizer(wxHORIZONTAL);
    auto* none = touchButton(page, "\u2713 No side effects", "round/no-side-effects");
    none->SetFont(scaled(none->GetFont(), 1.1, true));
    fitToLabel(none);
    none->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { answerNoSideEffects(); });
    noneRow->Add(none, wxSizerFlags().CenterVertical());
    m_noneNote = new wxStaticText(page, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(230), -1),
                                  wxST_NO_AUTORESIZE, "round/none-note");
    m_noneNote->SetMinSize(m_noneNote->GetSize());
    noneRow->Add(m_noneNote, wxSizerFlags(1).CenterVertical().Border(wxLEFT));
    column->Add(noneRow, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    auto* list = new wxScrolledWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL,
                                      "checklist");
    m_checklist = list;
    list->SetScrollRate(0, FromDIP(20));
    constexpr int kRowDip = 48; // the touch minimum: what lets the whole checklist fit
    constexpr int kTitleDip = 76;
    auto* checklist = new wxBoxSizer(wxVERTICAL);
    auto line = [&] {
        auto* l = new wxBoxSizer(wxHORIZONTAL);
        checklist->Add(l, wxSizerFlags().Border(wxBOTTOM, FromDIP(2)));
        return l;
    };
    auto cell = [&](wxSizer* into) {
        auto* c = new wxBoxSizer(wxVERTICAL);
        into->Add(c, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
        return c;
    };
    for (const char* key : {"nausea", "itching", "headache"})
        addChoice(list, line(), graded(key), kTitleDip, kRowDip);
    // RASS in two rows (all ten reachable), Bromage beside it; bleeding and pocket together.
    auto* rassLine = line();
    addChoice(list, rassLine, graded("rass"), kTitleDip, kRowDip);
    addChoice(list, cell(rassLine), graded("bromage"), 0, kRowDip);
    auto* woundLine = line();
    addChoice(list, cell(woundLine), graded("bleeding"), 0, kRowDip);
    addChoice(list, cell(woundLine), graded("pocket_swelling"), 0, kRowDip);
    // Yes/no questions two to a line, each with its words beside its buttons.
    auto* questions = new wxFlexGridSizer(4, FromDIP(2), FromDIP(4));
    for (auto& spec : kQuestions)
        addChoice(list, questions, spec, 128, kRowDip);
    checklist->Add(questions, wxSizerFlags().Border(wxTOP, FromDIP(2)));
    list->SetSizer(checklist);
    column->Add(list, wxSizerFlags(1).Expand());
    main->Add(column, wxSizerFlags(1).Expand().Border(wxLEFT | wxTOP | wxBOTTOM));
    top->Add(main, wxSizerFlags(1).Expand());

    // Bottom: why something was not measured, and Save.
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(label(page, "Not measured or asked, why:", 1.05, true),
                wxSizerFlags().CenterVertical().Border());
    std::vector<wxString> reasons;
    for (auto& r : partialReasons())
        reasons.emplace_back(wxString::FromUTF8(r.label.data(), r.label.size()));
    m_partial = new SegmentedChoice(page, "partial", reasons, 150);
    m_partial->onChange([this](std::optional<int>) { edited("partial_reason"); });
    bottom->Add(m_partial, wxSizerFlags().CenterVertical());
    bottom->AddStretchSpacer();
    // A round that cannot be done is recorded as missed, with the reason chosen beside it.
    auto* missed = touchButton(page, "Round not done", "round/missed");
    missed->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { recordMissed(); });
    bottom->Add(missed, wxSizerFlags().CenterVertical().Border());
    m_save = touchButton(page, "Save round", "round/save");
    m_save->SetMinSize(wxSize(FromDIP(240), FromDIP(64)));
    m_save->SetFont(scaled(m_save->GetFont(), 1.2, true));
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    bottom->Add(m_save, wxSizerFlags().Border());
    top->Add(bottom, wxSizerFlags().Expand());
    page->SetSizer(top);
}

void RoundForm::start(StayId stay, const std::string& deviceKey) {
    if (stay != m_stay) clear();
    m_stay = stay;
    auto s = m_context.ward.stay(stay);
    auto now = m_context.ward.clock().now();
    m_header->SetLabel(s ? wxString::FromUTF8(fmt::format("Bed {} \u00b7 {}", s->bed, s->name))
                         : wxString("Round"));
    if (m_takenAt == TimePoint{}) m_takenAt = now; // a kept draft keeps its time
    if (!deviceKey.empty()) m_deviceKey = deviceKey;
    if (m_deviceKey.empty()) m_deviceKey = randomKey();
    announceOpening();
    showTakenAt();
    say("");
    static_cast<wxScrolledWindow*>(m_checklist)
        ->Scroll(0, 0); // each round starts at the top of the checklist
    m_book->ChangeSelection(0);
    select(m_order.front());
}

// Other devices' boards show "Round in progress: Nurse X" (issue 13). A server out of reach
// does not stop the round: the unit banner already says nothing is being saved.
void RoundForm::announceOpening() {
    if (!m_context.staff()) return; // nobody signed in: the ward would refuse it
    try {
        m_context.ward.roundOpened(m_stay, m_deviceKey, m_context.staff());
    } catch (const ward::NotSaved&) {}
}

void RoundForm::leave() {
    if (!m_stay || m_deviceKey.empty() || !m_context.staff()) return;
    try {
        m_context.ward.roundLeft(m_stay, m_deviceKey, m_context.staff());
    } catch (const ward::NotSaved&) {
        // Unreachable: the opening ends by itself after ward::kRoundInProgressFor.
    }
}

void RoundForm::clear() {
    for (auto& [key, row] : m_choices)
        row.choice->setSelection(std::nullopt);
    m_problems.clear();
    m_note.clear();
    for (auto& [key, row] : m_numbers)
        row.text.clear(), showRow(key);
    m_partial->setSelection(std::nullopt);
    m_noneNote->SetLabel("");
    m_pendingConfirmation.clear();
    m_save->SetLabel("Save round");
    m_takenAt = {};
    m_deviceKey.clear();
    showBanner();
}

void RoundForm::recordMissed() {
    auto reason = m_partial->selection();
    if (!reason) {
        return say(wxString::FromUTF8("\u2716 Choose why the round was not done (asleep, "
                                      "refused, away from bed, clinician's request)"));
    }
    try {
        if (auto error = m_context.ward.recordMissedRound(
                m_stay, std::string(partialReasons()[*reason].label), m_context.staff())) {
            return say(wxString::FromUTF8("\u2716 " + *error));
        }
    } catch (const ward::NotSaved& e) {
        return say(wxString::FromUTF8(std::string("\u2716 ") + e.what()));
    }
    clear();
    m_stay = 0;
    runCommand("ward/board", m_context);
}

void RoundForm::save() {
    ObservationRound round;
    round.stay = m_stay;
    std::vector<EntryProblem> problems;
    for (auto& [key, row] : m_numbers) {
        if (row.text.empty()) continue;
        if (auto error = setField(round, key, row.text.ToStdString()))
            problems.push_back({EntryProblem::Kind::Refused, key, std::nullopt, *error});
    }
    for (auto& [key, row] : m_choices)
        if (auto i = row.choice->selection()) setField(round, key, row.values[*i]);
    if (auto i = m_partial->selection()) round.partialReason = partialReasons()[*i].value;

    round.takenAt = m_takenAt;
    round.deviceKey = m_deviceKey;
    // Unanswered checklist items are named before saving; a reason saves without them, as for
    // unmeasured vital signs ("not asked" is then charted apart from "none").
    if (auto notAsked = unansweredChecklist(round); !notAsked.empty() && !round.partialReason) {
        for (auto& p : checkEntry(round, m_pendingConfirmation))
            problems.push_back(p);
        problems.push_back(
            {EntryProblem::Kind::Refused, "checklist", std::nullopt, notAskedMessage(notAsked)});
    }
    if (!problems.empty()) return showProblems(problems);

    ward::RoundOutcome outcome;
    try {
        // Pressing "Confirm and save" is the nurse confirming the values shown as unusual.
        outcome = m_context.ward.recordRound(round, m_pendingConfirmation, m_context.staff());
    } catch (const ward::NotSaved& e) {
        // Nothing typed is lost: the form stays as it is, so Save can simply be tapped again.
        return say(wxString::FromUTF8(std::string("\u2716 ") + e.what() +
                                      ". Everything you entered is still here: tap Save again."));
    }
    if (!outcome.saved) {
        m_pendingConfirmation.clear();
        bool onlyConfirmations = true;
        for (auto& p : outcome.problems) {
            if (p.kind == EntryProblem::Kind::NeedsConfirmation)
                m_pendingConfirmation.insert(p.field);
            else
                onlyConfirmations = false;
        }
        if (!onlyConfirmations) m_pendingConfirmation.clear();
        m_save->SetLabel(m_pendingConfirmation.empty() ? "Save round" : "Confirm and save");
        showProblems(outcome.problems);
        return;
    }
    m_outcome->show(m_context.ward.stay(m_stay).value_or(Stay{}), outcome);
    m_book->ChangeSelection(1);
    clear();
    m_stay = 0;
}

} // namespace vigil::ui
