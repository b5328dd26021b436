#include "core/shift.h"

#include "core/amendment.h"
#include "core/entry_check.h"
#include "core/timefmt.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <fmt/format.h>

namespace vigil {

using namespace std::chrono;

namespace {
constexpr std::array<Named<Severity>, 3> kSeverities{{
    {Severity::Stable, "stable", "Stable"},
    {Severity::Watcher, "watcher", "Watcher"},
    {Severity::Unstable, "unstable", "Unstable"},
}};

// Local midnight of the day `t` falls on, and the local wall-clock minutes since it.
TimePoint localMidnight(TimePoint t) {
    std::time_t tt = toTimeT(t);
    std::tm local{};
    localtime_r(&tt, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    local.tm_isdst = -1;
    return fromTimeT(std::mktime(&local));
}
// Wall-clock `offset` after local midnight of `day` (mktime handles daylight-saving changes).
TimePoint atLocal(TimePoint day, int dayOffset, Minutes offset) {
    std::time_t tt = toTimeT(day);
    std::tm local{};
    localtime_r(&tt, &local);
    local.tm_mday += dayOffset;
    local.tm_hour = static_cast<int>(offset.count() / 60);
    local.tm_min = static_cast<int>(offset.count() % 60);
    local.tm_sec = 0;
    local.tm_isdst = -1;
    return fromTimeT(std::mktime(&local));
}
std::string shiftName(TimePoint start, TimePoint end) {
    std::time_t tt = toTimeT(start);
    std::tm local{};
    localtime_r(&tt, &local);
    char day[32];
    std::strftime(day, sizeof day, "%a %d %b %Y", &local);
    const char* kind = local.tm_hour >= 6 && local.tm_hour < 18 ? "Day" : "Night";
    return fmt::format("{} shift {}, {}-{}", kind, day, formatLocalTime(start),
                       formatLocalTime(end));
}
} // namespace

std::variant<Minutes, std::string> parseTimeOfDay(std::string_view text) {
    unsigned h = 0, m = 0;
    char tail = 0;
    std::string s(text);
    if (std::sscanf(s.c_str(), "%2u:%2u%c", &h, &m, &tail) != 2 || h > 23 || m > 59)
        return fmt::format("\"{}\" is not a time of day: use HH:MM, e.g. 07:00", text);
    return Minutes(h * 60 + m);
}

Shift shiftAt(TimePoint t, const ShiftPattern& pattern) {
    auto starts = pattern.starts;
    std::sort(starts.begin(), starts.end());
    TimePoint midnight = localMidnight(t);
    // Candidates from yesterday to tomorrow; the last one at or before t starts the shift.
    std::vector<TimePoint> all;
    for (int d = -1; d <= 1; ++d)
        for (auto s : starts)
            all.push_back(atLocal(midnight, d, s));
    std::sort(all.begin(), all.end());
    for (std::size_t i = all.size() - 1; i-- > 0;)
        if (all[i] <= t) return {all[i], all[i + 1], shiftName(all[i], all[i + 1])};
    return {all.front(), all[1], shiftName(all.front(), all[1])};
}

std::variant<Shift, std::string> parseShift(std::string_view text) {
    auto dots = text.find("..");
    if (dots == std::string_view::npos)
        return fmt::format("--shift \"{}\": give START..END, each RFC 3339, e.g. "
                           "2026-11-22T07:00:00Z..2026-11-22T19:00:00Z",
                           text);
    auto start = parseRfc3339(text.substr(0, dots));
    auto end = parseRfc3339(text.substr(dots + 2));
    if (!start)
        return fmt::format("--shift: start \"{}\" is not an RFC 3339 time", text.substr(0, dots));
    if (!end)
        return fmt::format("--shift: end \"{}\" is not an RFC 3339 time", text.substr(dots + 2));
    if (*end <= *start)
        return fmt::format("--shift: the end {} is not after the start {}", text.substr(dots + 2),
                           text.substr(0, dots));
    if (*end - *start > hours(48))
        return fmt::format("--shift: {} is longer than 48 hours; a shift is at most two days",
                           formatDuration(*end - *start));
    return Shift{*start, *end, shiftName(*start, *end)};
}

std::span<const Named<Paper>> papers() {
    static constexpr std::array<Named<Paper>, 2> kPapers{
        {{Paper::A4, "a4", "A4"}, {Paper::Letter, "letter", "US Letter"}}};
    return kPapers;
}

std::span<const Named<Severity>> severities() {
    return kSeverities;
}

Severity proposeSeverity(const std::optional<news2::Result>& score,
                         const std::vector<rules::Flag>& openFlags,
                         const std::vector<Escalation>& openEscalations, bool anyRound) {
    int level = -1;
    for (auto& f : openFlags)
        level = std::max(level, static_cast<int>(f.level));
    for (auto& e : openEscalations)
        level = std::max(level, static_cast<int>(e.level()));
    if (level >= static_cast<int>(rules::Level::Emergency)) return Severity::Unstable;
    if (score && score->band == news2::Band::High) return Severity::Unstable;
    if (level >= static_cast<int>(rules::Level::Watch)) return Severity::Watcher;
    if (score && (score->band == news2::Band::Medium || score->band == news2::Band::LowMedium))
        return Severity::Watcher;
    if (!anyRound) return Severity::Watcher;
    return Severity::Stable;
}

SideEffects sideEffectsOf(const ObservationRound& r) {
    SideEffects effects;
    auto& out = effects.present;
    auto graded = [&](const char* label, const std::optional<double>& v) {
        if (v && *v != 0) out.push_back(fmt::format("{} {}", label, *v));
    };
    graded("Nausea", r.nausea);
    graded("Vomits", r.vomits);
    graded("Itching", r.itching);
    graded("Headache", r.headache);
    graded("RASS", r.rass);
    graded("Bromage", r.bromage);
    for (auto& f : flagFields())
        if (f.key != "o2" && (r.*f.member).value_or(false) && f.key != "bowels_opened")
            out.emplace_back(f.label);
    if (r.bleeding && *r.bleeding != Bleeding::None)
        out.push_back(fmt::format("Bleeding: {}", labelOf(bleedingLevels(), *r.bleeding)));
    if (r.pocketSwelling && *r.pocketSwelling != PocketSwelling::None)
        out.push_back(
            fmt::format("Pocket swelling: {}", labelOf(swellingLevels(), *r.pocketSwelling)));
    auto unanswered = unansweredChecklist(r);
    effects.noneAsked = unanswered.size() == checklistKeys().size();
    for (auto& key : unanswered)
        effects.notAsked.emplace_back(fieldLabel(key));
    return effects;
}

std::string SideEffects::describe() const {
    if (noneAsked) return "not asked";
    std::string t;
    for (auto& e : present)
        t += (t.empty() ? "" : ", ") + e;
    // "none" is said of what was asked; what was not is named, or counted when it is most.
    if (t.empty()) t = notAsked.empty() ? "none" : "none of those asked";
    if (notAsked.size() > kNamedNotAsked) {
        t += fmt::format("; {} of {} items not asked", notAsked.size(), checklistKeys().size());
    } else if (!notAsked.empty()) {
        t += "; not asked: ";
        for (std::size_t i = 0; i < notAsked.size(); ++i)
            t += (i ? ", " : "") + notAsked[i];
    }
    return t;
}

std::vector<std::string> contingenciesFor(const rules::RuleSet& set, const Stay& stay,
                                          std::size_t most) {
    std::vector<std::string> out;
    for (auto level : {rules::Level::Emergency, rules::Level::Urgent})
        for (auto& rule : set.rules) {
            if (rule.level != level || out.size() >= most) continue;
            auto& a = rule.appliesTo;
            bool drugOk = a.drugs.empty() || std::any_of(a.drugs.begin(), a.drugs.end(),
                                                         [&](Drug d) { return stay.has(d); });
            bool procOk = a.procedures.empty() ||
                          std::find(a.procedures.begin(), a.procedures.end(), stay.procedure) !=
                              a.procedures.end();
            if (drugOk && procOk)
                // In clinical words: the condition's code is for the rule file, not the nurse.
                out.push_back(fmt::format("{} \u2192 {}", rule.summary, rule.action));
        }
    return out;
}

} // namespace vigil
