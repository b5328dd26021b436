#pragma once
// The use cases of the recovery area. Each one is a single transaction: it is saved whole or
// not at all, and a failure leaves the caller's data untouched so the nurse can retry.
#include "core/amendment.h"
#include "core/clock.h"
#include "core/entry_check.h"
#include "core/escalation.h"
#include "core/news2.h"
#include "core/observation.h"
#include "core/rules/engine.h"
#include "core/rules/shipped.h"
#include "core/schedule.h"
#include "core/shift.h"
#include "core/stay.h"
#include "store/cascade.h"
#include "store/database.h"
#include "store/escalations.h"
#include "store/fhir_deliveries.h"
#include "store/handoff.h"
#include "store/round_openings.h"
#include "store/staff.h"
#include "store/stays.h"
#include "ward/name_alert.h"

#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace vigil::ward {

// What tightens a patient's schedule besides the round: the highest open urgent or emergency
// escalation, and the clinician's frequency.
schedule::Orders ordersFor(const std::vector<Escalation>& open,
                           const std::optional<ObservationFrequency>& frequency);

// How long an opened round form shows as "round in progress" on other devices when it is neither
// saved nor left (a tablet switched off mid-round): a round takes minutes, not a quarter hour.
inline constexpr std::chrono::minutes kRoundInProgressFor{15};
// The round in progress shown for a stay, from the newest opening or leaving recorded for it
// (saved rounds already left out) and its last missed round, as at `now` (ward_presence.cpp).
std::optional<store::RoundOpening> inProgress(const store::RoundOpening* last,
                                              const std::optional<store::MissedRound>& missed,
                                              TimePoint now);

// Nothing was saved; what() says why, in words for the screen. The caller keeps what was typed.
class NotSaved : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
// The database refused the write (disk full, locked, read-only).
class SaveFailed : public NotSaved {
public:
    using NotSaved::NotSaved;
};
// The person's role does not allow this, or nobody is signed in. Checked here, in the ward, so a
// hidden button is a convenience and not the protection.
class NotAllowed : public NotSaved {
public:
    using NotSaved::NotSaved;
};

struct SignInResult {
    std::optional<store::StaffMember> signedIn; // empty: refused
    std::string message;                        // why not: wrong PIN and tries left, or locked
    std::optional<TimePoint> lockedUntil;
};

struct StaffOutcome {
    std::optional<std::string> problem; // names the field and what is accepted
    std::optional<StaffId> added;
};

struct RoundOutcome {
    // Refused values, values awaiting confirmation, or a missing reason for a partial round.
    // When non-empty, nothing was saved.
    std::vector<EntryProblem> problems;
    std::optional<RoundId> saved;
    ObservationRound round; // as recorded: time, scale and recorder filled in
    news2::Result news2;
    std::optional<Poss> poss;
    std::vector<rules::Flag>
        flags; // open after this round, highest level first (saved rounds only)
    std::vector<EscalationId> escalationsOpened;  // at most one: one event, one escalation
    std::optional<EscalationId> escalationRaised; // an open one this round raised to a higher level
    // This device had saved it already (same device key): the first save stands, nothing new.
    bool alreadySaved = false;
};

struct AdmitOutcome {
    std::vector<StayProblem> problems;
    std::optional<StayId> admitted;
};

struct BedView {
    Stay stay;
    std::optional<ObservationRound>
        lastRound; // amendments applied; rounds entered in error skipped
    std::optional<news2::Result> news2;
    std::vector<rules::Flag> openFlags; // after the last round, highest level first
    std::vector<Escalation> openEscalations;
    schedule::Due due;
    long overdueMinutes = 0;
    bool acknowledgementOverdue = false;             // an urgent or emergency flag waits too long
    std::vector<PatientLimit> limits;                // active now
    std::optional<store::MissedRound> missed;        // the last round recorded as missed, if any
    std::optional<ObservationFrequency> frequency;   // a clinician's, active now
    std::optional<store::CascadeRecord> lastCascade; // of the open escalations, the newest step
    std::vector<NameMatch> nameAlert;                // others on the unit with the same family name
    // A round form open at this bed (on any device), not yet saved or left, opened within
    // kRoundInProgressFor.
    std::optional<store::RoundOpening> roundInProgress;
    // The most urgent open escalation: acknowledgement overdue first, then the highest level.
    const Escalation* topEscalation(TimePoint now, const AcknowledgeWithin& within) const;
};

struct ChartRound {
    AmendedRound round;
    news2::Result news2; // from the current (amended) values
};

struct PatientChart {
    Stay stay;
    std::vector<ChartRound> rounds;   // newest first
    std::vector<NameMatch> nameAlert; // on the unit: others with the same family name
};

class Ward {
public:
    Ward(store::Database& db, const Clock& clock,
         std::shared_ptr<const rules::RuleSet> rules = rules::shippedRuleSet())
        : m_db(db), m_clock(clock), m_rules(std::move(rules)) {}

    // The rule set new rounds are evaluated with. A refused file never gets here: the caller
    // keeps the one in use (see ui::RuleWatcher).
    void setRules(std::shared_ptr<const rules::RuleSet> rules) { m_rules = std::move(rules); }
    const rules::RuleSet& rules() const { return *m_rules; }

    // `dob`: whether the date of birth is required (the admit form: yes; vigil demo, tests: no).
    AdmitOutcome admit(Stay stay, StaffId by, DateOfBirthNeeded dob = DateOfBirthNeeded::No);
    void discharge(StayId stay, StaffId by);
    // Validates (§7), requires a reason when a NEWS2 input is missing, scores and stores.
    // `round.takenAt` defaults to now; the SpO2 scale always comes from the stay.
    RoundOutcome recordRound(ObservationRound round, const std::set<std::string>& confirmed,
                             StaffId by);
    // Returns a message naming what was wrong, or nothing when the amendment was stored.
    std::optional<std::string> amend(Amendment amendment);

    std::optional<Stay> stay(StayId id);

    // Adds a step to an escalation (time and who filled in); a message when it is not allowed.
    std::optional<std::string> escalationStep(EscalationId id, EscalationStep step);
    std::optional<Escalation> escalation(EscalationId id);
    // The onward cascade (ward_cascade.cpp, clinical-reference §5): records, by Vigil, every step
    // now due of every unacknowledged urgent or emergency escalation, once across all devices, in
    // one transaction. Returns the steps this call recorded (none when another device was first).
    std::vector<store::CascadeRecord> runCascade();
    std::vector<store::CascadeRecord> cascadeSteps(EscalationId id); // oldest first
    // A round that could not be done, with why; the round stays due.
    // A clinician's limit for one patient; the newest limit for a field replaces older ones.
    std::optional<std::string> setPatientLimit(PatientLimit limit, StaffId by);
    std::vector<PatientLimit> activeLimits(StayId stay);
    std::optional<std::string> recordMissedRound(StayId stay, const std::string& reason,
                                                 StaffId by);
    // A round form opened at a bed, and left without saving (ward_presence.cpp): recorded so other
    // devices' boards say who is at the bed. `deviceKey` is the form's round key; saving the round
    // with it ends the opening too. Throws SaveFailed when the record cannot be reached.
    void roundOpened(StayId stay, const std::string& deviceKey, StaffId by);
    void roundLeft(StayId stay, const std::string& deviceKey, StaffId by);
    // The round in progress at a stay now, as the board shows it.
    std::optional<store::RoundOpening> roundInProgress(StayId stay);
    // A clinician's observation frequency for one patient (ward_escalation.cpp): stricter than
    // the schedule always; looser with the clinician's name and reason. The newest replaces older
    // ones. Returns what is wrong, or nothing when saved.
    std::optional<std::string> setObservationFrequency(ObservationFrequency f, StaffId by);
    std::optional<ObservationFrequency> activeFrequency(StayId stay);
    // The patient's schedule now, without any clinician's frequency: what a new one is compared to.
    schedule::Due scheduleWithoutOrder(StayId stay);
    AcknowledgeWithin acknowledgeWithin() const {
        return {m_rules->acknowledgeEmergency, m_rules->acknowledgeUrgent};
    }
    // Every occupied bed, most urgent first: acknowledgement overdue, then the highest open
    // escalation or flag, then one still waiting to be acknowledged, then the most overdue
    // round, then bed number.
    std::vector<BedView> board();
    std::optional<PatientChart> chart(StayId stay);

    // The staff member of that name, added as `role` (with no PIN) when not yet known. For the
    // demo generator and tests; people who sign in are added with addStaff.
    StaffId ensureStaff(const std::string& name, store::Role role);

    // Staff and sign-in (ward_staff.cpp).
    // True until an admin with a PIN exists: the first start asks for one.
    bool needsFirstAdmin();
    StaffOutcome addFirstAdmin(const std::string& name, const std::string& pin);
    StaffOutcome addStaff(const std::string& name, Role role, const std::string& pin, StaffId by);
    std::optional<std::string> setPin(StaffId who, const std::string& pin, StaffId by);
    SignInResult signIn(StaffId who, const std::string& pin);
    // Recorded so the sign-in record shows when a session ended and why.
    void signOut(StaffId who, bool idle);
    std::vector<store::StaffMember> staff();
    // Throws NotAllowed naming the person, their role and who may; returns the member otherwise.
    store::StaffMember require(StaffId by, Permission p);
    // An admin picks the ward's rule file; a file that does not load is refused with its first
    // errors and the rule set in use stays. Returns the message for the screen.
    std::optional<std::string> chooseRules(const std::string& path, StaffId by);
    std::optional<store::RuleChoice> ruleChoice();
    // Shift summary and handoff (ward_shift.cpp). `asOf` is now, or the shift's end if over.
    ShiftSummary shiftSummary(const Shift& shift);
    HandoffSheet handoffSheet(const Shift& shift, const std::string& unit,
                              const std::string& printedBy);
    // Whether the hospital's EHR has every round (issue 15), for the server the newest delivery
    // went to; empty when nothing was ever sent from this record (no EHR link set up).
    struct EhrDelivery {
        std::string endpoint;
        store::FhirBacklog backlog;
    };
    std::optional<EhrDelivery> ehrDelivery();
    // The nurse's note and severity for a patient's handoff. A severity other than the proposed
    // one needs a reason. Returns what is wrong, or nothing when saved.
    std::optional<std::string> saveHandoffNote(HandoffNote note);
    // What Vigil proposes for a patient on the ward now, and the newest note, if any.
    std::optional<Severity> proposedSeverity(StayId stay);
    std::optional<HandoffNote> handoffNote(StayId stay);
    // Every print and export is recorded; `by` empty means the command line.
    void recordHandoffPrint(store::HandoffPrint print);

    // Argon2id work factor for new PINs: Interactive on the ward; Minimum in tests only.
    void setPinCost(PinCost cost) { m_pinCost = cost; }
    const Clock& clock() const { return m_clock; }
    store::Database& database() { return m_db; }

private:
    std::optional<std::string> escalationStepOnce(EscalationId id, EscalationStep step);
    RoundOutcome recordRoundOnce(ObservationRound round, const std::set<std::string>& confirmed,
                                 StaffId by);
    // "Already acknowledged by Nurse X at 14:02": a step another device recorded first.
    std::optional<std::string> takenElsewhere(const Escalation& e, const EscalationStep& step);
    struct History {
        std::vector<rules::Snapshot> earlier; // newest first, amended, entered-in-error skipped
        std::optional<RoundId> previous;
        std::vector<rules::OpenFlag> open; // flags open after the previous round
    };
    History historyBefore(const Stay& stay, TimePoint at);
    // "Name: ... is already on the staff list", or nothing.
    std::optional<std::string> nameTaken(const std::string& name);
    void applyEscalations(const Stay& stay, const ObservationRound& round, RoundId id,
                          const news2::Result& score, const std::vector<rules::Flag>& flags,
                          RoundOutcome& out);

    store::Database& m_db;
    const Clock& m_clock;
    std::shared_ptr<const rules::RuleSet> m_rules;
    PinCost m_pinCost = PinCost::Interactive;
};

} // namespace vigil::ward
