#include "cli/evaluate.h"

#include "cli/round_json.h"
#include "core/entry_check.h"
#include "core/news2.h"
#include "core/schedule.h"
#include "core/sedation.h"
#include "core/timefmt.h"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>

namespace vigil::cli {

using nlohmann::json;

namespace {
json scoreOrNull(const std::optional<int>& s) {
    return s ? json(*s) : json(nullptr);
}
json errorLine(json field, json value, std::string message) {
    return {{"error",
             {{"field", std::move(field)},
              {"value", std::move(value)},
              {"message", std::move(message)}}}};
}
// Enough history for persist() and 24 h windows of hourly rounds.
constexpr size_t kHistoryRounds = 48;

// The patient's escalation after this line (one event, one escalation, as in the ward): closed
// when none of its flags is open any more; opened, raised or joined by the flags raised now.
// Returns {"level", "rules"} when this line opens or raises it, null otherwise.
json followEscalation(std::optional<Escalation>& e, const std::vector<rules::Flag>& flags,
                      TimePoint at) {
    if (e && std::none_of(flags.begin(), flags.end(), [&](auto& f) { return e->holds(f.rule); }))
        e.reset();
    auto change = escalationChange(flags, e ? &*e : nullptr);
    using K = EscalationChange::Kind;
    if (change.kind == K::None) return nullptr;
    if (change.kind == K::Open) {
        e.emplace();
        e->rule = change.added.front()->rule;
        e->openedLevel = change.level;
        e->raisedAt = at;
    } else if (change.kind == K::Raise) {
        EscalationStep s;
        s.kind = StepKind::Raise, s.at = at, s.level = change.level;
        e->steps.push_back(s);
    }
    for (auto* f : change.added)
        e->flags.push_back({f->rule, f->level, f->message, 0, at});
    if (change.kind == K::Join) return nullptr;
    auto held = e->flags;
    std::stable_sort(held.begin(), held.end(), [](auto& a, auto& b) { return a.level > b.level; });
    json rules = json::array();
    for (auto& f : held)
        rules.push_back(f.rule);
    return {{"level", rules::levelCode(e->level())}, {"rules", rules}};
}
} // namespace

json flagJson(const rules::Flag& f) {
    return {{"rule", f.rule},       {"level", rules::levelCode(f.level)},
            {"message", f.message}, {"action", f.action},
            {"because", f.because}, {"source", f.source}};
}

json evaluateObject(const json& in, EvaluateSession& session, bool& ok) {
    ok = false;
    if (!in.is_object()) return errorLine(nullptr, in, "line must be a JSON object");
    json warnings = json::array();
    ObservationRound round;
    std::string patient;
    std::optional<Stay> newStay;
    try {
        round = readRoundJson(in, warnings);
        if (auto it = in.find("patient"); it != in.end() && !it->is_null()) {
            if (!it->is_string() && !it->is_number_integer())
                throw InputError{"patient", *it, "patient must be a string or an integer id"};
            patient = it->is_string() ? it->get<std::string>() : it->dump();
        }
        if (auto it = in.find("stay"); it != in.end() && !it->is_null())
            newStay = readStayJson(*it, warnings);
    } catch (const InputError& e) {
        return errorLine(e.field, e.value, e.message);
    }
    for (const EntryProblem& p : checkEntry(round)) {
        json value = in.value(p.field, p.value ? json(*p.value) : json(nullptr));
        if (p.kind == EntryProblem::Kind::Refused) return errorLine(p.field, value, p.message);
        warnings.push_back({{"field", p.field}, {"value", value}, {"message", p.message}});
    }
    // The stay this line is read with: its own, or the one an earlier line of the patient gave.
    PatientHistory& h = session.patients[patient];
    const Stay* stay = newStay ? &*newStay : h.stay ? &*h.stay : nullptr;
    // History reads backwards from each line: lines out of time order would turn a rise into a
    // drop. A stay filled after the round is a typo in one of the two.
    if (round.takenAt != TimePoint{} && !h.earlier.empty() && h.earlier.front().at != TimePoint{} &&
        round.takenAt < h.earlier.front().at)
        return errorLine("at", in.value("at", json(nullptr)),
                         fmt::format("at is earlier than this patient's previous line ({}): give "
                                     "each patient's lines in time order",
                                     formatUtc(h.earlier.front().at)));
    if (round.takenAt != TimePoint{} && stay && stay->since != TimePoint{} &&
        stay->since > round.takenAt)
        return errorLine("stay.since",
                         in.contains("stay") ? in["stay"].value("since", json(nullptr))
                                             : json(nullptr),
                         "stay.since is after this line's at: the implant or fill comes before "
                         "the rounds after it");
    // Age over 65 is the age on the day of the round (§4): a line without `at` has no day, and a
    // birth after the round is a typo in one of the two.
    if (stay && !stay->dateOfBirth.empty()) {
        if (round.takenAt == TimePoint{})
            return errorLine("stay.date_of_birth", stay->dateOfBirth,
                             "stay.date_of_birth needs the line's at: age over 65 is the age on "
                             "the day of the round");
        if (std::chrono::sys_days(*parseDateOfBirth(stay->dateOfBirth)) >
            std::chrono::floor<std::chrono::days>(round.takenAt))
            return errorLine("stay.date_of_birth", stay->dateOfBirth,
                             "stay.date_of_birth is after this line's at");
    }
    if (stay) round.spo2Scale = in.contains("spo2_scale") ? round.spo2Scale : stay->spo2Scale;
    auto n = news2::score(round);

    // The next round, from this one: needs the round's time and the stay's fill time (§4).
    std::optional<TimePoint> nextDue;
    if (round.takenAt != TimePoint{} && stay && stay->since != TimePoint{}) {
        double hours =
            std::chrono::duration<double, std::ratio<3600>>(round.takenAt - stay->since).count();
        nextDue =
            round.takenAt + schedule::interval(hours, n, anyRiskAt(*stay, round.takenAt)).interval;
        if (!writableAsRfc3339(*nextDue))
            return errorLine("at", in.value("at", json(nullptr)),
                             "at is so close to the end of year 9999 that the next round could "
                             "not be written as an RFC 3339 time");
    }

    // Only a valid line changes what later lines see.
    if (newStay) h.stay = std::move(newStay);
    stay = h.stay ? &*h.stay : nullptr;
    auto snap = rules::snapshot(round, n, stay);
    json flags = json::array(), stillOpen = json::array();
    std::vector<rules::OpenFlag> open;
    json escalation = nullptr;
    if (session.rules) {
        auto result = rules::evaluate(*session.rules, {&snap, h.earlier, stay}, h.open);
        for (auto& f : result) {
            (f.raised ? flags : stillOpen)
                .push_back(f.raised ? flagJson(f)
                                    : json{{"rule", f.rule}, {"level", rules::levelCode(f.level)}});
            open.push_back({f.rule, f.lastRaised, f.tracked});
        }
        escalation = followEscalation(h.escalation, result, round.takenAt);
    }
    h.open = std::move(open);
    h.earlier.insert(h.earlier.begin(), std::move(snap));
    if (h.earlier.size() > kHistoryRounds) h.earlier.pop_back();

    const auto& p = n.parameters;
    ok = true;
    json out{
        {"news2",
         {{"total", n.total},
          {"band", news2::bandCode(n.band)},
          {"complete", n.complete},
          {"red_score", n.redScore},
          {"parameters",
           {{"rr", scoreOrNull(p.rr)},
            {"spo2", scoreOrNull(p.spo2)},
            {"o2", scoreOrNull(p.o2)},
            {"sbp", scoreOrNull(p.sbp)},
            {"hr", scoreOrNull(p.hr)},
            {"acvpu", scoreOrNull(p.acvpu)},
            {"temp", scoreOrNull(p.temp)}}}}},
        {"poss", round.poss ? json(std::string(poss::code(*round.poss))) : json(nullptr)},
        {"warnings", warnings},
        {"flags", flags},
        {"still_open", stillOpen},
        {"escalation", escalation},
    };
    // The next round, from this one: needs the round's time and the stay's fill time (§4), and
    // follows the escalation open after it (tighter, so never later than the one checked above).
    if (nextDue) {
        schedule::Orders orders;
        if (h.escalation && h.escalation->level() >= rules::Level::Urgent)
            orders.openEscalation = h.escalation->level();
        double hours =
            std::chrono::duration<double, std::ratio<3600>>(round.takenAt - stay->since).count();
        auto due = schedule::interval(hours, n, anyRiskAt(*stay, round.takenAt), orders);
        out["next_due"] = formatUtc(round.takenAt + due.interval);
    }
    if (session.rules)
        out["rule_set"] = {{"name", session.rules->name},
                           {"version", session.rules->version},
                           {"sha256", session.rules->sha256}};
    return out;
}

json evaluateLine(const std::string& line, EvaluateSession& session, bool& ok) {
    json in;
    // JSON never holds a raw NUL: a line cut at one would pass half of itself silently.
    if (auto nul = line.find('\0'); nul != std::string::npos) {
        ok = false;
        return errorLine(nullptr, nullptr,
                         fmt::format("the line holds a NUL byte at byte {}: JSON text has none; "
                                     "check what produced the line",
                                     nul + 1));
    }
    try {
        in = parseJsonLine(line);
    } catch (const InputError& e) {
        ok = false;
        return errorLine(e.field, e.value, e.message);
    }
    return evaluateObject(in, session, ok);
}

int runEvaluate(std::istream& in, std::ostream& out, std::shared_ptr<const rules::RuleSet> rules) {
    EvaluateSession session{std::move(rules), {}};
    std::string line;
    bool allOk = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        bool ok = false;
        out << evaluateLine(line, session, ok).dump() << '\n' << std::flush;
        allOk = allOk && ok;
    }
    return allOk ? 0 : 1;
}

} // namespace vigil::cli
