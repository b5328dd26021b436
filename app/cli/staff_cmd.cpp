#include "cli/staff_cmd.h"

#include "store/database.h"
#include "ward/ward.h"

#include <fmt/ostream.h>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace vigil::cli {

namespace {
// One PIN: asked without echo on a terminal, read as a line from a pipe.
std::string readPin(std::istream& in, std::ostream& err, const std::string& prompt) {
    bool terminal = &in == &std::cin && isatty(STDIN_FILENO);
    termios old{};
    if (terminal) {
        fmt::print(err, "{}: ", prompt);
        err.flush();
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string pin;
    std::getline(in, pin);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        fmt::print(err, "\n");
    }
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    return pin;
}
} // namespace

int staffAdd(const StaffAdd& args, std::istream& in, std::ostream& out, std::ostream& err) {
    auto role = fromCode(roles(), args.role);
    if (!role) {
        fmt::print(err,
                   "vigil staff add: --role \"{}\" is not a role: nurse, charge_nurse or admin\n",
                   args.role);
        return 2;
    }
    store::Database db(args.db);
    SystemClock clock;
    ward::Ward ward(db, clock);
    ward::StaffOutcome outcome;
    if (ward.needsFirstAdmin()) {
        if (*role != Role::Admin || !args.by.empty()) {
            fmt::print(err,
                       "vigil staff add: {} has no admin yet; the first person added must be "
                       "an admin, with no --by\n",
                       args.db);
            return 2;
        }
        std::string pin = readPin(in, err, "PIN for " + args.name);
        if (isatty(STDIN_FILENO) && &in == &std::cin) {
            std::string again = readPin(in, err, "The same PIN again");
            bool same = again == pin;
            wipePin(again);
            if (!same) {
                wipePin(pin);
                fmt::print(err, "vigil staff add: the two PINs differ; nothing was added\n");
                return 1;
            }
        }
        outcome = ward.addFirstAdmin(args.name, pin);
        wipePin(pin);
    } else {
        if (args.by.empty()) {
            fmt::print(err,
                       "vigil staff add: {} has an admin: say who is adding (--by \"ADMIN "
                       "NAME\"); their PIN is read first\n",
                       args.db);
            return 2;
        }
        std::optional<store::StaffMember> admin;
        for (auto& s : ward.staff())
            if (s.name == args.by) admin = s;
        if (!admin) {
            fmt::print(err, "vigil staff add: --by \"{}\" is not on the staff list\n", args.by);
            return 2;
        }
        std::string adminPin = readPin(in, err, "PIN for " + args.by);
        auto signedIn = ward.signIn(admin->id, adminPin);
        wipePin(adminPin);
        if (!signedIn.signedIn) {
            fmt::print(err, "vigil staff add: {}\n", signedIn.message);
            return 1;
        }
        std::string pin = readPin(in, err, "PIN for " + args.name);
        try {
            outcome = ward.addStaff(args.name, *role, pin, admin->id);
            wipePin(pin);
        } catch (const ward::NotAllowed& e) {
            wipePin(pin);
            fmt::print(err, "vigil staff add: {}\n", e.what());
            return 1;
        }
        ward.signOut(admin->id, false);
    }
    if (outcome.problem) {
        fmt::print(err, "vigil staff add: {}; nothing was added\n", *outcome.problem);
        return 1;
    }
    fmt::print(out, "{}: added {} ({}), staff number {}\n", args.db, args.name, args.role,
               *outcome.added);
    return 0;
}

int staffList(const std::string& path, std::ostream& out) {
    store::Database db(path, store::Durability::Full, store::Access::ReadOnly);
    SystemClock clock;
    ward::Ward ward(db, clock);
    for (auto& s : ward.staff())
        fmt::print(out, "{}\t{}\t{}\t{}\n", s.id, s.name, codeOf(roles(), s.role),
                   s.hasPin ? "can sign in" : "no PIN");
    return 0;
}

} // namespace vigil::cli
