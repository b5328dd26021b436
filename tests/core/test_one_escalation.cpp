// One event, one escalation (clinical-reference §5), and rounds that tighten while it is open
// or as a clinician orders (§4).
#include "core/escalation.h"
#include "core/observation_frequency.h"
#include "core/schedule.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;
using L = rules::Level;
using K = EscalationChange::Kind;

namespace {
const TimePoint t0 = sys_days{2026y / 11 / 22} + hours(9);

rules::Flag flag(std::string rule, L level, bool raised = true) {
    rules::Flag f;
    f.rule = std::move(rule);
    f.level = level;
    f.raised = raised;
    f.message = f.rule;
    return f;
}
Escalation openWith(L level, std::initializer_list<std::string> rules) {
    Escalation e;
    e.openedLevel = level;
    e.raisedAt = t0;
    e.rule = *rules.begin();
    for (auto& r : rules)
        e.flags.push_back({r, level, r, 1, t0});
    return e;
}
std::vector<std::string> idsOf(const EscalationChange& c) {
    std::vector<std::string> out;
    for (auto* f : c.added)
        out.push_back(f->rule);
    return out;
}
EscalationStep raiseTo(L level, TimePoint at) {
    EscalationStep s;
    s.kind = StepKind::Raise;
    s.at = at;
    s.by = 1;
    s.level = level;
    s.reason = "raised by rr-8-or-below";
    return s;
}
} // namespace

TEST_CASE("a round's flags open one escalation at the highest level, holding every flag",
          "[escalation]") {
    // The round: RR 8 and POSS 3, flagged by three rules.
    std::vector<rules::Flag> flags{flag("news2-single-parameter-3", L::Urgent),
                                   flag("rr-8-or-below", L::Emergency), flag("poss-3", L::Urgent),
                                   flag("news2-low-score", L::Info)};
    auto c = escalationChange(flags, nullptr);
    CHECK(c.kind == K::Open);
    CHECK(c.level == L::Emergency);
    CHECK(idsOf(c) == std::vector<std::string>{"rr-8-or-below", "news2-single-parameter-3",
                                               "poss-3"}); // highest first; info is not escalated
    CHECK(escalationChange({flag("news2-low-score", L::Info)}, nullptr).kind == K::None);
    CHECK(escalationChange({flag("poss-3", L::Urgent, false)}, nullptr).kind == K::None);
}

TEST_CASE("a later round adds nothing for flags already held, raises for a higher one, and "
          "lets a lower one join",
          "[escalation]") {
    auto e = openWith(L::Urgent, {"poss-3", "news2-single-parameter-3"});
    CHECK(escalationChange({flag("poss-3", L::Urgent)}, &e).kind == K::None);

    // `added` points into the flags: they must outlive the change.
    std::vector<rules::Flag> next{flag("poss-3", L::Urgent), flag("poss-4", L::Emergency)};
    auto higher = escalationChange(next, &e);
    CHECK(higher.kind == K::Raise);
    CHECK(higher.level == L::Emergency);
    CHECK(idsOf(higher) == std::vector<std::string>{"poss-4"});

    std::vector<rules::Flag> later{flag("clear-fluid-at-wound", L::Watch)};
    auto lower = escalationChange(later, &e);
    CHECK(lower.kind == K::Join);
    CHECK(lower.level == L::Urgent); // the escalation's level stays
    CHECK(idsOf(lower) == std::vector<std::string>{"clear-fluid-at-wound"});
}

TEST_CASE("a raise is a step: a higher level, a new acknowledgement, a new clock", "[escalation]") {
    AcknowledgeWithin within;
    auto e = openWith(L::Urgent, {"poss-3"});
    EscalationStep ack;
    ack.kind = StepKind::Acknowledge, ack.at = t0 + minutes(2), ack.by = 1;
    e.steps.push_back(ack);
    CHECK(checkStep(e, raiseTo(L::Urgent, t0 + minutes(10))).value_or("") ==
          "An escalation is raised only to a higher level than urgent");
    REQUIRE_FALSE(checkStep(e, raiseTo(L::Emergency, t0 + minutes(10))));
    e.steps.push_back(raiseTo(L::Emergency, t0 + minutes(10)));
    CHECK(e.level() == L::Emergency);
    CHECK(e.openedLevel == L::Urgent);
    CHECK(e.state() == EscalationState::Raised);
    CHECK_FALSE(e.acknowledgedAt());
    CHECK(e.clockStart() == t0 + minutes(10));
    CHECK_FALSE(acknowledgementOverdue(e, t0 + minutes(15), within)); // 5 min after the raise
    CHECK(acknowledgementOverdue(e, t0 + minutes(15) + seconds(1), within));
    ack.at = t0 + minutes(12);
    REQUIRE_FALSE(checkStep(e, ack));
    e.steps.push_back(ack);
    CHECK(e.acknowledgedAt() == t0 + minutes(12));
    CHECK_FALSE(acknowledgementOverdue(e, t0 + hours(1), within));
}

TEST_CASE("an open escalation tightens the schedule until it closes", "[schedule]") {
    auto every = [](double h, schedule::Orders o) {
        return duration_cast<minutes>(schedule::interval(h, std::nullopt, false, o).interval)
            .count();
    };
    CHECK(every(30, {}) == 240);
    CHECK(every(30, {L::Emergency, nullptr}) == 15);
    CHECK(every(2, {L::Emergency, nullptr}) == 15);
    CHECK(every(30, {L::Urgent, nullptr}) == 60);
    CHECK(every(30, {L::Watch, nullptr}) == 240); // a watch record does not tighten
    CHECK(schedule::interval(30, std::nullopt, false, {L::Emergency, nullptr}).why ==
          "emergency escalation open: every 15 min");
}

TEST_CASE("a clinician's frequency: stricter wins, looser replaces the time-since-fill part only",
          "[schedule]") {
    ObservationFrequency f;
    f.clinician = "Dr Mensah";
    f.reason = "stable after review";
    f.expires = t0 + hours(12);
    auto every = [&](double h, std::optional<L> open, int band, minutes ordered) {
        f.every = ordered;
        std::optional<news2::Result> score;
        if (band >= 0) score = news2::Result{}, score->band = static_cast<news2::Band>(band);
        return duration_cast<minutes>(schedule::interval(h, score, false, {open, &f}).interval)
            .count();
    };
    CHECK(every(2, std::nullopt, -1, minutes(30)) == 30);   // stricter than hourly
    CHECK(every(2, std::nullopt, -1, minutes(240)) == 240); // looser: replaces the protocol
    CHECK(every(2, L::Emergency, -1, minutes(240)) == 15);  // never an open escalation
    CHECK(every(2, std::nullopt, 2, minutes(240)) == 60);   // nor the NEWS2 floor (medium)
    CHECK(every(2, L::Urgent, -1, minutes(15)) == 15);      // stricter than the escalation
    CHECK_THAT(schedule::interval(2, std::nullopt, false, {std::nullopt, &f}).why,
               Catch::StartsWith("clinician: every 15 min (Dr Mensah: stable after review"));
}

TEST_CASE("a looser frequency needs the clinician's name and reason, stricter needs neither",
          "[schedule]") {
    ObservationFrequency f;
    f.expires = t0 + hours(4);
    f.every = minutes(15);
    CHECK_FALSE(checkFrequency(f, hours(1), t0));
    CHECK_FALSE(f.looser);
    f.every = minutes(240);
    CHECK_THAT(checkFrequency(f, hours(1), t0).value_or(""),
               Catch::Contains("looser than the schedule (every 1 h)") &&
                   Catch::Contains("name the clinician"));
    f.clinician = "Dr Mensah";
    CHECK_THAT(checkFrequency(f, hours(1), t0).value_or(""), Catch::Contains("reason"));
    f.reason = "comfortable, sleeping";
    CHECK_FALSE(checkFrequency(f, hours(1), t0));
    CHECK(f.looser);
    CHECK_THAT(f.describe(), Catch::Contains("looser than the schedule"));
    f.every = minutes(2);
    CHECK_THAT(checkFrequency(f, hours(1), t0).value_or(""), Catch::Contains("5 min to 12 h"));
    f.every = minutes(30);
    CHECK_THAT(checkFrequency(f, hours(1), t0 + hours(5)).value_or(""),
               Catch::Contains("end in the future"));
}

TEST_CASE("older files with several open escalations: a flag any of them holds adds nothing, "
          "new ones go to the highest",
          "[escalation]") {
    std::vector<Escalation> open{openWith(L::Urgent, {"poss-3"}),
                                 openWith(L::Emergency, {"rr-8-or-below"})};
    open[0].id = 1, open[1].id = 2;
    CHECK(escalationToJoin(open)->id == 2);
    std::vector<rules::Flag> same{flag("poss-3", L::Urgent), flag("rr-8-or-below", L::Emergency)};
    CHECK(escalationChange(same, open).kind == K::None);
    std::vector<rules::Flag> leak{flag("clear-fluid-at-wound", L::Watch)};
    auto c = escalationChange(leak, open);
    CHECK(c.kind == K::Join);
    CHECK(c.level == L::Emergency);
}
