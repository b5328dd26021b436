// Issue 5 in real windows: the charge nurse's summary, sorting, opening a patient, the handoff
// print preview, the patient's trends and the nurse's handoff note.
#include "gui_driver.h"

#include "ui/theme.h"

#include "support/rounds.h"

#include <wx/grid.h>
#include <wx/print.h>
#include <wx/tglbtn.h>

using namespace vigil;
using namespace std::chrono;
using vigil::test::GuiDriver;

namespace {
struct ChargeNurseDesk : GuiDriver {
    ChargeNurseDesk() : GuiDriver("", Start::SignInScreen) {
        signIn(m_charge, kChargePin);
        // An hour into the shift now, whatever the time of day the test runs at.
        m_clock.set(shiftAt(m_clock.now(), {}).start + hours(1));
        // Mary Seacole's breathing slows to 9 from 11: an urgent flag.
        for (auto [bed, name, rr, step] : {std::tuple{"2", "Ada Lovelace", 16.0, 1.0},
                                           std::tuple{"10", "Mary Seacole", 13.0, -2.0},
                                           std::tuple{"7", "Grace Hopper", 14.0, 1.0}}) {
            stays.push_back(admit(bed, name));
            for (int i = 0; i < 3; ++i) {
                auto r = test::normalRound(stays.back());
                r.rr = rr + step * i;
                r.pain = 2 + i;
                REQUIRE(m_ward.recordRound(r, {}, m_staff).saved);
                m_clock.advance(minutes(20));
            }
        }
    }
    // Taps the middle of a grid cell or, with row -1, of a column's label.
    void tapGrid(int row, int col) {
        auto* grid = find<wxGrid>("summary/grid");
        wxWindow* win = row < 0 ? grid->GetGridColLabelWindow() : grid->GetGridWindow();
        wxRect cell = grid->CellToRect(std::max(row, 0), col);
        int x = cell.x + cell.width / 2,
            y = row < 0 ? win->GetSize().y / 2 : cell.y + cell.height / 2;
        wxPoint at = win->ClientToScreen(wxPoint(x, y));
        m_sim.MouseMove(at);
        test::settle();
        m_sim.MouseClick();
        test::settle();
    }
    std::vector<StayId> stays;
};
} // namespace

TEST_CASE_METHOD(ChargeNurseDesk, "the charge nurse's summary sorts and opens a patient",
                 "[ui][summary]") {
    tap("session/summary");
    auto* grid = find<wxGrid>("summary/grid");
    REQUIRE(grid->IsShownOnScreen());
    CHECK(text("summary/unit/patients") == "3 patients");
    CHECK_THAT(text("summary/unit/rounds"), Catch::Contains("rounds 9 done"));
    CHECK_THAT(text("summary/unit/urgent"), Catch::Contains("1 urgent")); // RR 9 on bed 10
    // Red only where the figure is not zero: one urgent flag, no emergency.
    auto colour = [&](const char* name) {
        return find(wxString("summary/unit/") + name)->GetForegroundColour();
    };
    CHECK(colour("urgent") == ui::refusedColour());
    CHECK(colour("emergency") != ui::refusedColour());
    CHECK(text("summary/unit/emergency") == "0 emergency");
    REQUIRE(grid->GetNumberRows() == 3);
    CHECK(grid->GetCellValue(0, 0) == "2"); // bed order: 2, 7, 10
    CHECK(grid->GetCellValue(2, 0) == "10");
    screenshot("shift-summary");

    tapGrid(-1, 8); // open escalations, most first
    CHECK(grid->GetCellValue(0, 1) == "Mary Seacole");
    CHECK_THAT(grid->GetColLabelValue(8).utf8_string(), Catch::EndsWith("\u25bc"));
    tapGrid(-1, 1); // by name
    CHECK(grid->GetCellValue(0, 1) == "Ada Lovelace");
    CHECK(grid->GetCellValue(2, 1) == "Mary Seacole");

    tapGrid(1, 1); // Grace Hopper
    REQUIRE(find("chart/grid")->IsShownOnScreen());
    CHECK_THAT(text("chart/title"), Catch::Contains("Grace Hopper"));
    // Opened from the summary, the chart goes back to it (issue 14).
    CHECK(text("chart/back") == "Back to summary");
    tap("chart/back");
    CHECK(grid->IsShownOnScreen());
}

TEST_CASE_METHOD(ChargeNurseDesk, "the handoff print preview opens with the sheet's pages",
                 "[ui][summary][print]") {
    tap("session/summary");
    tap("summary/print");
    auto* frame = dynamic_cast<wxPreviewFrame*>(wxWindow::FindWindowByName("handoff-preview"));
    REQUIRE(frame);
    test::settle();
    CHECK(frame->IsShown());
    wxPrintPreviewBase* preview = nullptr;
    for (auto* child : frame->GetChildren())
        if (auto* bar = dynamic_cast<wxPreviewControlBar*>(child)) preview = bar->GetPrintPreview();
    REQUIRE(preview);
    CHECK(preview->IsOk());
    CHECK(preview->GetMaxPage() == 2); // three patients: two on the first A4 page, one on the next
    CHECK(preview->GetCurrentPage() == 1);
    // Its buttons are touch-sized too (issue 14).
    for (auto* child : frame->GetChildren())
        if (auto* bar = dynamic_cast<wxPreviewControlBar*>(child))
            for (auto* control : bar->GetChildren()) {
                if (!control->IsShown()) continue;
                INFO(control->GetLabel().utf8_string());
                CHECK(control->GetSize().y >= frame->FromDIP(48));
                CHECK(control->GetSize().x >= frame->FromDIP(48));
            }
    screenshot("handoff-preview");
    frame->Close(true);
    test::settle();
}

TEST_CASE_METHOD(GuiDriver, "a nurse has no summary button", "[ui][summary][roles]") {
    CHECK_FALSE(find("session/summary")->IsShown());
}

TEST_CASE_METHOD(ChargeNurseDesk, "the patient's trends and handoff note", "[ui][trends]") {
    m_frame->showChart(stays[1]);
    test::settle();
    tap("chart/trends");
    REQUIRE(find("trends")->IsShownOnScreen());
    CHECK(text("chart/trends") == "Table");
    screenshot("trends");
    tap("chart/trends");
    CHECK(find("chart/grid")->IsShownOnScreen());

    tap("chart/handoff-note");
    CHECK_THAT(text("note/proposal"), Catch::Contains("Vigil proposes: Watcher"));
    CHECK(find<wxToggleButton>("note/severity/1")->GetValue());
    tap("note/severity/2");
    type("note/text", "Mother anxious; call her if anything changes.");
    tap("note/save");
    CHECK_THAT(text("note/message"), Catch::Contains("say why it is Unstable"));
    CHECK_FALSE(m_ward.handoffNote(stays[1]));
    type("note/reason", "RR falling since noon");
    tap("note/save");
    CHECK_THAT(text("note/message"), Catch::Contains("Saved"));
    auto note = m_ward.handoffNote(stays[1]);
    REQUIRE(note);
    CHECK(note->severity == Severity::Unstable);
    CHECK(note->by == m_charge);
    CHECK(note->note == "Mother anxious; call her if anything changes.");
    screenshot("handoff-note");
}

TEST_CASE_METHOD(ChargeNurseDesk, "each figure opens the patients it counts, and only those",
                 "[ui][summary][counts]") {
    tap("session/summary");
    auto* grid = find<wxGrid>("summary/grid");
    REQUIRE(grid->GetNumberRows() == 3);
    CHECK_THAT(text("summary/showing"), Catch::StartsWith("Showing all 3 patients"));
    // A figure that counts someone is a touch-sized button; a 0 is plain words.
    auto* urgent = find("summary/unit/urgent");
    REQUIRE(dynamic_cast<wxButton*>(urgent));
    CHECK(urgent->GetSize().y >= m_frame->FromDIP(48));
    CHECK(urgent->GetSize().x >= m_frame->FromDIP(48));
    CHECK(dynamic_cast<wxStaticText*>(find("summary/unit/emergency")));
    CHECK_FALSE(dynamic_cast<wxButton*>(find("summary/unit/emergency")));
    tap("summary/unit/emergency"); // nothing behind it: nothing opens, every patient stays
    CHECK(grid->GetNumberRows() == 3);

    tap("summary/unit/urgent"); // RR 9 on bed 10: Mary Seacole, none other
    REQUIRE(grid->GetNumberRows() == 1);
    CHECK(grid->GetCellValue(0, 1) == "Mary Seacole");
    CHECK_THAT(text("summary/showing"),
               Catch::StartsWith("Showing 1 of 3: patients with an urgent flag raised"));
    screenshot("summary-counted");
    tap("summary/unit/open"); // the same patient's escalation
    REQUIRE(grid->GetNumberRows() == 1);
    CHECK(grid->GetCellValue(0, 1) == "Mary Seacole");

    // Her chart, and back: the summary as it was left, still her alone.
    tapGrid(0, 1);
    REQUIRE(find("chart/grid")->IsShownOnScreen());
    CHECK_THAT(text("chart/title"), Catch::Contains("Mary Seacole"));
    CHECK(text("chart/back") == "Back to summary");
    tap("chart/back");
    REQUIRE(grid->IsShownOnScreen());
    REQUIRE(grid->GetNumberRows() == 1);
    CHECK(grid->GetCellValue(0, 1) == "Mary Seacole");

    tap("summary/unit/patients"); // everyone again
    CHECK(grid->GetNumberRows() == 3);
    CHECK_THAT(text("summary/showing"), Catch::StartsWith("Showing all 3 patients"));
}
