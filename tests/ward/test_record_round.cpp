#include "store/rounds.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
struct WardFixture : test::WardWorld {
    StayId admit(const std::string& bed = "3") { return WardWorld::admit(bed); }
    static ObservationRound normal(StayId stay) { return test::normalRound(stay); }
    int roundCount() { return db.execAndGet("SELECT count(*) FROM rounds").getInt(); }
};
} // namespace

TEST_CASE_METHOD(WardFixture, "a complete round is validated, scored and stored", "[ward]") {
    auto stay = admit();
    auto r = normal(stay);
    r.rr = 10;
    r.spo2 = 95; // 1 + 1
    auto out = ward.recordRound(r, {}, nurse);
    REQUIRE(out.problems.empty());
    REQUIRE(out.saved);
    CHECK(out.news2.total == 2);
    CHECK(out.news2.band == news2::Band::Low);
    auto stored = store::findRound(db, *out.saved);
    REQUIRE(stored);
    CHECK(stored->takenAt == clock.now());
    CHECK(stored->recordedBy == nurse);
    CHECK(db.execAndGet("SELECT news2_total FROM rounds").getInt() == 2);
}

TEST_CASE_METHOD(WardFixture, "an impossible value saves nothing and says why", "[ward]") {
    auto r = normal(admit());
    r.rr = 95;
    auto out = ward.recordRound(r, {}, nurse);
    CHECK_FALSE(out.saved);
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems[0].field == "rr");
    CHECK_THAT(out.problems[0].message, Catch::Contains("0-80"));
    CHECK(roundCount() == 0);
}

TEST_CASE_METHOD(WardFixture, "an extreme value is saved once confirmed, and scored at once",
                 "[ward]") {
    auto r = normal(admit());
    r.rr = 5;
    auto first = ward.recordRound(r, {}, nurse);
    CHECK_FALSE(first.saved);
    REQUIRE(first.problems.size() == 1);
    CHECK(first.problems[0].kind == EntryProblem::Kind::NeedsConfirmation);
    CHECK(roundCount() == 0);
    auto second = ward.recordRound(r, {"rr"}, nurse);
    REQUIRE(second.saved);
    CHECK(second.news2.redScore);
    CHECK(db.execAndGet("SELECT confirmed FROM rounds").getString() == "rr");
}

TEST_CASE_METHOD(WardFixture, "a partial round needs a reason", "[ward]") {
    auto r = normal(admit());
    r.temp.reset();
    r.sbp.reset();
    r.dbp.reset();
    auto out = ward.recordRound(r, {}, nurse);
    CHECK_FALSE(out.saved);
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems[0].field == "partial_reason");
    CHECK_THAT(out.problems[0].message,
               Catch::Contains("Systolic BP") && Catch::Contains("Temperature"));
    r.partialReason = PartialReason::Asleep;
    out = ward.recordRound(r, {}, nurse);
    REQUIRE(out.saved);
    CHECK_FALSE(out.news2.complete);
    CHECK(store::findRound(db, *out.saved)->partialReason == PartialReason::Asleep);
}

TEST_CASE_METHOD(WardFixture, "a round takes the stay's SpO2 scale", "[ward]") {
    Stay s;
    s.bed = "5";
    s.name = "Carmen Castillo";
    s.mrn = "D7654321";
    s.since = clock.now();
    s.spo2Scale = 2;
    s.scale2PrescribedBy = "Dr Mensah";
    auto stay = *ward.admit(s, nurse).admitted;
    auto r = normal(stay);
    r.spo2 = 89; // 3 on scale 1, 0 on scale 2
    r.spo2Scale = 1;
    auto out = ward.recordRound(r, {}, nurse);
    REQUIRE(out.saved);
    CHECK(*out.news2.parameters.spo2 == 0);
}

TEST_CASE_METHOD(WardFixture, "no round for a discharged patient", "[ward]") {
    auto stay = admit();
    ward.discharge(stay, nurse);
    auto out = ward.recordRound(normal(stay), {}, nurse);
    CHECK_FALSE(out.saved);
    CHECK(out.problems[0].field == "stay");
    CHECK(ward.board().empty());
}

TEST_CASE_METHOD(WardFixture, "a locked database keeps the round out and says so",
                 "[ward][sqlite]") {
    auto r = normal(admit());
    db.sqlite().setBusyTimeout(0);
    SQLite::Database other(db.path(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    CHECK_THROWS_AS(ward.recordRound(r, {}, nurse), ward::SaveFailed);
    CHECK_THROWS_WITH(ward.recordRound(r, {}, nurse), Catch::Contains("locked"));
    other.exec("ROLLBACK");
    CHECK(ward.recordRound(r, {}, nurse).saved); // the same typed round saves once the lock is gone
}

TEST_CASE_METHOD(WardFixture, "amendments correct the chart and the board, never the row",
                 "[ward]") {
    auto stay = admit();
    auto saved = *ward.recordRound(normal(stay), {}, nurse).saved;
    Amendment a;
    a.round = saved;
    a.field = "rr";
    a.value = "24";
    a.reason = "counted over 15 s by mistake";
    a.by = nurse;
    REQUIRE_FALSE(ward.amend(a));
    auto board = ward.board();
    REQUIRE(board.size() == 1);
    CHECK(*board[0].lastRound->rr == 24);
    CHECK(board[0].news2->total == 2);
    CHECK(*store::findRound(db, saved)->rr == 14); // the original row is untouched
    auto chart = ward.chart(stay);
    REQUIRE(chart->rounds.size() == 1);
    CHECK(chart->rounds[0].round.amended("rr"));

    SECTION("a correction with an impossible value or no reason is refused") {
        a.value = "95";
        CHECK_THAT(*ward.amend(a), Catch::Contains("0-80"));
        a.value = "16";
        a.reason = " ";
        CHECK_THAT(*ward.amend(a), Catch::Contains("reason"));
    }
    SECTION("a round entered in error drops off the board") {
        clock.advance(minutes(30));
        auto later = normal(stay);
        later.hr = 120;
        auto second = *ward.recordRound(later, {}, nurse).saved;
        Amendment eie;
        eie.round = second;
        eie.kind = Amendment::Kind::EnteredInError;
        eie.reason = "wrong patient";
        eie.by = nurse;
        REQUIRE_FALSE(ward.amend(eie));
        CHECK(*ward.board()[0].lastRound->rr == 24); // back to the first round
        CHECK(ward.chart(stay)->rounds[0].round.enteredInError);
    }
}

TEST_CASE_METHOD(WardFixture, "the board lists open stays with their newest round", "[ward]") {
    auto a = admit("2");
    auto b = admit("10");
    ward.recordRound(normal(a), {}, nurse);
    clock.advance(hours(1));
    auto worse = normal(a);
    worse.rr = 8;
    ward.recordRound(worse, {}, nurse);
    auto board = ward.board();
    REQUIRE(board.size() == 2);
    CHECK(board[0].stay.bed == "2"); // numeric bed order: 2 before 10
    CHECK(board[0].lastRound->takenAt == clock.now());
    CHECK(board[0].news2->redScore);
    CHECK(board[1].stay.id == b);
    CHECK_FALSE(board[1].lastRound.has_value());
}

// Issue 14: age over 65 comes from the date of birth as of each round, never from a tick.
TEST_CASE_METHOD(WardFixture, "age over 65 comes from the date of birth as of each round",
                 "[ward][age]") {
    // A rule that asks, so the round's flags show what the ward decided.
    auto loaded = rules::loadRuleSet(R"toml(name = "age"
version = "1"
[[rule]]
id = "older"
level = "info"
when = "risk('over_65')"
message = "over 65"
source = "local: test"
summary = "Age over 65"
[[rule]]
id = "younger"
level = "info"
when = "not risk('over_65')"
message = "65 or under"
source = "local: test"
summary = "Age 65 or under"
)toml",
                                     "age.toml");
    REQUIRE(loaded.ruleSet);
    ward.setRules(loaded.ruleSet);
    auto ruleOf = [](const ward::RoundOutcome& out) {
        REQUIRE(out.saved);
        return out.flags.empty() ? std::string("none") : out.flags.at(0).rule;
    };
    auto at = [](year_month_day d) { return TimePoint(sys_days{d} + hours(12)); };

    clock.set(at(2026y / 11 / 22));
    Stay s;
    s.bed = "5";
    s.name = "Patient 5";
    s.mrn = "D5";
    s.dateOfBirth = "1961-11-23"; // 65 tomorrow
    s.since = clock.now() - hours(30);
    s.risks = {RiskFactor::Over65};
    auto refused = ward.admit(s, nurse);
    REQUIRE(refused.problems.size() == 1); // a tick could contradict the date: never stored
    CHECK(refused.problems[0].field == "risks");
    s.risks.clear();
    auto stay = *ward.admit(s, nurse).admitted;

    CHECK(ruleOf(ward.recordRound(normal(stay), {}, nurse)) == "younger");
    clock.set(at(2026y / 11 / 23)); // the birthday: exactly 65
    CHECK(ruleOf(ward.recordRound(normal(stay), {}, nurse)) == "younger");
    CHECK(ward.board().at(0).due.interval == hours(4));
    clock.set(at(2026y / 11 / 24)); // over 65 from today, on the same stay
    CHECK(ruleOf(ward.recordRound(normal(stay), {}, nurse)) == "older");
    auto bed = ward.board().at(0);
    CHECK(bed.due.interval == hours(2)); // a risk factor tightens the schedule after 24 h
    CHECK_THAT(bed.due.why, Catch::Contains("risk factors"));

    // No date of birth and no tick: the age is not known, so neither rule fires.
    auto unknown = admit("6");
    CHECK(ruleOf(ward.recordRound(normal(unknown), {}, nurse)) == "none");
    // The admit form requires the date of birth.
    Stay noDate;
    noDate.bed = "7";
    noDate.name = "Patient 7";
    noDate.mrn = "D7";
    noDate.since = clock.now() - hours(1);
    auto needed = ward.admit(noDate, nurse, DateOfBirthNeeded::Yes);
    REQUIRE(needed.problems.size() == 1);
    CHECK(needed.problems[0].field == "date_of_birth");
    CHECK_FALSE(needed.admitted);
}
