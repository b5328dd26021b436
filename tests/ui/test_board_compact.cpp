// Issue 14 on the ward board: twelve beds fit 1280x800 without scrolling, every control at least
// 48 DIP; bed order or urgency order, said in words and kept for the tablet's session; and the
// name alert on the tile and the chart.
#include "gui_driver.h"

#include "cli/demo.h"
#include "support/rounds.h"
#include "ui/theme.h"
#include "ui/ward_board.h"

#include <algorithm>
#include <set>
#include <wx/anybutton.h>
#include <wx/scrolwin.h>

using namespace vigil;
using vigil::test::GuiDriver;
using vigil::test::settle;

namespace {
// The 12-bed demo record, and an emergency on bed 9 (RR 8) raised just now.
struct TwelveBeds : GuiDriver {
    TwelveBeds() {
        cli::DemoOptions demo;
        demo.beds = 12;
        demo.days = 1;
        cli::fillDemo(m_db, demo, m_clock.now());
        for (auto& b : m_ward.board())
            if (b.stay.bed == "9") emergency = b.stay.id;
        REQUIRE(emergency);
        auto r = test::normalRound(emergency);
        r.rr = 8;
        REQUIRE(m_ward.recordRound(r, {"rr"}, m_staff).saved);
        m_frame->showBoard();
        settle();
    }
    // The tiles as the eye reads them: row by row, left to right.
    std::vector<std::string> tilesInReadingOrder() {
        std::vector<std::pair<wxPoint, std::string>> at;
        for (auto* w : find("tiles")->GetChildren())
            if (w->GetName().StartsWith("tile/"))
                at.emplace_back(w->GetScreenPosition(), w->GetName().Mid(5).utf8_string());
        std::ranges::sort(at, [](auto& a, auto& b) {
            return std::pair(a.first.y, a.first.x) < std::pair(b.first.y, b.first.x);
        });
        std::vector<std::string> beds;
        for (auto& [p, bed] : at)
            beds.push_back(bed);
        return beds;
    }
    StayId emergency = 0;
};

void collectActions(wxWindow* w, std::vector<wxWindow*>& out) {
    for (wxWindow* c : w->GetChildren()) {
        if (!c->IsShownOnScreen()) continue;
        if (dynamic_cast<wxAnyButton*>(c))
            out.push_back(c);
        else
            collectActions(c, out);
    }
}
} // namespace

TEST_CASE_METHOD(TwelveBeds, "twelve beds fit the board at 1280x800, every control 48 DIP",
                 "[ui][board][layout]") {
    REQUIRE(m_frame->GetClientSize() == m_frame->FromDIP(wxSize(1280, 800)));
    REQUIRE(m_ward.board().size() == 12);
    auto* tiles = find<wxScrolledWindow>("tiles");
    wxRect visible = tiles->GetScreenRect();
    wxRect window(m_frame->ClientToScreen(wxPoint(0, 0)), m_frame->GetClientSize());
    CHECK(window.Contains(visible));
    // Nothing to scroll: the tiles need no more room than the board shows.
    CHECK(tiles->GetVirtualSize().y <= tiles->GetClientSize().y);
    auto beds = tilesInReadingOrder();
    REQUIRE(beds.size() == 12);
    for (auto& bed : beds) {
        wxRect r = find(wxString::FromUTF8("tile/" + bed))->GetScreenRect();
        INFO("tile " << bed << " at " << r.x << "," << r.y << " " << r.width << "x" << r.height
                     << " in " << visible.x << "," << visible.y << " " << visible.width << "x"
                     << visible.height);
        CHECK(visible.Contains(r));
    }
    std::vector<wxWindow*> actions;
    collectActions(find("ward-board"), actions);
    CHECK(actions.size() >= 12 * 2 + 2); // Round and Chart on each tile, Admit, the order
    const int minimum = m_frame->FromDIP(48);
    for (auto* c : actions) {
        wxRect r = c->GetScreenRect();
        INFO(c->GetName().utf8_string()
             << " \"" << c->GetLabel().utf8_string() << "\" " << r.width << "x" << r.height);
        CHECK(r.width >= minimum);
        CHECK(r.height >= minimum);
        CHECK(window.Contains(r));
    }
    // The emergency in words and a symbol (colour is not the only signal); overdue in words.
    CHECK_THAT(
        text("flag-text/9"),
        Catch::StartsWith((ui::levelSymbol(rules::Level::Emergency) + " EMERGENCY").utf8_string()));
    for (auto& b : m_ward.board())
        if (b.overdueMinutes > 0) {
            INFO("bed " << b.stay.bed);
            CHECK_THAT(text(wxString::FromUTF8("due/" + b.stay.bed)),
                       Catch::StartsWith("\u25f7 ROUND OVERDUE"));
        }
    screenshot("board-twelve-beds");
}

TEST_CASE_METHOD(TwelveBeds,
                 "urgency order puts the emergency first, and bed order is kept for the "
                 "tablet's session",
                 "[ui][board]") {
    // Urgency order when Vigil starts: the emergency on bed 9 is the first tile.
    CHECK(text("board-order") ==
          "Most urgent first: open escalation, then flag, then overdue, then next due");
    auto urgent = tilesInReadingOrder();
    REQUIRE(urgent.size() == 12);
    // The demo may hold an emergency of its own: bed 9 is then among the first, before every
    // bed without one.
    std::set<std::string> emergencies;
    for (auto& b : m_ward.board())
        for (auto& e : b.openEscalations)
            if (e.level() == rules::Level::Emergency) emergencies.insert(b.stay.bed);
    REQUIRE(emergencies.count("9"));
    INFO(emergencies.size() << " beds with an emergency");
    for (std::size_t i = 0; i < emergencies.size(); ++i)
        CHECK(emergencies.count(urgent[i]));
    if (emergencies.size() == 1) CHECK(urgent.front() == "9");
    tap("board/order/1"); // By bed
    CHECK(text("board-order") == "In bed order");
    std::vector<std::string> byBed;
    for (int bed = 1; bed <= 12; ++bed)
        byBed.push_back(std::to_string(bed));
    CHECK(tilesInReadingOrder() == byBed);
    tap("board/order/1"); // tapped again: still by bed, never neither
    CHECK(tilesInReadingOrder() == byBed);
    screenshot("board-bed-order");

    // Another nurse signs in on this tablet: the board keeps the order chosen on it.
    m_frame->lock();
    signIn(m_charge, kChargePin);
    m_frame->showBoard();
    settle();
    CHECK(text("board-order") == "In bed order");
    CHECK(tilesInReadingOrder() == byBed);
    tap("board/order/0");
    CHECK(tilesInReadingOrder() == urgent);
}

TEST_CASE_METHOD(GuiDriver,
                 "two patients with one family name carry a name alert on the tile "
                 "and the chart",
                 "[ui][board][name-alert]") {
    admit("2", "Ada Brennan");
    admit("4", "Tom Okafor");
    auto sean = admit("7", "BRENNAN, Séan");
    CHECK_THAT(text("notes/2"), Catch::StartsWith("\u26a0 NAME ALERT: same name as Bed 7"));
    CHECK_THAT(text("notes/7"), Catch::Contains("NAME ALERT") && Catch::Contains("Bed 2"));
    CHECK_THAT(text("notes/4"), !Catch::Contains("NAME ALERT"));
    screenshot("board-name-alert");
    tap("chart/7");
    CHECK(find("chart/name-alert")->IsShownOnScreen());
    CHECK_THAT(text("chart/name-alert"),
               Catch::Contains("\u26a0 NAME ALERT") && Catch::Contains("Bed 2 (Ada Brennan)"));
    screenshot("chart-name-alert");
    tap("chart/back");
    tap("chart/4");
    CHECK_FALSE(find("chart/name-alert")->IsShownOnScreen());
    m_ward.discharge(sean, m_staff);
    m_frame->showBoard();
    settle();
    CHECK_THAT(text("notes/2"), !Catch::Contains("NAME ALERT"));
}
