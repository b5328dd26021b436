#pragma once
// Named commands (Aegisub's src/command): a button, a shortcut and a test all run the same thing
// by name. Free of wx: a command only talks to the ward and to the screens.
#include "core/staff.h"
#include "core/stay.h"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace vigil::ward {
class Ward;
}

namespace vigil::ui {

// What the window can show; MainFrame implements it.
class Screens {
public:
    virtual ~Screens() = default;
    virtual void showBoard() = 0;
    virtual void showAdmit() = 0;
    virtual void showRound(StayId stay) = 0;
    virtual void showChart(StayId stay) = 0;
    virtual void showEscalation(std::int64_t escalation) = 0;
    virtual void refresh() = 0; // the board, after something changed
    virtual void showError(const std::string& message) = 0;
    virtual void lock() = 0;      // back to sign-in; a half-typed round is kept for its author
    virtual void showStaff() = 0; // the admin's staff and rule set screen
    virtual void showSummary() = 0;
    virtual void showHandoffNote(StayId stay) = 0;
};

// Who is signed in on this tablet. MainFrame owns it; every page reads it through its Context.
struct Session {
    StaffId staff = 0; // 0: nobody; the ward refuses every write
    std::string name;
    Role role = Role::Nurse;
};

struct Context {
    Screens& screens;
    ward::Ward& ward;
    const Session& session;
    StaffId staff() const { return session.staff; }
    std::optional<StayId> stay;             // the patient the command is about, where it needs one
    std::optional<std::int64_t> escalation; // the flag's escalation, for acknowledge and escalate
};

struct Command {
    std::string_view name;  // "round/record"
    std::string_view label; // what a button says
    std::function<void(Context&)> run;
};

std::span<const Command> commands();
// Runs a command by name; an unknown name is a programming error and throws.
void runCommand(std::string_view name, Context& context);

} // namespace vigil::ui
