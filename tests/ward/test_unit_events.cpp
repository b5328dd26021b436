// The unit's events (vigil events) from the record's rows and deadlines, with a clock moved by
// hand: a deadline is an event once it has passed and not before; the same record gives the same
// events; a cursor resumes after an event without repeating it.
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/unit_events.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
std::vector<std::string> kindsOf(const ward::UnitEvents& u) {
    std::vector<std::string> out;
    for (auto& e : u.events)
        out.push_back(e.kind);
    return out;
}
} // namespace

TEST_CASE_METHOD(test::WardWorld, "deadlines become events when they pass, not before",
                 "[ward][events]") {
    auto stay = admit("1");
    auto r = test::normalRound(stay);
    r.poss = Poss::FrequentlyDrowsy; // urgent: 15 min to acknowledge, hourly rounds
    auto out = ward.recordRound(r, {}, nurse);
    REQUIRE(out.escalationsOpened.size() == 1);
    auto taken = clock.now();

    auto u = ward::unitEvents(db, ward.rules(), clock.now());
    CHECK(kindsOf(u) ==
          std::vector<std::string>{"admitted", "round_saved", "flag_raised", "escalation_opened"});
    REQUIRE(u.nextAt);
    CHECK(*u.nextAt == taken + minutes(15)); // the follower wakes then

    clock.advance(minutes(15));
    u = ward::unitEvents(db, ward.rules(), clock.now());
    REQUIRE(u.events.back().kind == "acknowledgement_overdue");
    CHECK(u.events.back().at == taken + minutes(15));
    CHECK(u.events.back().bed == "1");

    clock.advance(minutes(46)); // the hourly round is 1 min overdue
    u = ward::unitEvents(db, ward.rules(), clock.now());
    REQUIRE(u.events.back().kind == "round_overdue");
    CHECK(u.events.back().at == taken + hours(1));
    // The same record, the same events: a restart prints nothing twice.
    auto again = ward::unitEvents(db, ward.rules(), clock.now());
    REQUIRE(again.events.size() == u.events.size());
    for (size_t i = 0; i < u.events.size(); ++i)
        CHECK(again.events[i].id() == u.events[i].id());

    auto cursor = ward::parseEventCursor(u.events[1].id());
    REQUIRE(cursor);
    CHECK_FALSE(cursor->after(u.events[1]));
    CHECK(cursor->after(u.events[2])); // same second, later in the order: not lost
    CHECK_FALSE(ward::parseEventCursor("2026-11-22T09:00:00Z/round_saved/x.0"));
    CHECK_FALSE(ward::parseEventCursor("yesterday"));
}

TEST_CASE_METHOD(test::WardWorld, "acknowledged in time and rounds on time: no overdue events",
                 "[ward][events]") {
    auto stay = admit("1");
    auto r = test::normalRound(stay);
    r.poss = Poss::FrequentlyDrowsy;
    auto out = ward.recordRound(r, {}, nurse);
    clock.advance(minutes(10));
    REQUIRE_FALSE(ward.escalationStep(out.escalationsOpened.at(0),
                                      {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}}));
    clock.advance(minutes(50));
    ward.recordRound(test::normalRound(stay), {}, nurse);
    clock.advance(minutes(30));
    ward.discharge(stay, nurse);
    clock.advance(hours(5));
    auto u = ward::unitEvents(db, ward.rules(), clock.now());
    for (auto& e : u.events) {
        CHECK(e.kind != "acknowledgement_overdue");
        CHECK(e.kind != "round_overdue");
    }
    CHECK(u.events.back().kind == "discharged");
    CHECK_FALSE(u.nextAt);
}
