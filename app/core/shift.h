#pragma once
// Shifts, the charge nurse's summary of one, and the I-PASS handoff sheet (clinical-reference §8):
// the models only. The ward fills them; report draws them; cli writes them as JSON.
#include "core/escalation.h"
#include "core/news2.h"
#include "core/observation.h"
#include "core/observation_frequency.h"
#include "core/patient_limit.h"
#include "core/rules/engine.h"
#include "core/stay.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vigil {

struct Shift {
    TimePoint start, end; // [start, end)
    std::string name;     // "Day 07:00-19:00, Sun 22 Nov"
    bool contains(TimePoint t) const { return t >= start && t < end; }
};

// Shift changes as local times of day, e.g. 07:00 and 19:00 (the default); at least one.
struct ShiftPattern {
    std::vector<Minutes> starts{Minutes(7 * 60), Minutes(19 * 60)};
};
// "07:00" -> 420 min; a message naming the value otherwise.
std::variant<Minutes, std::string> parseTimeOfDay(std::string_view text);
Shift shiftAt(TimePoint t, const ShiftPattern& pattern); // the shift `t` falls in (local time)
// "START..END", each RFC 3339: a shift given by hand; a message naming what is wrong otherwise.
std::variant<Shift, std::string> parseShift(std::string_view text);

// I-PASS illness severity. Proposed from the current state; the nurse may change it, with a reason.
enum class Severity { Stable, Watcher, Unstable };
std::span<const Named<Severity>> severities(); // "stable", "watcher", "unstable"
// Unstable: an open emergency flag or escalation, or NEWS2 7 or more (high band). Watcher: an open
// urgent or watch flag or escalation, NEWS2 5-6 or a red score, or no round yet. Stable otherwise.
// A working choice: §8 names the three levels without criteria.
Severity proposeSeverity(const std::optional<news2::Result>& news2,
                         const std::vector<rules::Flag>& openFlags,
                         const std::vector<Escalation>& openEscalations, bool anyRound);

// One row of the shift summary.
struct ShiftPatient {
    StayId stay = 0;
    std::string bed, name;
    double hoursSinceFill = 0;
    std::optional<int> worstNews2; // this shift's rounds
    std::optional<news2::Result> currentNews2;
    std::optional<Poss> currentPoss;
    int flagsRaised = 0;                       // this shift
    std::map<rules::Level, int> flagsRaisedAt; // the same flags, by level
    int flagsResolved = 0; // escalations resolved, declined or superseded this shift
    int openEscalations = 0;
    bool acknowledgementOverdue = false;
    TimePoint nextDue;
    long overdueMinutes = 0;
    bool discharged = false; // left during the shift
};

struct UnitFigures {
    int patients = 0;
    int roundsDone = 0, roundsDue = 0, overdueRounds = 0;
    std::map<rules::Level, int> flagsRaised; // this shift, by level
    int openEscalations = 0, acknowledgementsOverdue = 0;
};

struct ShiftSummary {
    Shift shift;
    TimePoint asOf; // "data as of": now, or the shift's end if it is over
    UnitFigures unit;
    std::vector<ShiftPatient> patients; // by bed
};

// What the nurse adds to the sheet for one patient; the newest one counts.
struct HandoffNote {
    StayId stay = 0;
    std::optional<Severity> severity; // the nurse's choice; empty: the proposal stands
    std::string severityReason;       // required when the choice differs from the proposal
    std::string note;
    TimePoint at;
    StaffId by = 0;
};

struct SideEffects {
    std::vector<std::string> present;  // "Nausea 2"
    std::vector<std::string> notAsked; // labels of the checklist items left empty
    bool noneAsked = false;            // the checklist was not asked at all
    // "none", "not asked", "Nausea 2; not asked: Itching, Rash", "none of those asked; not
    // asked: Rash", "none of those asked; 16 of 17 items not asked" (more than five unnamed).
    std::string describe() const;
    static constexpr std::size_t kNamedNotAsked = 5;
};

struct HandoffPatient {
    ShiftPatient row;
    Stay stay;
    Severity proposed = Severity::Stable;
    std::optional<HandoffNote> note;
    std::vector<PatientLimit> limits;
    std::optional<ObservationFrequency> frequency; // a clinician's, active at the sheet's time
    std::vector<ObservationRound> rounds;          // this shift, oldest first, amendments applied
    std::optional<SideEffects> sideEffects;        // from the last round, in words
    std::vector<rules::Flag> openFlags;
    std::vector<Escalation> openEscalations;
    std::vector<std::string> actions;       // who does what by when
    std::vector<std::string> contingencies; // "Respiration rate 8/min or less → ..." (rules)
    std::string riskFactors;                // in words, the age as of the sheet's time
    // "same family name as Bed 7 (Ada Brennan)": another patient on the unit at the sheet's time
    // has the same family name (issue 14); empty when none.
    std::string nameAlert;
    Severity severity() const { return note && note->severity ? *note->severity : proposed; }
};

enum class Paper { A4, Letter };
std::span<const Named<Paper>> papers(); // "a4", "letter"

struct HandoffSheet {
    std::string unit;
    Shift shift;
    std::string printedBy;
    TimePoint printedAt, asOf;
    std::vector<HandoffPatient> patients; // by bed
    // The audit chain's head when the sheet was drawn: its footer anchors the record on paper.
    std::int64_t auditEntries = 0;
    std::string auditHash;
};

// Side effects worth handing over from a round: grades above 0, "yes" answers, bleeding and
// swelling other than none ("Nausea 2", "Itching 1", "Wound leak"); and apart from them the
// items not asked, so that "none" is never read where nobody asked (issue 14).
SideEffects sideEffectsOf(const ObservationRound& round);
// The rule set's emergency and urgent rules that apply to this stay, as "<summary> → <action>"
// ("Respiration rate 8/min or less → Clinician at the bedside now; ..."); the sheet puts "If"
// before each.
std::vector<std::string> contingenciesFor(const rules::RuleSet& set, const Stay& stay,
                                          std::size_t most = 6);

} // namespace vigil
