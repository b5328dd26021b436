#pragma once
// A rule file (TOML): a name, a version and rules. Loaded and checked whole: a file with any
// error is refused with file:line:column messages, and the rule set in use stays in use.
#include "core/rules/expr.h"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace vigil::rules {

// Lowest first. info: recorded only; watch: nurse-managed, re-check next round, tell the clinician
// this shift; urgent: clinician review within the hour; emergency: clinician at the bedside now.
enum class Level { Info, Watch, Urgent, Emergency };
std::string_view levelCode(Level l); // "info", "watch", "urgent", "emergency"
std::optional<Level> levelFromCode(std::string_view code);

// "RR {rr}/min, fell {drop(rr, 2h)} in 2 h": text with compiled expressions in braces.
struct Template {
    std::vector<std::variant<std::string, ExprPtr>> parts;
    std::string render(const Frame& f) const;
};

struct AppliesTo {
    std::vector<Drug> drugs;                  // any of them in the pump
    std::vector<Procedure> procedures;        // any of them
    std::optional<double> fromHours, toHours; // hours since implant or fill, [from, to)
    bool matches(const Frame& f) const;
};

struct Rule {
    std::string id;
    Level level = Level::Info;
    ExprPtr when;
    Template message;
    // The condition in clinical words, for the handoff sheet's "If things change" lines and
    // anyone reading the rule set: "SpO2 91 % or less on oxygen". Required: a nurse never reads
    // the condition's code there.
    std::string summary;
    std::string action;
    std::string source; // the clinical-reference section it comes from
    AppliesTo appliesTo;
    // Alert fatigue: a flag that keeps holding is not raised again within repeat_after, unless
    // the tracked value worsens. Never allowed on emergency rules.
    std::optional<double> repeatAfter; // seconds
    ExprPtr clearWhen;                 // once raised, the flag stays open until this holds
    ExprPtr track;                     // the value whose worsening re-raises
    bool worseIsLower = true;
};

// Whom an escalation nobody has acknowledged goes on to (clinical-reference §5).
enum class CascadeRole { ChargeNurse, RapidResponse, Clinician };
std::string_view cascadeRoleCode(CascadeRole r);  // "charge_nurse", "rapid_response", "clinician"
std::string_view cascadeRoleWords(CascadeRole r); // "charge nurse", "rapid response team", ...
std::optional<CascadeRole> cascadeRoleFromCode(std::string_view code);

// "5m: charge_nurse": after this long without an acknowledgement, that role is notified.
struct CascadeStep {
    std::chrono::seconds after{};
    CascadeRole role = CascadeRole::ChargeNurse;
};

struct RuleSet {
    std::string name;
    std::string version;
    std::string sha256; // of the file's bytes
    std::string path;
    std::vector<Rule> rules;
    // [timing]: how long an unacknowledged flag may wait before it is "acknowledgement overdue".
    std::chrono::seconds acknowledgeEmergency{std::chrono::minutes(5)};
    std::chrono::seconds acknowledgeUrgent{std::chrono::minutes(15)};
    // [timing] cascade_emergency, cascade_urgent: clinical-reference §5's working choice unless
    // the file says otherwise (an empty list: no onward escalation). Times strictly increasing.
    std::vector<CascadeStep> cascadeEmergency{
        {std::chrono::minutes(5), CascadeRole::ChargeNurse},
        {std::chrono::minutes(10), CascadeRole::RapidResponse}};
    std::vector<CascadeStep> cascadeUrgent{{std::chrono::minutes(15), CascadeRole::ChargeNurse},
                                           {std::chrono::minutes(30), CascadeRole::Clinician}};
    // The most history any rule needs: earlier rounds, and a window in seconds.
    size_t lookbackRounds = 0;
    double lookbackWindow = 0;
    const Rule* find(std::string_view id) const;
};

struct LoadError {
    std::string file;
    int line = 0, column = 0;
    std::string message;
    std::string text() const; // "file:line:column: message"
};

struct Loaded {
    std::shared_ptr<const RuleSet> ruleSet; // empty when there were errors
    std::vector<LoadError> errors;
};

Loaded loadRuleSet(std::string_view content, const std::string& path);
Loaded loadRuleSetFile(const std::string& path);

} // namespace vigil::rules
