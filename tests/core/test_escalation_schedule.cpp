#include "core/escalation.h"
#include "core/schedule.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
const TimePoint t0 = sys_days{2026y / 11 / 22} + hours(9);

Escalation raised(rules::Level level = rules::Level::Urgent) {
    Escalation e;
    e.openedLevel = level;
    e.raisedAt = t0;
    return e;
}
EscalationStep step(StepKind k) {
    EscalationStep s;
    s.kind = k;
    s.at = t0;
    s.by = 1;
    s.clinicianName = "Dr Mensah";
    s.clinicianRole = "anaesthetist";
    s.method = "bleep";
    s.instructions = "naloxone 100 mcg, recheck in 15 min";
    s.reason = "reviewed";
    return s;
}
// Applies steps in order, requiring each to be legal.
Escalation walk(Escalation e, std::initializer_list<StepKind> kinds) {
    for (StepKind k : kinds) {
        auto s = step(k);
        INFO(stepCode(k));
        REQUIRE_FALSE(checkStep(e, s));
        e.steps.push_back(s);
    }
    return e;
}
} // namespace

TEST_CASE("every legal path through an escalation", "[escalation]") {
    using K = StepKind;
    using S = EscalationState;
    CHECK(walk(raised(), {}).state() == S::Raised);
    CHECK(walk(raised(), {K::Acknowledge}).state() == S::Acknowledged);
    CHECK(walk(raised(), {K::Acknowledge, K::Inform}).state() == S::Informed);
    CHECK(walk(raised(), {K::Acknowledge, K::Inform, K::Inform}).state() ==
          S::Informed); // called again
    CHECK(walk(raised(), {K::Acknowledge, K::Inform, K::Respond}).state() == S::Responded);
    CHECK(walk(raised(), {K::Acknowledge, K::Inform, K::Respond, K::Respond}).state() ==
          S::Responded);
    CHECK(walk(raised(), {K::Acknowledge, K::Inform, K::Respond, K::Inform}).state() ==
          S::Informed);
    CHECK(walk(raised(), {K::Acknowledge, K::Inform, K::Respond, K::Resolve}).state() ==
          S::Resolved);
    CHECK(walk(raised(), {K::Acknowledge, K::Inform, K::Resolve}).state() == S::Resolved);
    CHECK(walk(raised(), {K::Acknowledge, K::Decline}).state() == S::Declined);
    for (auto path : {std::initializer_list<K>{K::Supersede},
                      {K::Acknowledge, K::Supersede},
                      {K::Acknowledge, K::Inform, K::Supersede},
                      {K::Acknowledge, K::Inform, K::Respond, K::Supersede}})
        CHECK(walk(raised(), path).state() == S::Superseded);
    CHECK(walk(raised(rules::Level::Watch), {K::Acknowledge}).state() == S::Acknowledged);
    CHECK_FALSE(walk(raised(rules::Level::Watch), {K::Acknowledge})
                    .open()); // acknowledging a watch closes it
}

TEST_CASE("every illegal step is refused with its reason", "[escalation]") {
    using K = StepKind;
    struct Case {
        std::vector<K> before;
        K step;
        const char* because;
    };
    auto c = GENERATE(
        Case{{}, K::Inform, "Acknowledge the flag"},
        Case{{}, K::Respond, "Record whom you informed"},
        Case{{}, K::Resolve, "Acknowledge the flag"}, Case{{}, K::Decline, "Only an acknowledged"},
        Case{{K::Acknowledge}, K::Acknowledge, "acknowledged already"},
        Case{{K::Acknowledge}, K::Respond, "Record whom you informed"},
        Case{{K::Acknowledge}, K::Resolve, "resolved after the clinician was informed"},
        Case{{K::Acknowledge, K::Inform}, K::Acknowledge, "acknowledged already"},
        Case{{K::Acknowledge, K::Inform}, K::Decline, "Only an acknowledged"},
        Case{{K::Acknowledge, K::Inform, K::Resolve}, K::Inform, "closed (resolved)"},
        Case{{K::Acknowledge, K::Decline}, K::Inform, "closed (escalation declined)"},
        Case{{K::Supersede}, K::Acknowledge, "closed (superseded)"});
    Escalation e = raised();
    for (K k : c.before)
        e.steps.push_back(step(k));
    CAPTURE(stepCode(c.step), c.before.size());
    auto error = checkStep(e, step(c.step));
    REQUIRE(error);
    CHECK_THAT(*error, Catch::Contains(c.because));
}

TEST_CASE("a step without what it needs is refused", "[escalation]") {
    auto acked = walk(raised(), {StepKind::Acknowledge});
    auto inform = step(StepKind::Inform);
    inform.clinicianName = " ";
    CHECK_THAT(*checkStep(acked, inform), Catch::Contains("Name the clinician"));
    inform = step(StepKind::Inform);
    inform.method = "pigeon";
    CHECK_THAT(*checkStep(acked, inform), Catch::Contains("phone, bleep or in person"));
    auto decline = step(StepKind::Decline);
    decline.reason = "";
    CHECK_THAT(*checkStep(acked, decline), Catch::Contains("Declining to escalate needs a reason"));
    CHECK_THAT(*checkStep(walk(raised(rules::Level::Watch), {}), step(StepKind::Inform)),
               Catch::Contains("watch flag"));
}

TEST_CASE("acknowledgement is overdue after 5 min for an emergency and 15 min for an urgent flag",
          "[escalation]") {
    AcknowledgeWithin within;
    auto emergency = raised(rules::Level::Emergency);
    CHECK_FALSE(acknowledgementOverdue(emergency, t0 + minutes(5), within));
    CHECK(acknowledgementOverdue(emergency, t0 + minutes(5) + seconds(1), within));
    auto urgent = raised(rules::Level::Urgent);
    CHECK_FALSE(acknowledgementOverdue(urgent, t0 + minutes(15), within));
    CHECK(acknowledgementOverdue(urgent, t0 + minutes(16), within));
    CHECK_FALSE(
        acknowledgementOverdue(walk(urgent, {StepKind::Acknowledge}), t0 + hours(2), within));
    CHECK_FALSE(acknowledgementOverdue(raised(rules::Level::Watch), t0 + hours(2), within));
    within.urgent = minutes(30); // from the rule file
    CHECK_FALSE(acknowledgementOverdue(urgent, t0 + minutes(16), within));
}

TEST_CASE("the schedule: hourly to 12 h, 2-hourly to 24 h, 4-hourly after", "[schedule]") {
    auto at = [](double h) {
        return duration_cast<minutes>(schedule::interval(h, std::nullopt, false).interval).count();
    };
    CHECK(at(0) == 60);
    CHECK(at(11.99) == 60);
    CHECK(at(12) == 120);
    CHECK(at(23.99) == 120);
    CHECK(at(24) == 240);
    CHECK(at(72) == 240);
}

TEST_CASE("NEWS2 and risk factors tighten the schedule, the strictest wins", "[schedule]") {
    auto with = [](double h, news2::Band band, int total, bool risk) {
        news2::Result r;
        r.band = band;
        r.total = total;
        return duration_cast<minutes>(schedule::interval(h, r, risk).interval).count();
    };
    CHECK(with(30, news2::Band::Low, 0, false) == 240); // NEWS2 0 allows 12 h; §4 keeps 4 h
    CHECK(with(30, news2::Band::Low, 3, false) == 240);
    CHECK(with(30, news2::Band::LowMedium, 3, false) == 60);
    CHECK(with(30, news2::Band::Medium, 5, false) == 60);
    CHECK(with(30, news2::Band::High, 8, false) == 15);
    CHECK(with(5, news2::Band::High, 8, false) == 15);
    CHECK(with(18, news2::Band::Low, 0, true) == 60); // risk factors: hourly to 24 h
    CHECK(with(30, news2::Band::Low, 0, true) == 120);
}

TEST_CASE("next due and overdue minutes", "[schedule]") {
    Stay s;
    s.since = t0;
    s.admittedAt = t0 + minutes(30);
    auto first = schedule::nextDue(s, std::nullopt, std::nullopt);
    CHECK(first.at == s.admittedAt); // the first round is due on arrival
    auto later = schedule::nextDue(s, t0 + hours(13), std::nullopt);
    CHECK(later.at == t0 + hours(15));
    CHECK(schedule::overdueMinutes(later, t0 + hours(15)) == 0);
    CHECK(schedule::overdueMinutes(later, t0 + hours(15) + minutes(40)) == 40);
}
