#include "store/flags.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/rule_source.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace vigil;
using namespace std::chrono;

namespace {
struct FlagFixture : test::WardWorld {
    StayId stay = admit("2");
    ward::RoundOutcome record(double rr, std::optional<Poss> poss = Poss::Awake) {
        auto r = test::normalRound(stay);
        r.rr = rr;
        r.poss = poss;
        return ward.recordRound(r, {}, nurse);
    }
};
} // namespace

TEST_CASE_METHOD(FlagFixture, "flags are stored with their round and name the rule set",
                 "[ward][rules]") {
    auto out = record(8);
    REQUIRE(out.saved);
    REQUIRE_FALSE(out.flags.empty());
    CHECK(out.flags[0].rule == "rr-8-or-below");
    CHECK(out.flags[0].because == std::vector<std::string>{"rr 8 <= 8"});
    auto stored = store::flagsForRound(db, *out.saved);
    REQUIRE(stored.size() == out.flags.size());
    CHECK(stored[0].flag.rule == "rr-8-or-below");
    CHECK(stored[0].flag.level == rules::Level::Emergency);
    CHECK(stored[0].flag.because == out.flags[0].because);
    CHECK(stored[0].ruleSetName == "intrathecal-recovery");
    CHECK(stored[0].ruleSetSha256 == ward.rules().sha256);
    CHECK_THROWS(db.exec("DELETE FROM flags"));
}

TEST_CASE_METHOD(FlagFixture,
                 "the next round sees the earlier ones: a falling RR, a repeat kept quiet",
                 "[ward][rules]") {
    record(12);
    clock.advance(hours(1));
    auto falling = record(10);
    auto has = [](const ward::RoundOutcome& o, const char* id) {
        return std::any_of(o.flags.begin(), o.flags.end(), [&](auto& f) { return f.rule == id; });
    };
    CHECK(has(falling, "rr-9-10-and-falling"));

    clock.advance(minutes(20));
    auto sleepy = record(14, Poss::FrequentlyDrowsy);
    REQUIRE(has(sleepy, "poss-3"));
    clock.advance(minutes(20));
    auto again = record(14, Poss::FrequentlyDrowsy);
    auto poss3 = std::find_if(again.flags.begin(), again.flags.end(),
                              [](auto& f) { return f.rule == "poss-3"; });
    REQUIRE(poss3 != again.flags.end());
    CHECK_FALSE(poss3->raised); // repeat_after 1h: still open, not raised again
    auto board = ward.board();
    REQUIRE(board[0].openFlags.size() >= 1);
    CHECK(board[0].openFlags[0].rule == "poss-3");
}

TEST_CASE_METHOD(FlagFixture, "a refused rule file leaves the rule set in use in use",
                 "[ward][rules]") {
    auto path = dir.file("local.toml");
    std::ofstream(path) << R"(name = "local"
version = "7"
[[rule]]
id = "any-round"
level = "watch"
when = "rr >= 0"
message = "RR {rr}"
action = "look"
source = "local: test"
summary = "Every round"
)";
    ward::RuleSource source(path);
    auto first = source.refresh(ward);
    REQUIRE(first);
    CHECK_FALSE(first->refused);
    CHECK(ward.rules().name == "local");
    CHECK_FALSE(source.refresh(ward)); // unchanged file: nothing to do

    std::this_thread::sleep_for(milliseconds(20)); // a new modification time
    std::ofstream(path)
        << "name = \"local\"\nversion = \"8\"\n[[rule]]\nid = \"broken\"\nlevel = \"loud\"\n";
    auto second = source.refresh(ward);
    REQUIRE(second);
    CHECK(second->refused);
    CHECK_THAT(second->message,
               Catch::Contains("local.toml:5:9") && Catch::Contains("Still using local 7"));
    CHECK(ward.rules().version == "7");
    CHECK(record(14).flags.at(0).rule == "any-round");

    // Nor does a rule without its summary in clinical words (issue 14): named, with the file.
    std::this_thread::sleep_for(milliseconds(20));
    std::ofstream(path) << "name = \"local\"\nversion = \"9\"\n[[rule]]\nid = \"quiet\"\n"
                           "level = \"watch\"\nwhen = \"rr >= 0\"\nmessage = \"m\"\n"
                           "action = \"a\"\nsource = \"local: test\"\n";
    auto unsummarised = source.refresh(ward);
    REQUIRE(unsummarised);
    CHECK(unsummarised->refused);
    CHECK_THAT(unsummarised->message, Catch::Contains("local.toml:3:1") &&
                                          Catch::Contains("rule \"quiet\" has no \"summary\"") &&
                                          Catch::Contains("Still using local 7"));
    CHECK(ward.rules().version == "7");

    // Neither does a folder put where the file was.
    std::filesystem::remove(path);
    std::this_thread::sleep_for(milliseconds(20));
    std::filesystem::create_directory(path);
    auto third = source.refresh(ward);
    REQUIRE(third);
    CHECK(third->refused);
    CHECK_THAT(third->message,
               Catch::Contains("is a folder") && Catch::Contains("Still using local 7"));
    CHECK(ward.rules().version == "7");
}
