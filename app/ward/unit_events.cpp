#include "ward/unit_events.h"

#include "core/escalation.h"
#include "core/news2.h"
#include "core/observation_frequency.h"
#include "core/schedule.h"
#include "core/timefmt.h"
#include "store/escalations.h"
#include "store/frequencies.h"
#include "store/rounds.h"
#include "store/stays.h"
#include "ward/ward.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <fmt/format.h>
#include <map>

namespace vigil::ward {

namespace {
constexpr std::string_view kKinds[] = {"admitted",
                                       "round_saved",
                                       "flag_raised",
                                       "escalation_opened",
                                       "escalation_step",
                                       "round_missed",
                                       "acknowledgement_overdue",
                                       "round_overdue",
                                       "discharged"};
int rankOf(std::string_view kind) {
    for (size_t i = 0; i < std::size(kKinds); ++i)
        if (kKinds[i] == kind) return static_cast<int>(i);
    return -1;
}

void earliest(std::optional<TimePoint>& next, TimePoint t) {
    if (!next || t < *next) next = t;
}

// Each time an escalation's acknowledgement clock started (opened, then every raise) with the
// level it started at: a deadline each, passed when nothing acknowledged, closed or raised it
// before then.
void acknowledgementDeadlines(const Escalation& e, const rules::RuleSet& r, TimePoint now,
                              std::vector<UnitEvent>& out, std::optional<TimePoint>& next) {
    std::vector<std::pair<TimePoint, rules::Level>> clocks{{e.raisedAt, e.openedLevel}};
    for (auto& s : e.steps)
        if (s.kind == StepKind::Raise && s.level) clocks.emplace_back(s.at, *s.level);
    for (size_t i = 0; i < clocks.size(); ++i) {
        auto [start, level] = clocks[i];
        if (level < rules::Level::Urgent) continue;
        auto deadline = start + (level == rules::Level::Emergency ? r.acknowledgeEmergency
                                                                  : r.acknowledgeUrgent);
        bool ended = i + 1 < clocks.size() && clocks[i + 1].first <= deadline;
        for (auto& s : e.steps)
            if (s.at >= start && s.at <= deadline && s.kind != StepKind::Raise &&
                s.kind != StepKind::Inform && s.kind != StepKind::Respond)
                ended = true; // acknowledged, resolved, declined or superseded in time
        if (ended) continue;
        if (deadline > now) {
            earliest(next, deadline);
            continue;
        }
        UnitEvent ev;
        ev.at = deadline;
        ev.kind = "acknowledgement_overdue";
        ev.ref = e.id;
        ev.sub = static_cast<std::int64_t>(i);
        ev.stay = e.stay;
        ev.fields = {{"escalation", e.id},
                     {"level", std::string(rules::levelCode(level))},
                     {"rule", e.rule},
                     {"message", e.message},
                     {"since", formatUtc(start)}};
        out.push_back(std::move(ev));
    }
}

// After each round (entered-in-error ones skipped), the schedule's next due time as it stood
// then (its escalations open and the clinician's frequency active at the round's time): overdue
// when neither another round nor the discharge came before it.
void roundDeadlines(store::Database& db, const Stay& stay, TimePoint now,
                    std::vector<UnitEvent>& out, std::optional<TimePoint>& next) {
    auto rounds = store::roundsForStay(db, stay.id); // newest first
    if (rounds.empty()) return;
    auto amendments = store::amendmentsForStay(db, stay.id);
    std::vector<ObservationRound> kept;
    for (auto& r : rounds)
        if (auto a = applyAmendments(r, amendments); !a.enteredInError) kept.push_back(a.current);
    std::sort(kept.begin(), kept.end(), [](auto& a, auto& b) { return a.takenAt < b.takenAt; });
    auto escalations = store::escalationsForStay(db, stay.id, false);
    auto frequencies = store::frequencies(db, stay.id);
    for (size_t i = 0; i < kept.size(); ++i) {
        auto& r = kept[i];
        std::vector<Escalation> openThen;
        for (auto& e : escalations) {
            if (e.raisedAt > r.takenAt) continue;
            Escalation then = e;
            std::erase_if(then.steps, [&](auto& s) { return s.at > r.takenAt; });
            openThen.push_back(std::move(then));
        }
        auto frequency = activeAt(frequencies, r.takenAt);
        auto due =
            schedule::nextDue(stay, r.takenAt, news2::score(r), ordersFor(openThen, frequency));
        if (i + 1 < kept.size() && kept[i + 1].takenAt <= due.at) continue;
        if (stay.dischargedAt && *stay.dischargedAt <= due.at) continue;
        if (due.at > now) {
            earliest(next, due.at);
            continue;
        }
        UnitEvent ev;
        ev.at = due.at;
        ev.kind = "round_overdue";
        ev.ref = r.id;
        ev.stay = stay.id;
        ev.fields = {
            {"last_round", r.id}, {"last_round_at", formatUtc(r.takenAt)}, {"because", due.why}};
        out.push_back(std::move(ev));
    }
}
} // namespace

std::string UnitEvent::id() const {
    return fmt::format("{}/{}/{}.{}", formatUtc(at), kind, ref, sub);
}

UnitEvents unitEvents(store::Database& db, const rules::RuleSet& rules, TimePoint now,
                      std::optional<TimePoint> from) {
    UnitEvents out;
    for (auto& row : store::eventRows(db, from)) {
        if (row.at > now) { // a device's clock ahead of this one: shown when its time comes
            earliest(out.nextAt, row.at);
            continue;
        }
        UnitEvent ev;
        ev.at = row.at;
        ev.kind = row.kind;
        ev.ref = row.ref;
        ev.sub = row.sub;
        ev.stay = row.stay;
        ev.fields = std::move(row.fields);
        out.events.push_back(std::move(ev));
    }
    std::map<std::int64_t, Stay> stays;
    for (auto& s : store::staysDuring(db, from.value_or(TimePoint{}),
                                      std::chrono::sys_days{std::chrono::year(9999) / 12 / 31}))
        stays.emplace(s.id, s);
    for (auto& [id, stay] : stays) {
        for (auto& e : store::escalationsForStay(db, id, false)) {
            acknowledgementDeadlines(e, rules, now, out.events, out.nextAt);
            // A follower records the cascade too: it wakes when a step falls due.
            if (auto at = nextCascadeDue(e, now, rules)) earliest(out.nextAt, *at);
        }
        roundDeadlines(db, stay, now, out.events, out.nextAt);
    }
    for (auto& ev : out.events) {
        ev.rank = rankOf(ev.kind);
        if (auto it = stays.find(ev.stay); it != stays.end()) {
            ev.bed = it->second.bed;
            ev.name = it->second.name;
            ev.mrn = it->second.mrn;
        }
    }
    std::sort(out.events.begin(), out.events.end(),
              [](auto& a, auto& b) { return a.key() < b.key(); });
    return out;
}

std::optional<EventCursor> parseEventCursor(const std::string& text) {
    if (auto t = parseRfc3339(text)) return EventCursor{*t, INT_MAX, INT64_MAX, INT64_MAX};
    // TIME/KIND/REF.SUB, as an event's id.
    auto a = text.find('/');
    auto b = a == std::string::npos ? a : text.find('/', a + 1);
    auto dot = b == std::string::npos ? b : text.find('.', b + 1);
    if (dot == std::string::npos) return std::nullopt;
    auto t = parseRfc3339(text.substr(0, a));
    int rank = rankOf(std::string_view(text).substr(a + 1, b - a - 1));
    std::int64_t ref = 0, sub = 0;
    auto r1 = std::from_chars(text.data() + b + 1, text.data() + dot, ref);
    auto r2 = std::from_chars(text.data() + dot + 1, text.data() + text.size(), sub);
    if (!t || rank < 0 || r1.ec != std::errc{} || r1.ptr != text.data() + dot ||
        r2.ec != std::errc{} || r2.ptr != text.data() + text.size())
        return std::nullopt;
    return EventCursor{*t, rank, ref, sub};
}

} // namespace vigil::ward
