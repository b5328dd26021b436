// Issue 6 in real windows: the first admin, the PIN keypad, lockout, idle lock with the half-typed
// round kept for its author only, and what each role is shown and allowed.
#include "gui_driver.h"

#include "store/rounds.h"
#include "support/rounds.h"

#include <SQLiteCpp/Database.h>
#include <wx/tglbtn.h>

using namespace vigil;
using namespace std::chrono;
using vigil::test::GuiDriver;

namespace {
struct FirstStart : GuiDriver {
    FirstStart() : GuiDriver("", Start::FirstStart) {}
};
struct AtSignIn : GuiDriver {
    AtSignIn() : GuiDriver("", Start::SignInScreen) {}
};
} // namespace

TEST_CASE_METHOD(FirstStart, "the first start asks for the first admin and signs them in",
                 "[ui][staff]") {
    REQUIRE(find("firstadmin/name")->IsShownOnScreen());
    // The button is as wide as its bold words (it once read "eate admin and sign").
    auto* create = find<wxButton>("firstadmin/save");
    CHECK(create->GetSize().x >= create->GetTextExtent(create->GetLabel()).x);
    screenshot("first-admin");
    type("firstadmin/name", "Admin Mensah");
    type("firstadmin/pin", "9753");
    type("firstadmin/repeat", "9754");
    tap("firstadmin/save");
    CHECK_THAT(text("firstadmin/message"), Catch::Contains("The two PINs differ"));
    CHECK(m_ward.needsFirstAdmin());

    find<wxTextCtrl>("firstadmin/repeat")->Clear();
    type("firstadmin/repeat", "9753");
    tap("firstadmin/save");
    CHECK_FALSE(m_ward.needsFirstAdmin());
    CHECK(m_frame->session().role == Role::Admin);
    CHECK_THAT(text("session/who"), Catch::Contains("Admin Mensah") && Catch::Contains("Admin"));
    CHECK(find("session/staff")->IsShownOnScreen());
}

TEST_CASE_METHOD(AtSignIn, "a wrong PIN says how many tries are left, five lock the account",
                 "[ui][staff][lockout]") {
    screenshot("sign-in");
    signIn(m_staff, "1111");
    CHECK(m_frame->session().staff == 0);
    CHECK_THAT(text("signin/message"), Catch::Contains("Wrong PIN. 4 more tries"));
    CHECK(text("signin/pin") == "\u2014"); // the PIN typed is cleared, and was never shown
    for (int i = 0; i < 4; ++i)
        signIn(m_staff, "1111");
    CHECK_THAT(text("signin/message"), Catch::Contains("Locked for 5 minutes"));
    screenshot("sign-in-locked");
    signIn(m_staff, kNursePin);
    CHECK(m_frame->session().staff == 0);
    CHECK_THAT(text("signin/message"), Catch::Contains("Locked after 5 wrong PINs"));

    // Another nurse is not held up, and the locked one gets in once five minutes have passed.
    signIn(m_charge, kChargePin);
    CHECK(m_frame->session().staff == m_charge);
    tap("session/lock");
    m_clock.advance(minutes(5));
    signIn(m_staff, kNursePin);
    CHECK(m_frame->session().staff == m_staff);
    CHECK(find("admit")->IsShownOnScreen());
}

TEST_CASE_METHOD(AtSignIn, "idle lock keeps a half-typed round for its author and nobody else",
                 "[ui][staff][idle]") {
    signIn(m_staff, kNursePin);
    admit("6", "Florence Nightingale");
    tap("round/6");
    tap("field/rr");
    keys("14");
    tap("poss/2");

    // A tap within the idle time keeps the session open.
    m_clock.advance(seconds(90));
    tap("field/spo2");
    m_clock.advance(seconds(90));
    m_frame->checkIdle();
    REQUIRE(m_frame->session().staff == m_staff);

    m_clock.advance(minutes(2));
    m_frame->checkIdle();
    CHECK(m_frame->session().staff == 0);
    REQUIRE(find("signin/names")->IsShownOnScreen());
    CHECK_THAT(text("signin/reason"), Catch::Contains("Locked after 2 min without use"));
    screenshot("idle-locked");

    // The charge nurse sees an empty form for the same patient.
    signIn(m_charge, kChargePin);
    INFO(text("signin/message"));
    REQUIRE(m_frame->session().staff == m_charge);
    tap("round/6");
    CHECK_THAT(text("field/rr"), Catch::Contains("\u2014"));
    CHECK_FALSE(find<wxToggleButton>("poss/2")->GetValue());
    tap("session/lock");

    // The nurse comes back to the round as they left it; nothing was saved meanwhile.
    signIn(m_staff, kNursePin);
    REQUIRE(find("field/rr")->IsShownOnScreen());
    CHECK_THAT(text("field/rr"), Catch::Contains("14"));
    CHECK(find<wxToggleButton>("poss/2")->GetValue());
    CHECK_THAT(text("round/banner"), Catch::Contains("as you left it"));
    CHECK(rounds() == 0);
    auto outcomes = m_db.sqlite()
                        .execAndGet("SELECT group_concat(outcome, ',') FROM (SELECT outcome FROM "
                                    "sign_ins ORDER BY id)")
                        .getString();
    CHECK(outcomes == "signed_in,idle_locked,signed_in,signed_out,signed_in");
}

TEST_CASE_METHOD(AtSignIn, "only an admin gets the staff screen, a nurse added there can sign in",
                 "[ui][staff][roles]") {
    signIn(m_staff, kNursePin);
    CHECK_FALSE(find("session/staff")->IsShown());
    tap("session/lock");

    signIn(m_admin, kAdminPin);
    tap("session/staff");
    REQUIRE(find("staff/name")->IsShownOnScreen());
    type("staff/name", "Nurse Lindgren");
    tap("staff/role/0");
    type("staff/pin", "86420");
    tap("staff/add");
    CHECK_THAT(text("staff/add-message"), Catch::Contains("Added Nurse Lindgren (Nurse)"));
    CHECK_THAT(text("staff/list"), Catch::Contains("Nurse Lindgren \u00b7 Nurse"));
    type("staff/rules-path", "/no/such/rules.toml");
    tap("staff/rules-use");
    CHECK_THAT(text("staff/rules-message"), Catch::Contains("Rule file refused"));
    screenshot("staff-page");
    tap("session/lock");

    StaffId lindgren = 0;
    for (auto& s : m_ward.staff())
        if (s.name == "Nurse Lindgren") lindgren = s.id;
    REQUIRE(lindgren);
    signIn(lindgren, "86420");
    CHECK(m_frame->session().staff == lindgren);
}

TEST_CASE_METHOD(GuiDriver,
                 "a nurse is shown no resolve or decline, and the ward refuses her anyway",
                 "[ui][staff][roles]") {
    auto stay = admit("4", "Cicely Saunders");
    auto r = test::normalRound(stay);
    r.poss = Poss::FrequentlyDrowsy;
    auto out = m_ward.recordRound(r, {}, m_staff);
    REQUIRE(out.escalationsOpened.size() == 1);
    m_frame->showEscalation(out.escalationsOpened[0]);
    test::settle();
    // Issue 14: no buttons that would refuse her after she typed a reason.
    CHECK_FALSE(find("escalation/resolve")->IsShownOnScreen());
    CHECK_FALSE(find("escalation/decline")->IsShownOnScreen());
    CHECK_FALSE(find("escalation/reason")->IsShownOnScreen());
    // The rule is the ward's, not the screen's.
    EscalationStep resolve;
    resolve.kind = StepKind::Resolve;
    resolve.reason = "POSS 2 on review";
    resolve.by = m_staff;
    CHECK_THROWS_WITH(m_ward.escalationStep(out.escalationsOpened[0], resolve),
                      Catch::Contains("Nurse Okafor (nurse) may not resolve or decline"));
    CHECK(m_ward.escalation(out.escalationsOpened[0])->open());
}
