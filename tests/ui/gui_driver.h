#pragma once
// Drives the real window the way a finger does: find a control by its name, move there, tap.
#include "store/database.h"
#include "support/pg_server.h"
#include "support/temp_dir.h"
#include "ui/main_frame.h"
#include "ward/rule_source.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fmt/format.h>
#include <functional>
#include <wx/anybutton.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

namespace vigil::test {

inline void settle() {
    for (int i = 0; i < 6; ++i) {
        wxYield();
        wxMilliSleep(15);
    }
}

class GuiDriver {
public:
    enum class Start {
        NurseSignedIn, // the nurse signed in through the real keypad
        SignInScreen,  // admin, charge nurse and nurse on the list; nobody signed in
        FirstStart     // nobody on the staff list at all
    };
    explicit GuiDriver(std::string rulesPath = "", Start start = Start::NurseSignedIn,
                       ui::FrameOptions options = {}, const std::string& record = "")
        : m_db(record.empty() ? recordIn(m_dir) : record), m_ward(m_db, m_clock),
          m_rules(std::move(rulesPath)) {
        m_ward.setPinCost(PinCost::Minimum); // Argon2id still; the cheapest settings, for speed
        if (!record.empty())
            findStaff(); // another device on a record that has its staff already
        else if (start != Start::FirstStart)
            addStaff();
        // Replayed taps come a settle apart, as fast as a double tap: the guard against one is
        // off unless a test turns it on (test_double_tap.cpp).
        options.tapGuard = std::chrono::milliseconds(0);
        m_frame = new ui::MainFrame(m_ward, m_rules, options);
        m_frame->SetPosition(wxPoint(0, 0));
        m_frame->Show();
        m_frame->Raise();
        settle();
        if (start == Start::NurseSignedIn) signIn(m_staff, kNursePin);
    }
    void addStaff() {
        m_admin = *m_ward.addFirstAdmin("Admin Mensah", kAdminPin).added;
        m_staff = *m_ward.addStaff("Nurse Okafor", Role::Nurse, kNursePin, m_admin).added;
        m_charge =
            *m_ward.addStaff("Charge nurse Adeyemi", Role::ChargeNurse, kChargePin, m_admin).added;
    }
    void findStaff() {
        for (auto& m : m_ward.staff()) {
            if (m.name == "Admin Mensah") m_admin = m.id;
            if (m.name == "Nurse Okafor") m_staff = m.id;
            if (m.name == "Charge nurse Adeyemi") m_charge = m.id;
        }
        REQUIRE(m_staff);
    }
    static constexpr const char* kAdminPin = "9753";
    static constexpr const char* kNursePin = "2468";
    static constexpr const char* kChargePin = "1357";

    void signIn(StaffId who, const std::string& pin) {
        // The session bar has just been hidden: let GTK finish moving the page up first.
        settle();
        tap(wxString::Format("signin/name/%lld", static_cast<long long>(who)));
        for (char c : pin)
            tap(wxString("pin-key/") + c);
        tap("signin/go");
    }
    ~GuiDriver() {
        m_frame->Destroy();
        settle();
    }

    template <class W = wxWindow> W* find(const wxString& name) {
        auto* w = wxWindow::FindWindowByName(name, m_frame);
        INFO("window named " << name.utf8_string());
        REQUIRE(w);
        auto* typed = dynamic_cast<W*>(w);
        REQUIRE(typed);
        return typed;
    }
    bool exists(const wxString& name) {
        return wxWindow::FindWindowByName(name, m_frame) != nullptr;
    }

    // Every tap is counted (issue 14 keeps a round's taps in a test), and lands only where a
    // finger could reach: the control's centre must not be scrolled or clipped out of view.
    void tap(const wxString& name) {
        auto* w = find(name);
        INFO("tapping " << name.utf8_string());
        REQUIRE(w->IsShownOnScreen());
        wxRect r = w->GetScreenRect();
        wxPoint centre(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() / 2);
        for (wxWindow* p = w->GetParent(); p; p = p->GetParent()) {
            INFO("inside " << p->GetName().utf8_string());
            REQUIRE(p->GetScreenRect().Contains(centre));
            if (p->IsTopLevel()) break;
        }
        m_sim.MouseMove(centre.x, centre.y);
        settle();
        m_sim.MouseClick();
        settle();
        ++m_taps;
    }
    int taps() const { return m_taps; }
    // A second quick tap where the last one landed, whatever the screen now shows there (issue
    // 14: a double tap must never land on a different action).
    void tapAgain() {
        m_sim.MouseClick();
        settle();
        ++m_taps;
    }
    // The controls a finger could act on at this point of the screen.
    std::vector<wxWindow*> actionsAt(wxPoint p) {
        std::vector<wxWindow*> out;
        std::function<void(wxWindow*)> walk = [&](wxWindow* w) {
            for (wxWindow* c : w->GetChildren()) {
                if (!c->IsShownOnScreen()) continue;
                if ((dynamic_cast<wxAnyButton*>(c) || dynamic_cast<wxTextCtrl*>(c)) &&
                    c->IsEnabled() && c->GetScreenRect().Contains(p))
                    out.push_back(c);
                walk(c);
            }
        };
        walk(m_frame);
        return out;
    }
    wxPoint centreOf(const wxString& name) {
        wxRect r = find(name)->GetScreenRect();
        return {r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() / 2};
    }
    void type(const wxString& name, const char* text) {
        tap(name);
        m_sim.Text(text);
        settle();
    }
    void keys(const std::string& digits) {
        for (char c : digits)
            tap(wxString("key/") + c);
    }
    // What a label says, read as one line: where a reserved label wraps is not what it says.
    std::string text(const wxString& name) {
        wxString t = find(name)->GetLabel();
        t.Replace("\n", " ");
        return t.utf8_string();
    }

    // VIGIL_SCREENSHOTS=dir saves what the screen shows, for the README and for looking at.
    void screenshot(const char* name) {
        if (const char* dir = std::getenv("VIGIL_SCREENSHOTS")) {
            settle();
            [[maybe_unused]] int rc =
                std::system(fmt::format("import -window root '{}/{}.png'", dir, name).c_str());
        }
    }

    StayId admit(const std::string& bed, const std::string& name) {
        Stay s;
        s.bed = bed;
        s.name = name;
        s.mrn = "D" + bed + "00042";
        s.since = m_clock.now() - std::chrono::hours(3);
        s.drugs = {Drug::Morphine, Drug::Bupivacaine};
        auto out = m_ward.admit(s, m_staff);
        REQUIRE(out.admitted);
        m_frame->showBoard();
        settle();
        return *out.admitted;
    }
    int rounds() { return m_db.execAndGet("SELECT count(*) FROM rounds").getInt(); }

    TempDir m_dir;
    store::Database m_db;
    ManualClock m_clock{SystemClock().now()}; // tests move time by hand
    ward::Ward m_ward;
    StaffId m_admin = 0, m_staff = 0, m_charge = 0;
    ward::RuleSource m_rules; // "" : the built-in set
    ui::MainFrame* m_frame;
    wxUIActionSimulator m_sim;
    int m_taps = 0;
};

} // namespace vigil::test
