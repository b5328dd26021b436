// The unit, live (issue 13): a save on another device shows on this one's board by itself, and a
// lost unit server is said at once, in words, with the time. Runs on a file (another connection
// is another device) and, with VIGIL_TEST_ENGINE=postgresql, on the test server.
#include "gui_driver.h"

#include "core/timefmt.h"
#include "support/pg_server.h"
#include "support/rounds.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace vigil::test;

namespace {
// Pumps the UI until `done` or two seconds pass (the bar is one second).
template <class F> bool within2s(F&& done) {
    for (int i = 0; i < 40; ++i) {
        if (done()) return true;
        settle();
        wxMilliSleep(10);
    }
    return done();
}
} // namespace

TEST_CASE_METHOD(GuiDriver, "a round saved on another device appears on this board by itself",
                 "[ui][live]") {
    store::Database other(m_db.path()); // another tablet: its own connection, its own ward
    ManualClock clock(m_clock.now());
    ward::Ward tablet(other, clock);
    Stay s;
    s.bed = "7", s.name = "Patient Seven", s.mrn = "D7";
    s.since = clock.now() - std::chrono::hours(2);
    s.drugs = {Drug::Morphine};
    auto stay = *tablet.admit(s, m_staff).admitted;
    CHECK(within2s([&] { return exists("news2-text/7"); }));

    auto r = test::normalRound(stay);
    r.rr = 8;
    REQUIRE(tablet.recordRound(r, {}, m_staff).saved);
    CHECK(within2s([&] {
        return exists("flag-text/7") && find<wxStaticText>("flag-text/7")->IsShownOnScreen();
    }));
}

TEST_CASE_METHOD(GuiDriver,
                 "a lost unit server is said at once, with the time, and when it is back",
                 "[ui][live][postgres]") {
    if (!onServer()) return; // a file cannot be lost this way
    auto before = find("admit")->GetScreenRect();
    PgServer::instance().admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE application_name = 'vigil-watch'");
    CHECK(within2s([&] {
        return find<wxStaticText>("unit-banner")->GetLabel().utf8_string().find("unreachable") !=
               std::string::npos;
    }));
    CHECK(find("unit-banner")->IsShownOnScreen());
    CHECK_THAT(find<wxStaticText>("unit-banner")->GetLabel().utf8_string(),
               Catch::Contains("Unit server unreachable since " + formatLocalTime(m_clock.now()) +
                               ": nothing is being saved"));
    screenshot("unit-server-lost");
    CHECK(find("admit")->GetScreenRect() == before); // its line was kept: nothing moved
    CHECK(within2s([&] {
        return find<wxStaticText>("unit-banner")->GetLabel().utf8_string().find("back at") !=
               std::string::npos;
    }));
}

TEST_CASE_METHOD(GuiDriver,
                 "an escalation page open here follows an acknowledgement made on another device",
                 "[ui][live]") {
    auto stay = admit("4", "Patient Four");
    auto r = test::normalRound(stay);
    r.rr = 8;
    auto out = m_ward.recordRound(r, {}, m_staff);
    REQUIRE(out.escalationsOpened.size() == 1);
    auto id = out.escalationsOpened.front();
    m_frame->showEscalation(id);
    settle();
    CHECK_THAT(text("escalation/state"), Catch::StartsWith("not acknowledged"));

    store::Database other(m_db.path()); // the charge nurse's tablet
    ward::Ward tablet(other, m_clock);
    REQUIRE_FALSE(
        tablet.escalationStep(id, {StepKind::Acknowledge, {}, m_charge, {}, {}, {}, {}, {}}));
    // Reloaded in place by the notification, not by a tap here.
    CHECK(within2s([&] { return text("escalation/state").starts_with("acknowledged"); }));
    CHECK_THAT(text("escalation/history"), Catch::Contains("acknowledge"));
    // A tap here that raced it is told who was first, and nothing is saved twice.
    auto again =
        m_ward.escalationStep(id, {StepKind::Acknowledge, {}, m_staff, {}, {}, {}, {}, {}});
    REQUIRE(again);
    CHECK_THAT(*again, Catch::StartsWith("Already acknowledged by Charge nurse Adeyemi at "));
}
