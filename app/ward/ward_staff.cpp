// Staff, sign-in and the rule choice: the Ward's use cases for who may do what (issue 6).
#include "core/rules/hidden_text.h"
#include "core/timefmt.h"
#include "ward/rule_source.h"
#include "ward/transaction.h"
#include "ward/ward.h"

#include <algorithm>

namespace vigil::ward {

namespace {
std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// Names compare as a person would read them: case and runs of spaces do not make a new person.
std::string nameKey(const std::string& name) {
    std::string key;
    for (char c : name) {
        if (c == ' ') {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

// A name is shown on screens, in lists and on the printed sheet: no control or bidirectional
// characters that could forge a line or make it read differently.
std::optional<std::string> nameProblem(const std::string& name, const char* whose) {
    if (name.empty()) return fmt::format("Name: type {} full name", whose);
    if (auto hidden = rules::findHiddenCharacter(name))
        return fmt::format("Name: it has {}; type the name as it is written", hidden->describe());
    return std::nullopt;
}

std::string roleWords(Role r) {
    std::string w(labelOf(roles(), r));
    w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    return w;
}
} // namespace

store::StaffMember Ward::require(StaffId by, Permission p) {
    auto who = by ? store::findStaff(m_db, by) : std::nullopt;
    if (!who) throw NotAllowed(fmt::format("Nobody is signed in: sign in to {}", describe(p)));
    if (!allowed(who->role, p)) {
        Role needed = lowestRoleFor(p);
        throw NotAllowed(fmt::format("{} ({}) may not {}: that needs {}{}", who->name,
                                     roleWords(who->role), describe(p), roleWords(needed),
                                     needed == Role::Admin ? "" : " or above"));
    }
    return *who;
}

bool Ward::needsFirstAdmin() {
    auto all = store::listStaff(m_db);
    return std::none_of(all.begin(), all.end(),
                        [](auto& s) { return s.role == Role::Admin && s.hasPin; });
}

std::vector<store::StaffMember> Ward::staff() {
    return store::listStaff(m_db);
}

StaffOutcome Ward::addFirstAdmin(const std::string& name, const std::string& pin) {
    if (!needsFirstAdmin())
        return {std::string("There is already an admin: ask them to add you"), std::nullopt};
    std::string n = trimmed(name);
    if (auto bad = nameProblem(n, "the admin's")) return {bad, std::nullopt};
    if (auto bad = checkPin(pin)) return {bad, std::nullopt};
    auto hash = hashPin(pin, m_pinCost);
    auto now = m_clock.now();
    // Checked again inside the write transaction: of several first admins started together,
    // one is added and the others are told there is one.
    return inTransaction(m_db, "The first admin", 0, now, [&]() -> StaffOutcome {
        if (!needsFirstAdmin())
            return {std::string("There is already an admin: ask them to add you"), std::nullopt};
        if (auto taken = nameTaken(n)) return {taken, std::nullopt};
        // The first admin vouches for themself: their row and their PIN are signed with their id.
        StaffId added = store::insertStaff(m_db, n, Role::Admin, now);
        m_db.setActor(added, now);
        store::insertPin(m_db, added, hash, now, added);
        return {std::nullopt, added};
    });
}

StaffOutcome Ward::addStaff(const std::string& name, Role role, const std::string& pin,
                            StaffId by) {
    require(by, Permission::ManageStaff);
    std::string n = trimmed(name);
    if (auto bad = nameProblem(n, "the person's")) return {bad, std::nullopt};
    if (auto taken = nameTaken(n)) return {taken, std::nullopt};
    if (auto bad = checkPin(pin)) return {bad, std::nullopt};
    auto hash = hashPin(pin, m_pinCost);
    auto now = m_clock.now();
    // The name is checked again inside the write transaction, so two adds of one name started
    // together give one person.
    return inTransaction(m_db, "The staff member", by, now, [&]() -> StaffOutcome {
        if (auto taken = nameTaken(n)) return {taken, std::nullopt};
        StaffId added = store::insertStaff(m_db, n, role, now);
        store::insertPin(m_db, added, hash, now, by);
        return {std::nullopt, added};
    });
}

std::optional<std::string> Ward::nameTaken(const std::string& name) {
    auto all = store::listStaff(m_db);
    auto same = std::find_if(all.begin(), all.end(),
                             [&](auto& s) { return nameKey(s.name) == nameKey(name); });
    if (same == all.end()) return std::nullopt;
    return fmt::format("Name: \"{}\" is already on the staff list{}; names must differ so the "
                       "record says who",
                       name, same->name == name ? "" : fmt::format(" as \"{}\"", same->name));
}

std::optional<std::string> Ward::setPin(StaffId who, const std::string& pin, StaffId by) {
    require(by, Permission::ManageStaff);
    if (!store::findStaff(m_db, who)) return fmt::format("Staff member {} does not exist", who);
    if (auto bad = checkPin(pin)) return bad;
    auto hash = hashPin(pin, m_pinCost);
    inTransaction(m_db, "The new PIN", by, m_clock.now(), [&] {
        store::insertPin(m_db, who, hash, m_clock.now(), by);
        return 0;
    });
    return std::nullopt;
}

SignInResult Ward::signIn(StaffId who, const std::string& pin) {
    using O = SignInAttempt::Outcome;
    auto member = store::findStaff(m_db, who);
    if (!member || !store::currentPinHash(m_db, who))
        return {std::nullopt, "This person cannot sign in: no PIN is set", {}};
    auto now = m_clock.now();
    // The lock check, the comparison and the record of the attempt are one write transaction:
    // attempts are serialised by the database, whatever the number of tablets or processes
    // trying at once, so no more than five wrong PINs are ever compared before the lock.
    return inTransaction(m_db, "The sign-in", who, now, [&]() -> SignInResult {
        // An hour of attempts covers any lock: five wrong PINs plus a five-minute lock.
        auto lock = lockState(store::recentSignIns(m_db, who, now - Hours(1)), now);
        if (lock.lockedUntil) {
            store::insertSignIn(m_db, who, now, O::RefusedLocked);
            return {std::nullopt,
                    fmt::format("Locked after {} wrong PINs until {}. Ask another nurse or the "
                                "charge nurse to help meanwhile.",
                                kWrongPinsBeforeLock, formatLocalTime(*lock.lockedUntil)),
                    lock.lockedUntil};
        }
        auto hash = store::currentPinHash(m_db, who); // the newest, read under the lock
        if (!hash || !pinMatches(*hash, pin)) {
            store::insertSignIn(m_db, who, now, O::WrongPin);
            auto after = lockState(store::recentSignIns(m_db, who, now - Hours(1)), now);
            if (after.lockedUntil)
                return {std::nullopt,
                        fmt::format("Wrong PIN. Locked for {} minutes, until {}.", kLockFor.count(),
                                    formatLocalTime(*after.lockedUntil)),
                        after.lockedUntil};
            return {std::nullopt,
                    fmt::format("Wrong PIN. {} more {} before a {}-minute lock.", after.triesLeft,
                                after.triesLeft == 1 ? "try" : "tries", kLockFor.count()),
                    {}};
        }
        store::insertSignIn(m_db, who, now, O::SignedIn);
        return {member, "", {}};
    });
}

void Ward::signOut(StaffId who, bool idle) {
    using O = SignInAttempt::Outcome;
    inTransaction(m_db, "The sign-out", who, m_clock.now(), [&] {
        store::insertSignIn(m_db, who, m_clock.now(), idle ? O::IdleLocked : O::SignedOut);
        return 0;
    });
}

std::optional<std::string> Ward::chooseRules(const std::string& path, StaffId by) {
    require(by, Permission::ChooseRules);
    auto loaded = rules::loadRuleSetFile(path);
    if (!loaded.ruleSet) return refusal(loaded, *m_rules);
    auto& set = *loaded.ruleSet;
    inTransaction(m_db, "The rule choice", by, m_clock.now(), [&] {
        store::insertRuleChoice(m_db, {path, fmt::format("{} {}", set.name, set.version),
                                       set.sha256, m_clock.now(), by});
        return 0;
    });
    setRules(loaded.ruleSet);
    return std::nullopt;
}

std::optional<store::RuleChoice> Ward::ruleChoice() {
    return store::currentRuleChoice(m_db);
}

} // namespace vigil::ward
