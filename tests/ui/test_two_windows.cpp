// Two Vigil windows on one record (issue 13), each in a process of its own: a round opened in one
// shows as "round in progress" on the other's board, the round saved shows there, and an
// acknowledgement in one takes the Acknowledge button off the other. On a file the two processes
// share the file (SQLite's data_version); with VIGIL_TEST_ENGINE=postgresql, a database on the
// test server (LISTEN/NOTIFY). And the unit server stopped while a round form is open.
//
// The other window is this test binary run again with a hidden tag, not the `vigil` binary: it is
// the same MainFrame a tablet shows, driven by real taps in its own process and its own
// connection, and it can wait for this side to have seen each step before taking the next (the
// files in `steps`), so the test checks what each board shows in between without any timing.
#include "gui_driver.h"

#include "support/pg_server.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace vigil;
using namespace vigil::test;
using namespace std::chrono_literals;

namespace {
// Pumps the UI until `done`, or gives up after `limit` (a stuck test, not a measurement: the
// benchmarks measure how fast a save reaches another device).
template <class F> bool pumpUntil(F&& done, std::chrono::seconds limit = 30s) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        settle();
    }
    return done();
}
bool fileThere(const std::string& path) {
    return std::filesystem::exists(path);
}
void mark(const std::string& path) {
    std::ofstream(path) << "seen\n";
}
std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}
} // namespace

// The other device's half, run only by the test below (hidden: "[.second-window]").
TEST_CASE("the second window: opens a round, saves it, acknowledges, each when told",
          "[.second-window]") {
    auto record = env("VIGIL_SECOND_RECORD"), steps = env("VIGIL_SECOND_STEPS");
    REQUIRE(!record.empty());
    GuiDriver tablet("", GuiDriver::Start::NurseSignedIn, {}, record);
    REQUIRE(pumpUntil([&] { return tablet.exists("round/7"); }));
    tablet.tap("round/7");
    REQUIRE(pumpUntil([&] { return fileThere(steps + "/opening-seen"); }));
    tablet.tap("field/rr");
    tablet.keys("8"); // NEWS2 3 on one parameter: an escalation to acknowledge
    tablet.tap("partial/1");
    tablet.tap("round/save");
    if (tablet.rounds() == 0) tablet.tap("round/save"); // "Confirm and save", if asked
    REQUIRE(tablet.rounds() == 1);
    tablet.tap("outcome/done");
    REQUIRE(pumpUntil([&] { return fileThere(steps + "/round-seen"); }));
    tablet.tap("ack/7");
}

TEST_CASE_METHOD(GuiDriver,
                 "two windows in two processes on one record: the round in progress, the saved "
                 "round and the acknowledgement show on the other board by themselves",
                 "[ui][live]") {
    admit("7", "Patient Seven");
    TempDir steps;
    auto self = std::filesystem::read_symlink("/proc/self/exe").string();
    auto command = fmt::format("VIGIL_SECOND_RECORD='{}' VIGIL_SECOND_STEPS='{}' '{}' "
                               "'[.second-window]' >'{}' 2>&1",
                               m_db.path(), steps.path().string(), self, steps.file("log"));
    std::atomic<bool> finished = false;
    int rc = -1;
    std::thread other([&] {
        rc = std::system(command.c_str());
        finished = true;
    });
    auto inProgress = [&] { return text("in-progress/7"); };
    CHECK(pumpUntil([&] { return inProgress().find("Nurse Okafor") != std::string::npos; }));
    CHECK_THAT(inProgress(), Catch::StartsWith("\u270e Round in progress: Nurse Okafor (since "));
    screenshot("round-in-progress-elsewhere");
    mark(steps.file("opening-seen"));

    CHECK(pumpUntil([&] { return exists("ack/7"); }));
    CHECK_THAT(text("news2-text/7"), Catch::Contains("NEWS2"));
    CHECK(inProgress().empty()); // the saved round carries the opened form's key
    mark(steps.file("round-seen"));

    CHECK(pumpUntil([&] { return finished && !exists("ack/7"); }));
    CHECK_THAT(text("flag-text/7"),
               Catch::EndsWith(" acknowledged") && !Catch::Contains("not acknowledged"));
    other.join();
    std::ifstream log(steps.file("log"));
    INFO("the other window said:\n" << std::string(std::istreambuf_iterator<char>(log), {}));
    CHECK(rc == 0);
}

TEST_CASE_METHOD(GuiDriver,
                 "the server stopped while a round form is open: the banner, Save keeps the "
                 "round, the server back: the round saved once",
                 "[ui][live][postgres]") {
    if (!onServer()) return; // a file cannot go away
    admit("5", "Patient Five");
    tap("round/5");
    tap("field/rr");
    keys("16");
    tap("partial/1");
    auto banner = [&] { return text("unit-banner"); };
    {
        ServerPause away; // the shared server comes back even when a check below throws
        CHECK(pumpUntil([&] { return banner().find("unreachable") != std::string::npos; }));
        tap("round/save");
        CHECK_THAT(text("round/banner"), Catch::Contains("not saved"));
        CHECK_THAT(text("field/rr"), Catch::Contains("16")); // nothing typed is lost
        screenshot("round-server-stopped");
        away.resumeNow();
        CHECK(pumpUntil([&] { return banner().find("back at") != std::string::npos; }));
    }
    tap("round/save");
    CHECK(find("outcome/band")->IsShownOnScreen());
    store::Database check(m_db.path()); // a connection of its own: what the record holds
    CHECK(check.execAndGet("SELECT count(*) FROM rounds").getInt() == 1);
}

TEST_CASE_METHOD(GuiDriver,
                 "a round kept across a lock: left while locked, in progress again when put back, "
                 "ended by its save",
                 "[ui][live]") {
    auto stay = admit("3", "Patient Three");
    tap("round/3");
    tap("field/rr");
    keys("16");
    CHECK(m_ward.roundInProgress(stay));
    tap("session/lock");
    CHECK_FALSE(m_ward.roundInProgress(stay)); // the tablet locked: nobody is at the bed
    signIn(m_staff, kNursePin);
    CHECK_THAT(text("field/rr"), Catch::Contains("16"));
    REQUIRE(m_ward.roundInProgress(stay));
    tap("partial/1");
    tap("round/save");
    REQUIRE(rounds() == 1);
    // The opening put back carries the draft's own key: its save ends it.
    CHECK_FALSE(m_ward.roundInProgress(stay));
}
