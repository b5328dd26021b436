// Nothing hidden, nothing moving (issue 14): at 1280x800 every control of the round form, admit
// form, sign-in and escalation page lies inside the window and is at least 48 DIP each way, and
// no control moves when a message appears or clears.
#include "gui_driver.h"

#include "support/rounds.h"
#include "ui/theme.h"

#include <map>
#include <wx/anybutton.h>
#include <wx/scrolwin.h>
#include <wx/textctrl.h>

using namespace vigil;
using vigil::test::GuiDriver;
using vigil::test::settle;

namespace {
// What a finger acts on: buttons (toggles too) and text fields, as shown now.
void collect(wxWindow* w, std::vector<wxWindow*>& out) {
    for (wxWindow* c : w->GetChildren()) {
        if (!c->IsShownOnScreen()) continue;
        if (dynamic_cast<wxAnyButton*>(c) || dynamic_cast<wxTextCtrl*>(c))
            out.push_back(c);
        else
            collect(c, out);
    }
}

wxScrolledWindow* scrolledAncestor(wxWindow* w) {
    for (wxWindow* p = w->GetParent(); p && !p->IsTopLevel(); p = p->GetParent())
        if (auto* s = dynamic_cast<wxScrolledWindow*>(p)) return s;
    return nullptr;
}

using Places = std::map<wxWindow*, wxRect>;

struct Layout : GuiDriver {
    explicit Layout(Start start = Start::NurseSignedIn) : GuiDriver("", start) {}

    // Every control of the page shown now: inside the window and at least 48 DIP. In a scrolled
    // list, a control is wholly shown or wholly scrolled away, never cut at the list's edge (the
    // round form's Bromage row was, at 1280x800); with `scrolling` false, every one is shown
    // without scrolling. A list never scrolls sideways. Returns where each one is.
    Places checkPage(const char* page, bool scrolling = true) {
        settle();
        auto* root = find(page);
        REQUIRE(root->IsShownOnScreen());
        std::vector<wxWindow*> all;
        collect(root, all);
        REQUIRE(all.size() > 3);
        wxRect window(m_frame->ClientToScreen(wxPoint(0, 0)), m_frame->GetClientSize());
        REQUIRE(window.GetSize() == m_frame->FromDIP(wxSize(1280, 800)));
        const int minimum = m_frame->FromDIP(48);
        Places places;
        for (auto* c : all) {
            wxRect r = c->GetScreenRect();
            INFO(page << ": " << c->GetName().utf8_string() << " \"" << c->GetLabel().utf8_string()
                      << "\" at " << r.x << "," << r.y << " " << r.width << "x" << r.height);
            CHECK(r.width >= minimum);
            CHECK(r.height >= minimum);
            if (auto* list = scrolledAncestor(c)) {
                wxRect box = list->GetScreenRect();
                CHECK(window.Contains(box));
                CHECK(r.GetLeft() >= box.GetLeft());
                CHECK(r.GetRight() <= box.GetRight());
                if (scrolling)
                    CHECK((box.Contains(r) || !box.Intersects(r)));
                else
                    CHECK(box.Contains(r));
            } else {
                CHECK(window.Contains(r));
            }
            places[c] = r;
        }
        return places;
    }

    void unmoved(const Places& before, const char* when) {
        settle();
        for (auto& [c, r] : before) {
            INFO(when << ": " << c->GetName().utf8_string() << " \"" << c->GetLabel().utf8_string()
                      << "\"");
            CHECK(c->GetScreenRect() == r);
        }
    }
};

struct AtSignIn : Layout {
    AtSignIn() : Layout(Start::SignInScreen) {}
};
struct FirstStart : Layout {
    FirstStart() : Layout(Start::FirstStart) {}
};
} // namespace

TEST_CASE_METHOD(Layout, "round form: every control reachable, 48 DIP, and still under messages",
                 "[ui][layout]") {
    admit("3", "Grace Hopper");
    tap("round/3");
    // Everything at once, the checklist's last row and question included: nothing to scroll to.
    auto places = checkPage("round-form", false);
    CHECK(places.count(find("bromage/3")));
    CHECK(places.count(find("bowels_opened/1")));
    // Refused, to confirm, and a line not about one field: together more than the banner holds.
    keys("95"); // RR impossible
    tap("field/sbp");
    keys("118");
    keys("110"); // a pulse pressure of 8
    tap("field/hr");
    keys("190"); // to confirm
    tap("round/save");
    REQUIRE_THAT(text("round/banner"), Catch::Contains("not possible"));
    CHECK_THAT(text("field/rr"), Catch::Contains("\u2716")); // marked where it was typed
    CHECK_THAT(text("field/hr"), Catch::Contains("\u26a0"));
    CHECK_THAT(text("field/dbp"), Catch::Contains("\u26a0")); // the pulse pressure
    screenshot("layout-round-messages");
    unmoved(places, "messages shown");
    tap("field/rr");
    keys("14"); // the refused value replaced: its message goes, nothing moves
    CHECK_THAT(text("round/banner"), !Catch::Contains("Respiration rate 95"));
    CHECK_THAT(text("field/rr"), !Catch::Contains("\u2716"));
    unmoved(places, "one message cleared");
    tap("round/missed"); // no reason chosen
    CHECK_THAT(text("round/banner"), Catch::Contains("Choose why"));
    unmoved(places, "a line not about one field");
    tap("round/cancel");
    tap("round/3"); // the same patient: the draft stays, the banner is empty again
    unmoved(places, "form opened again");
}

TEST_CASE_METHOD(Layout, "admit form: every control reachable, 48 DIP, and still under messages",
                 "[ui][layout]") {
    tap("admit");
    auto places = checkPage("admit-form");
    find<wxTextCtrl>("admit/since")->SetValue("25:99");
    tap("admit/save"); // a bad time first
    CHECK_THAT(text("admit-message/since"), Catch::Contains("not a time"));
    unmoved(places, "time refused");
    find<wxTextCtrl>("admit/since")->SetValue("");
    type("admit/since", "00:01");
    type("admit/date_of_birth", "tomorrow, probably");
    tap("admit/save"); // every identity field refused at once
    CHECK_THAT(text("admit-message/name"), Catch::Contains("Name is empty"));
    CHECK_THAT(text("admit-message/date_of_birth"), Catch::Contains("not a past date"));
    screenshot("layout-admit-messages");
    unmoved(places, "messages shown");
    type("admit/bed", "2");
    type("admit/name", "Ada Lovelace");
    type("admit/mrn", "D1");
    find<wxTextCtrl>("admit/date_of_birth")->SetValue("1950-01-01");
    tap("admit/save");
    CHECK(m_ward.board().size() == 1);
}

TEST_CASE_METHOD(AtSignIn, "sign-in: every control reachable, 48 DIP, and still under messages",
                 "[ui][layout]") {
    auto places = checkPage("sign-in");
    tap("signin/go"); // no name chosen
    tap(wxString::Format("signin/name/%lld", static_cast<long long>(m_charge)));
    CHECK_THAT(text("signin/who"), Catch::Contains("Adeyemi")); // a long name, wrapped
    unmoved(places, "a long name chosen");
    tap("pin-key/1");
    tap("pin-key/1");
    tap("pin-key/1");
    tap("pin-key/1");
    tap("signin/go");
    CHECK_THAT(text("signin/message"), Catch::Contains("Wrong PIN"));
    screenshot("layout-sign-in-message");
    unmoved(places, "wrong PIN");
    tap(wxString::Format("signin/name/%lld", static_cast<long long>(m_staff)));
    CHECK(text("signin/message").empty());
    unmoved(places, "message cleared");
}

TEST_CASE_METHOD(FirstStart,
                 "first admin: every control reachable, 48 DIP, and still under "
                 "messages",
                 "[ui][layout]") {
    auto places = checkPage("sign-in");
    type("firstadmin/name", "Admin Mensah");
    type("firstadmin/pin", "9753");
    type("firstadmin/repeat", "9754");
    tap("firstadmin/save");
    CHECK_THAT(text("firstadmin/message"), Catch::Contains("The two PINs differ"));
    unmoved(places, "PINs differ");
}

TEST_CASE_METHOD(Layout,
                 "escalation page: every control reachable, 48 DIP, and still under "
                 "messages",
                 "[ui][layout]") {
    auto stay = admit("9", "Virginia Apgar");
    auto r = test::normalRound(stay);
    r.rr = 8; // emergency: an escalation is raised
    r.poss = Poss::FrequentlyDrowsy;
    REQUIRE(m_ward.recordRound(r, {"rr"}, m_staff).saved);
    auto beds = m_ward.board();
    REQUIRE_FALSE(beds[0].openEscalations.empty());
    m_frame->showEscalation(beds[0].openEscalations[0].id);
    auto places = checkPage("escalation-page");
    tap("escalation/inform"); // no clinician named
    CHECK_FALSE(text("escalation/message").empty());
    screenshot("layout-escalation-message");
    unmoved(places, "refusal shown");
    tap("escalation/set-frequency"); // nothing chosen
    CHECK_THAT(text("escalation/frequency"), Catch::Contains("Choose how often"));
    unmoved(places, "frequency refused");
}

TEST_CASE_METHOD(Layout,
                 "a nurse sees no close buttons, a closed escalation is read only, the "
                 "words read at arm's length",
                 "[ui][layout][escalation]") {
    auto stay = admit("9", "Virginia Apgar");
    auto r = test::normalRound(stay);
    r.rr = 8;
    REQUIRE(m_ward.recordRound(r, {"rr"}, m_staff).saved);
    auto id = m_ward.board()[0].openEscalations.at(0).id;
    m_frame->showEscalation(id);
    settle();
    // A nurse may not resolve or decline (the ward would refuse her): no buttons to try.
    CHECK(find("escalation/inform")->IsShownOnScreen());
    CHECK_FALSE(find("escalation/resolve")->IsShownOnScreen());
    CHECK_FALSE(find("escalation/decline")->IsShownOnScreen());
    CHECK_FALSE(find("escalation/reason")->IsShownOnScreen());
    for (const char* text : {"escalation/sbar", "escalation/history"}) {
        INFO(text);
        CHECK(ui::fontPixels(find(text)) >= m_frame->FromDIP(ui::kReadablePx) - 0.01);
    }

    m_frame->lock();
    signIn(m_charge, kChargePin);
    m_frame->showEscalation(id);
    settle();
    // Not yet acknowledged: nothing can close it, so nothing offers to.
    CHECK_FALSE(find("escalation/resolve")->IsShownOnScreen());
    CHECK_FALSE(find("escalation/decline")->IsShownOnScreen());
    EscalationStep ack;
    ack.kind = StepKind::Acknowledge;
    ack.by = m_charge;
    REQUIRE_FALSE(m_ward.escalationStep(id, ack));
    m_frame->showEscalation(id);
    settle();
    CHECK(find("escalation/decline")->IsShownOnScreen());       // acknowledged, not escalated
    CHECK_FALSE(find("escalation/resolve")->IsShownOnScreen()); // an emergency: inform first
    type("escalation/clinician", "Dr Mensah");
    tap("escalation/role/1");
    tap("escalation/method/1");
    tap("escalation/inform");
    REQUIRE(find("escalation/resolve")->IsShownOnScreen());
    CHECK_FALSE(find("escalation/decline")->IsShownOnScreen());
    type("escalation/reason", "reviewed, RR 14 now");
    tap("escalation/resolve");
    REQUIRE_FALSE(m_ward.escalation(id)->open());
    // Closed: nothing left to press but the way back; it says so.
    for (const char* c : {"escalation/inform", "escalation/respond", "escalation/resolve",
                          "escalation/set-frequency", "escalation/clinician"}) {
        INFO(c);
        CHECK_FALSE(find(c)->IsShownOnScreen());
    }
    CHECK(find("escalation/read-only")->IsShownOnScreen());
    CHECK_THAT(text("escalation/read-only"), Catch::Contains("read only"));
    screenshot("escalation-resolved");
}

TEST_CASE_METHOD(Layout, "the outcome's Because lines read at arm's length", "[ui][layout]") {
    admit("3", "Grace Hopper");
    tap("round/3");
    keys("8");
    tap("partial/0");
    tap("round/save");
    REQUIRE(rounds() == 1);
    auto* card = find("flag/rr-8-or-below");
    auto* because = wxWindow::FindWindowByName("flag/because", card);
    REQUIRE(because);
    CHECK(ui::fontPixels(because) >= m_frame->FromDIP(ui::kReadablePx) - 0.01);
}

TEST_CASE_METHOD(Layout, "the idle lock counts down its last 20 seconds, a tap stops it",
                 "[ui][layout][lock]") {
    using namespace std::chrono;
    admit("3", "Grace Hopper");
    tap("round/3");
    auto places = checkPage("round-form");
    m_clock.advance(seconds(90)); // two minutes idle locks: 30 s left, no countdown yet
    m_frame->checkIdle();
    CHECK(text("session/countdown").empty());
    m_clock.advance(seconds(15));
    m_frame->checkIdle();
    CHECK_THAT(text("session/countdown"), Catch::Contains("Locks in 15 s"));
    unmoved(places, "countdown shown");
    screenshot("idle-countdown");
    m_clock.advance(seconds(14));
    m_frame->checkIdle();
    CHECK_THAT(text("session/countdown"), Catch::Contains("Locks in 1 s"));
    tap("field/spo2"); // someone is here
    CHECK(text("session/countdown").empty());
    m_frame->checkIdle();
    CHECK(m_frame->session().staff == m_staff);
    unmoved(places, "countdown cleared");
    m_clock.advance(minutes(2));
    m_frame->checkIdle();
    CHECK(m_frame->session().staff == 0);
}
