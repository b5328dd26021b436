// The round as it really was (issue 14): when the observations were taken, which checklist items
// were not asked, and BP values that are probably misread.
#include "gui_driver.h"

#include "core/timefmt.h"
#include "store/rounds.h"

#include <wx/grid.h>

using namespace vigil;
using namespace std::chrono;
using vigil::test::GuiDriver;

namespace {
void vitals(GuiDriver& d) {
    d.keys("14");
    d.keys("97");
    d.keys("120");
    d.keys("76");
    d.keys("72");
    d.keys("369");
    d.tap("acvpu/0");
    d.tap("poss/1");
    d.tap("o2/0");
}
} // namespace

TEST_CASE_METHOD(GuiDriver,
                 "observations taken at: the form's opening, changeable, kept across "
                 "the idle lock",
                 "[ui][round][taken]") {
    auto stay = admit("3", "Grace Hopper");
    const TimePoint opened = m_clock.now();
    tap("round/3");
    CHECK(text("round/taken-at") == formatLocalTime(opened));
    CHECK_FALSE(find("round/taken-later")->IsEnabled()); // never in the future
    m_clock.advance(minutes(1));
    tap("round/taken-earlier");
    tap("round/taken-earlier");
    CHECK(text("round/taken-at") == formatLocalTime(opened - minutes(10)));
    tap("round/taken-later"); // back by five
    CHECK(text("round/taken-at") == formatLocalTime(opened - minutes(5)));
    keys("14");

    // Locked while typing: the time the nurse set comes back with the draft.
    m_clock.advance(minutes(3));
    m_frame->checkIdle();
    REQUIRE(m_frame->session().staff == 0);
    m_clock.advance(minutes(4));
    signIn(m_staff, kNursePin);
    CHECK(text("round/taken-at") == formatLocalTime(opened - minutes(5)));
    screenshot("round-taken-at");
    tap("field/spo2");
    keys("97");
    keys("120");
    keys("76");
    keys("72");
    keys("369");
    tap("acvpu/0");
    tap("poss/1");
    tap("o2/0");
    tap("round/no-side-effects");
    tap("round/save");
    REQUIRE(rounds() == 1);
    auto r = store::roundsForStay(m_db, stay).at(0);
    CHECK(r.takenAt == opened - minutes(5)); // when it was taken, not when it was saved
    CHECK(find("outcome/band")->IsShownOnScreen());
    CHECK(m_db.execAndGet("SELECT recorded_at <> taken_at FROM rounds").getInt() ==
          1); // and when it was saved, apart
}

TEST_CASE_METHOD(GuiDriver,
                 "unanswered checklist items are named before saving, a reason saves "
                 "them as not asked",
                 "[ui][round][checklist]") {
    auto stay = admit("4", "Alan Turing");
    tap("round/4");
    vitals(*this);
    tap("nausea/0");
    tap("round/save");
    CHECK(rounds() == 0);
    CHECK_THAT(text("round/banner"), Catch::Contains("Not asked: Pain, Vomits since last round") &&
                                         Catch::Contains("and 11 more"));
    screenshot("round-checklist-not-asked");
    tap("partial/0"); // asleep: the rest could not be asked
    CHECK_THAT(text("round/banner"), !Catch::Contains("Not asked"));
    tap("round/save");
    REQUIRE(rounds() == 1);
    auto r = store::roundsForStay(m_db, stay).at(0);
    CHECK(*r.nausea == 0);
    CHECK_FALSE(r.itching.has_value()); // not asked stays empty, never "none"

    // The chart says "not asked" apart from "none".
    tap("outcome/done");
    tap("chart/4");
    auto* grid = find<wxGrid>("chart/grid");
    bool sawNotAsked = false, sawNone = false;
    for (int row = 0; row < grid->GetNumberRows(); ++row) {
        auto label = grid->GetRowLabelValue(row);
        if (label == "Itching") sawNotAsked = grid->GetCellValue(row, 0) == "not asked";
        if (label.StartsWith("Nausea")) sawNone = grid->GetCellValue(row, 0) == "0";
    }
    CHECK(sawNotAsked);
    CHECK(sawNone);
}

TEST_CASE_METHOD(GuiDriver, "a pulse pressure under 10 asks to re-measure, then saves",
                 "[ui][round]") {
    admit("5", "Mary Seacole");
    tap("round/5");
    keys("14");
    keys("97");
    keys("118");
    keys("110"); // 118/110: a pulse pressure of 8
    keys("72");
    keys("369");
    tap("acvpu/0");
    tap("poss/1");
    tap("o2/0");
    tap("round/no-side-effects");
    tap("round/save");
    CHECK(rounds() == 0);
    CHECK_THAT(text("round/banner"), Catch::Contains("Pulse pressure 8 mmHg (118/110)"));
    CHECK_THAT(text("field/dbp"), Catch::Contains("\u26a0"));
    CHECK(text("round/save") == "Confirm and save");
    tap("round/save");
    CHECK(rounds() == 1);
}

TEST_CASE_METHOD(GuiDriver,
                 "98.6 typed on the keypad is named as Fahrenheit, never turned into 9.8",
                 "[ui][round]") {
    admit("6", "Elizabeth Blackwell");
    tap("round/6");
    tap("field/temp");
    keys("98.6");
    CHECK_THAT(text("field/temp"), Catch::Contains("98.6"));
    tap("partial/0");
    tap("round/save");
    CHECK(rounds() == 0);
    CHECK_THAT(text("round/banner"), Catch::Contains("looks like Fahrenheit"));
    CHECK_THAT(text("field/temp"), Catch::Contains("\u2716"));
}
