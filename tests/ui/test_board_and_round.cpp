#include "gui_driver.h"

#include "store/rounds.h"
#include "support/rounds.h"
#include "ui/ward_board.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <filesystem>
#include <fstream>
#include <wx/grid.h>

#include <SQLiteCpp/Database.h>

using namespace vigil;
using vigil::test::GuiDriver;

TEST_CASE_METHOD(GuiDriver, "admit a patient from the ward board", "[ui]") {
    screenshot("empty-board");
    tap("admit");
    REQUIRE(find("admit/bed")->IsShownOnScreen());
    type("admit/bed", "7");
    type("admit/name", "Ada Lovelace");
    type("admit/mrn", "D1234567");
    type("admit/date_of_birth", "1950-12-10");
    tap("admit/drug/morphine");
    tap("admit/risk/sleep_apnoea");
    // Age over 65 comes from the date of birth: no tick that could contradict it.
    CHECK_FALSE(exists("admit/risk/over_65"));
    tap("admit/pain_goal/10"); // on screen at 1280x800 (tap checks it is not clipped)
    screenshot("admit-form");
    tap("admit/save");

    auto beds = m_ward.board();
    REQUIRE(beds.size() == 1);
    CHECK(beds[0].stay.bed == "7");
    CHECK(beds[0].stay.name == "Ada Lovelace");
    CHECK(beds[0].stay.dateOfBirth == "1950-12-10");
    CHECK(beds[0].stay.drugs == std::vector<Drug>{Drug::Morphine});
    CHECK(beds[0].stay.risks == std::vector<RiskFactor>{RiskFactor::SleepApnoea});
    CHECK(beds[0].stay.painGoal == 10);
    CHECK(find("tile/7")->IsShownOnScreen());
    CHECK_THAT(text("news2-text/7"), Catch::Contains("not yet scored"));
}

TEST_CASE_METHOD(GuiDriver, "an admission with a missing name says so and stores nothing", "[ui]") {
    tap("admit");
    type("admit/bed", "2");
    type("admit/mrn", "D7654321");
    tap("admit/save");
    CHECK_THAT(text("admit-message/name"), Catch::Contains("Name is empty"));
    CHECK_THAT(text("admit-message/date_of_birth"), Catch::Contains("Date of birth is empty"));
    CHECK(m_ward.board().empty());
    CHECK(find("admit/mrn")->IsShownOnScreen()); // still on the form, with what was typed
    CHECK(find<wxTextCtrl>("admit/mrn")->GetValue() == "D7654321");
}

TEST_CASE_METHOD(GuiDriver, "enter a round on the keypad, save, see the band", "[ui]") {
    admit("3", "Grace Hopper");
    tap("round/3");
    tap("field/rr");
    keys("14");
    tap("key/next"); // on to SpO2
    keys("97");
    tap("field/sbp");
    keys("128");
    tap("key/next");
    keys("76");
    tap("key/next");
    keys("72");
    tap("key/next");
    keys("36.9");
    tap("acvpu/0");
    tap("poss/1");
    tap("o2/0");
    tap("nausea/1");
    tap("partial/1"); // the rest of the checklist not asked: the patient refused
    screenshot("round-form");
    tap("round/save");

    REQUIRE(rounds() == 1);
    auto saved = store::roundsForStay(m_db, m_ward.board()[0].stay.id);
    REQUIRE(saved.size() == 1);
    CHECK(*saved[0].rr == 14);
    CHECK(*saved[0].spo2 == 97);
    CHECK(*saved[0].dbp == 76);
    CHECK(*saved[0].temp == Approx(36.9));
    CHECK(saved[0].acvpu == Acvpu::Alert);
    CHECK(saved[0].poss == Poss::Awake);
    CHECK(saved[0].onOxygen == false);
    CHECK(*saved[0].nausea == 1);
    CHECK_FALSE(saved[0].itching.has_value()); // not tapped: not recorded, not zero
    CHECK(find("outcome/band")->IsShownOnScreen());
    CHECK_THAT(text("outcome/band"), Catch::Contains("NEWS2 0") && Catch::Contains("Low"));
    screenshot("round-outcome");

    tap("outcome/done");
    CHECK_THAT(text("news2-text/3"), Catch::Contains("NEWS2 0") && Catch::Contains("Low"));
    screenshot("board-after-round");
}

TEST_CASE_METHOD(GuiDriver, "an impossible value shows its message and saves nothing", "[ui]") {
    admit("4", "Alan Turing");
    tap("round/4");
    tap("field/rr");
    keys("95");
    tap("round/save");
    CHECK(rounds() == 0);
    // In the banner's reserved lines, and marked on its field.
    CHECK_THAT(text("round/banner"), Catch::Contains("not possible") && Catch::Contains("0-80"));
    CHECK_THAT(text("field/rr"), Catch::Contains("\u2716"));
    CHECK_THAT(text("field/rr"), Catch::Contains("95")); // what the nurse typed is still there
    screenshot("round-refused");
}

TEST_CASE_METHOD(GuiDriver, "an extreme value needs confirming, then saves and scores red",
                 "[ui]") {
    admit("5", "Mary Seacole");
    tap("round/5");
    tap("field/rr");
    keys("5");
    tap("partial/0"); // asleep: the rest not measured
    tap("round/save");
    CHECK(rounds() == 0);
    CHECK_THAT(text("round/banner"), Catch::Contains("re-measure"));
    CHECK_THAT(text("field/rr"), Catch::Contains("\u26a0"));
    CHECK(text("round/save") == "Confirm and save");
    tap("round/save");
    CHECK(rounds() == 1);
    CHECK_THAT(text("outcome/band"),
               Catch::Contains("at least 3") && Catch::Contains("Low-medium"));
}

TEST_CASE_METHOD(GuiDriver, "a save that fails keeps everything typed", "[ui]") {
    admit("6", "Florence Nightingale");
    tap("round/6");
    tap("field/rr");
    keys("16");
    tap("partial/1");
    m_db.sqlite().setBusyTimeout(0);
    {
        SQLite::Database other(m_db.path(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN IMMEDIATE"); // another writer holds the database
        tap("round/save");
        CHECK(rounds() == 0);
        CHECK_THAT(text("round/banner"),
                   Catch::Contains("was not saved") && Catch::Contains("locked"));
        CHECK_THAT(text("field/rr"), Catch::Contains("16"));
        screenshot("round-save-failed");
        other.exec("ROLLBACK");
    }
    tap("round/save");
    CHECK(rounds() == 1);
}

TEST_CASE_METHOD(GuiDriver, "a read-only record keeps everything typed and says why",
                 "[ui][hardening]") {
    admit("6", "Florence Nightingale");
    tap("round/6");
    tap("field/rr");
    keys("16");
    tap("partial/1");
    // As if the file were made read-only while the form is open (root ignores chmod).
    m_db.exec("PRAGMA query_only = 1");
    tap("round/save");
    CHECK(rounds() == 0);
    CHECK_THAT(text("round/banner"),
               Catch::Contains("was not saved") && Catch::Contains("is read-only here"));
    CHECK_THAT(text("field/rr"), Catch::Contains("16"));
    m_db.exec("PRAGMA query_only = 0");
    tap("round/save");
    CHECK(rounds() == 1);
}

TEST_CASE_METHOD(GuiDriver, "the chart shows rounds newest first", "[ui]") {
    auto stay = admit("8", "Ignaz Semmelweis");
    auto earlier = test::normalRound(stay);
    earlier.takenAt = m_clock.now() - std::chrono::hours(1);
    earlier.rr = 22; // NEWS2 2
    REQUIRE(m_ward.recordRound(earlier, {}, m_staff).saved);
    REQUIRE(m_ward.recordRound(test::normalRound(stay), {}, m_staff).saved);
    tap("chart/8");
    auto* grid = find<wxGrid>("chart/grid");
    CHECK(grid->IsShownOnScreen());
    REQUIRE(grid->GetNumberCols() == 2);
    CHECK(grid->GetCellValue(0, 0).StartsWith("0 Low")); // newest first
    CHECK(grid->GetCellValue(0, 1).StartsWith("2 Low"));
    CHECK(grid->GetCellValue(1, 1) == "22 (NEWS 2)"); // a value that scores says so
    CHECK(grid->GetCellValue(1, 0) == "14");          // one that does not, plainly
    screenshot("chart");
    tap("chart/discharge");
    CHECK(text("chart/discharge") == "Tap again to discharge");
    CHECK(m_ward.board().size() == 1);
    tap("chart/discharge");
    CHECK(m_ward.board().empty());
}

TEST_CASE_METHOD(GuiDriver,
                 "after Save the flags show, highest first, and the board shows the highest",
                 "[ui][rules]") {
    admit("9", "Virginia Apgar");
    tap("round/9");
    tap("field/rr");
    keys("8");
    tap("key/next");
    keys("95");
    tap("poss/3"); // POSS 3
    tap("acvpu/0");
    tap("partial/0");
    tap("round/save");
    REQUIRE(rounds() == 1);
    CHECK(find("flag/rr-8-or-below")->IsShownOnScreen());
    CHECK(find("flag/poss-3")->IsShownOnScreen());
    // Highest level first: the emergency card sits above the urgent one.
    CHECK(find("flag/rr-8-or-below")->GetScreenRect().GetTop() <
          find("flag/poss-3")->GetScreenRect().GetTop());
    screenshot("round-outcome-flags");
    tap("outcome/done");
    CHECK_THAT(text("flag-text/9"), Catch::Contains("EMERGENCY") && Catch::Contains("8/min"));
    screenshot("board-with-flag");
    auto stored = m_db.sqlite()
                      .execAndGet("SELECT count(*) FROM flags WHERE rule_set_sha256 = '" +
                                  m_ward.rules().sha256 + "'")
                      .getInt();
    CHECK(stored >= 2);
}

namespace {
std::string brokenRuleFile() {
    auto path = (std::filesystem::temp_directory_path() / "vigil-ui-broken-rules.toml").string();
    std::ofstream(path)
        << "name = \"local\"\nversion = \"1\"\n[[rule]]\nid = \"x\"\nlevel = \"loud\"\n";
    return path;
}
struct BrokenRules : GuiDriver {
    BrokenRules() : GuiDriver(brokenRuleFile()) {}
};
} // namespace

TEST_CASE_METHOD(BrokenRules,
                 "a refused rule file shows a banner and the built-in set stays in use",
                 "[ui][rules]") {
    CHECK(find("rules-banner")->IsShownOnScreen());
    CHECK_THAT(text("rules-banner"),
               Catch::Contains("Rule file refused") && Catch::Contains(":5:9:") &&
                   Catch::Contains("Still using") && Catch::Contains("intrathecal-recovery 1.2.0"));
    CHECK(m_ward.rules().name == "intrathecal-recovery");
    screenshot("rules-refused-banner");
}

TEST_CASE_METHOD(GuiDriver, "acknowledge and escalate a flag from the board", "[ui][escalation]") {
    auto stay = admit("4", "Cicely Saunders");
    auto r = test::normalRound(stay);
    r.rr = 8;
    auto out = m_ward.recordRound(r, {}, m_staff);
    REQUIRE(out.escalationsOpened.size() >= 1);
    m_frame->showBoard();
    test::settle();
    auto flat = [](std::string s) { // the badge wraps where the tile is narrow
        std::replace(s.begin(), s.end(), '\n', ' ');
        return s;
    };
    // RR 8 also scores NEWS2 3: one escalation for both flags (issue 11).
    CHECK_THAT(flat(text("flag-text/4")), Catch::Contains("EMERGENCY") &&
                                              Catch::Contains("(+1 more flag)") &&
                                              Catch::Contains("not acknowledged"));
    CHECK_THAT(flat(text("due/4")), Catch::Contains("emergency escalation open: every 15 min"));
    screenshot("board-flag-raised");

    tap("ack/4"); // tap one
    auto e = m_ward.escalation(out.escalationsOpened[0]);
    CHECK(e->state() == EscalationState::Acknowledged);
    CHECK(e->steps[0].by == m_staff);
    CHECK_THAT(text("flag-text/4"), Catch::Contains("acknowledged"));

    // Escalate takes Acknowledge's place once the hold against a double tap has passed.
    m_clock.advance(ui::WardBoard::kHoldAfterAcknowledge);
    m_frame->showBoard();
    test::settle();
    tap("escalate/4"); // tap two
    REQUIRE(find("escalation/sbar")->IsShownOnScreen());
    CHECK_THAT(text("escalation/sbar"), Catch::Contains("S: Bed 4, Cicely Saunders") &&
                                            Catch::Contains("R: Clinician at the bedside"));
    tap("escalation/inform"); // nothing filled in: refused, and says why
    CHECK_THAT(text("escalation/message"), Catch::Contains("Name the clinician"));
    type("escalation/clinician", "Dr Mensah");
    tap("escalation/role/1");
    tap("escalation/method/1");
    // The whole page fits the tablet's screen: closing it is never scrolled away.
    CHECK(m_frame->GetScreenRect().Contains(find("escalation/resolve")->GetScreenRect()));
    CHECK(m_frame->GetScreenRect().Contains(find("escalation/set-frequency")->GetScreenRect()));
    screenshot("escalation-page");
    tap("escalation/inform");
    e = m_ward.escalation(out.escalationsOpened[0]);
    REQUIRE(e->state() == EscalationState::Informed);
    CHECK(e->steps.back().clinicianName == "Dr Mensah");
    CHECK(e->steps.back().clinicianRole == "Anaesthetist");
    CHECK(e->steps.back().method == "bleep");
    CHECK_THAT(text("escalation/state"), Catch::Contains("clinician informed"));

    // Where the response is recorded, the frequency it asks for (§4).
    type("escalation/instructions", "naloxone given; obs every 15 min for 4 h");
    tap("escalation/every/0"); // 15 min
    tap("escalation/set-frequency");
    CHECK_THAT(text("escalation/frequency"), Catch::Contains("Choose how often and for how long"));
    tap("escalation/every-for/0"); // 4 h
    tap("escalation/set-frequency");
    auto f = m_ward.activeFrequency(stay);
    REQUIRE(f);
    CHECK(f->every == std::chrono::minutes(15));
    CHECK(f->clinician == "Dr Mensah");
    CHECK(f->escalation == out.escalationsOpened[0]);
    CHECK_THAT(text("escalation/frequency"), Catch::Contains("Observations every 15 min"));
    tap("escalation/every/4"); // 4 h while an emergency is open: looser, the charge nurse's call
    tap("escalation/set-frequency");
    CHECK_THAT(text("escalation/frequency"), Catch::StartsWith("\u2716"));
    CHECK(m_ward.activeFrequency(stay)->every == std::chrono::minutes(15));
}

TEST_CASE_METHOD(GuiDriver, "a patient limit shows on the board with who set it", "[ui][limits]") {
    auto stay = admit("5", "Archie Cochrane");
    PatientLimit l;
    l.stay = stay;
    l.field = "spo2";
    l.low = 88;
    l.clinician = "Dr Mensah";
    l.reason = "COPD";
    l.expires = m_clock.now() + std::chrono::hours(12);
    REQUIRE_FALSE(m_ward.setPatientLimit(l, m_charge));
    m_frame->showBoard();
    test::settle();
    // On the tile's line of notes (issue 14: the compact tile), whole in the label.
    CHECK_THAT(text("notes/5"),
               Catch::Contains("SpO2 accepted down to 88") && Catch::Contains("Dr Mensah"));
    CHECK(find("notes/5")->IsShownOnScreen());
}

TEST_CASE_METHOD(GuiDriver, "a round not done is recorded with its reason and stays due",
                 "[ui][schedule]") {
    admit("6", "Elizabeth Blackwell");
    tap("round/6");
    tap("round/missed"); // no reason chosen yet
    CHECK_THAT(text("round/banner"), Catch::Contains("Choose why"));
    tap("partial/2"); // away from bed
    tap("round/missed");
    auto beds = m_ward.board();
    REQUIRE(beds[0].missed);
    CHECK(beds[0].missed->reason == "Away from bed");
    CHECK(rounds() == 0);
    CHECK_THAT(text("due/6"), Catch::Contains("Missed") && Catch::Contains("Away from bed"));
}

TEST_CASE_METHOD(GuiDriver, "the board counts acknowledgements overdue for the charge nurse",
                 "[ui][escalation]") {
    auto stay = admit("7", "Mary Breckinridge");
    auto r = test::normalRound(stay);
    r.takenAt = m_clock.now() - std::chrono::minutes(20);
    r.poss = Poss::Somnolent;
    auto out = m_ward.recordRound(r, {}, m_staff);
    REQUIRE_FALSE(out.escalationsOpened.empty());
    m_frame->showBoard();
    test::settle();
    CHECK_THAT(text("board-summary"), !Catch::Contains("acknowledgement")); // raised just now
    m_clock.advance(std::chrono::minutes(6)); // an emergency waits 5 min at most
    m_frame->refresh();
    test::settle();
    CHECK_THAT(text("board-summary"), Catch::Contains("1 acknowledgement overdue"));
    CHECK_THAT(text("flag-text/7"), Catch::Contains("ACKNOWLEDGEMENT OVERDUE"));
    screenshot("board-ack-overdue");
}
