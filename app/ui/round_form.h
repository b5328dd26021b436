#pragma once
// The bedside round: vitals on a big keypad, consciousness and sedation as segmented buttons,
// the side-effect checklist as graded buttons and toggles; then the NEWS2 outcome at once.
#include "core/entry_check.h"
#include "ui/commands.h"

#include <wx/panel.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

class wxSimplebook;
class wxStaticText;
class wxButton;

namespace vigil::ui {

class SegmentedChoice;
class RoundOutcomeView;
class Keypad;

// What a nurse has typed but not saved: kept in memory (never on disk, never shown to anyone
// else) while the tablet is locked, and put back when the same nurse signs in again.
struct RoundDraft {
    StayId stay = 0;
    std::map<std::string, wxString> numbers;
    std::map<std::string, int> choices;
    std::optional<int> partial;
    TimePoint takenAt{};   // "observations taken at": kept as the nurse set it, across the lock
    std::string deviceKey; // this round's key: a save retried after the lock is still one round
    bool empty() const { return numbers.empty() && choices.empty() && !partial; }
};

// "Not asked: Pain, Itching … and 11 more. Ask them …": the checklist items left empty, by key.
std::string notAskedMessage(const std::vector<std::string>& keys);

class RoundForm : public wxPanel {
public:
    RoundForm(wxWindow* parent, Context context);
    // Starts a fresh round for this patient. A half-typed round for the same patient is kept.
    // `deviceKey`: a kept draft's round key, so its opening and its save are one round.
    void start(StayId stay, const std::string& deviceKey = {});
    // Takes what is typed out of the form, leaving it empty; restore() puts it back.
    RoundDraft takeDraft();
    void restore(const RoundDraft& draft);
    // The form is left without saving (Back to board, the tablet locking): recorded, so other
    // devices stop showing the round in progress. The draft stays.
    void leave();

private:
    static constexpr int kBannerLines = 3; // the most a round's messages take at 1280x800
    struct NumberRow {
        wxButton* button;
        wxString text;
    };
    struct ChoiceRow {
        SegmentedChoice* choice;
        std::vector<std::string> values; // text form for setField, one per button
    };

    void buildForm(wxWindow* page);
    void select(const std::string& key);
    void onKey(const wxString& key);
    bool applies(const std::string& key);
    std::optional<std::string> nextField(const std::string& from, bool wrap);
    void answerNoSideEffects();
    void showRow(const std::string& key);
    void edited(const std::string& key);
    void save();
    void recordMissed();
    void clear();
    void showProblems(const std::vector<EntryProblem>& problems);
    void say(const wxString& text); // the banner: its lines are reserved, nothing moves
    void showBanner();
    void moveTakenAt(std::chrono::minutes by);
    void showTakenAt();
    void announceOpening();

    Context m_context;
    StayId m_stay = 0;
    wxSimplebook* m_book = nullptr;
    wxStaticText* m_header = nullptr;
    wxStaticText* m_takenLabel = nullptr;
    wxButton* m_later = nullptr;
    TimePoint m_takenAt{}; // when the observations were taken: the form's opening unless changed
    // Made when the form opens, kept until the round is saved: a Save tapped again after "not
    // saved" (a lost server, a lost answer) is the same round, which the record keeps once.
    std::string m_deviceKey;
    wxStaticText* m_banner = nullptr;
    wxButton* m_save = nullptr;
    std::vector<std::string> m_order; // keypad fields in entry order
    std::map<std::string, NumberRow> m_numbers;
    std::map<std::string, ChoiceRow> m_choices;
    SegmentedChoice* m_partial = nullptr;
    std::string m_selected;
    Keypad* m_keypad = nullptr;
    wxWindow* m_checklist = nullptr;
    wxStaticText* m_noneNote = nullptr;
    bool m_replaceOnKey = false; // the first key after selecting a filled field replaces its value
    bool m_autoAdvanced = false; // the keypad moved on by itself; a habitual "Next" is absorbed
    std::set<std::string> m_pendingConfirmation;
    std::vector<EntryProblem> m_problems; // shown in the banner and marked on their fields
    wxString m_note;                      // a banner line not about one field
    RoundOutcomeView* m_outcome = nullptr;
};

} // namespace vigil::ui
