#include "core/staff.h"

#include <array>
#include <fmt/format.h>
#include <sodium.h>
#include <stdexcept>

namespace vigil {

namespace {
constexpr std::array<Named<Role>, 3> kRoles{{
    {Role::Nurse, "nurse", "Nurse"},
    {Role::ChargeNurse, "charge_nurse", "Charge nurse"},
    {Role::Admin, "admin", "Admin"},
}};
using O = SignInAttempt::Outcome;
constexpr std::array<Named<O>, 5> kOutcomes{{
    {O::SignedIn, "signed_in", "signed in"},
    {O::WrongPin, "wrong_pin", "wrong PIN"},
    {O::RefusedLocked, "refused_locked", "refused: locked"},
    {O::SignedOut, "signed_out", "signed out"},
    {O::IdleLocked, "idle_locked", "locked after idle time"},
}};

void needSodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}
} // namespace

std::span<const Named<Role>> roles() {
    return kRoles;
}
std::span<const Named<SignInAttempt::Outcome>> signInOutcomes() {
    return kOutcomes;
}

std::string_view describe(Permission p) {
    switch (p) {
    case Permission::CareForPatients: return "record patient care";
    case Permission::ResolveEscalations: return "resolve or decline an escalation";
    case Permission::SetPatientLimits: return "set a patient-specific limit";
    case Permission::RunShift: return "run the shift (summary, shift details, handoff)";
    case Permission::ManageStaff: return "manage staff";
    case Permission::ChooseRules: return "choose the rule set";
    }
    return "?";
}

Role lowestRoleFor(Permission p) {
    switch (p) {
    case Permission::CareForPatients: return Role::Nurse;
    case Permission::ResolveEscalations:
    case Permission::SetPatientLimits:
    case Permission::RunShift: return Role::ChargeNurse;
    case Permission::ManageStaff:
    case Permission::ChooseRules: return Role::Admin;
    }
    return Role::Admin;
}

bool allowed(Role role, Permission p) {
    return static_cast<int>(role) >= static_cast<int>(lowestRoleFor(p));
}

std::optional<std::string> checkPin(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 8)
        return fmt::format("PIN has {} digits: it needs 4 to 8 digits", pin.size());
    for (char c : pin)
        if (c < '0' || c > '9') return std::string("PIN: digits 0-9 only");
    return std::nullopt;
}

std::string hashPin(std::string_view pin, PinCost cost) {
    needSodium();
    char out[crypto_pwhash_STRBYTES];
    auto ops = cost == PinCost::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                            : crypto_pwhash_OPSLIMIT_MIN;
    auto mem = cost == PinCost::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                            : crypto_pwhash_MEMLIMIT_MIN;
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("not enough memory to hash the PIN");
    return out;
}

void wipePin(std::string& pin) {
    // The whole buffer, not just size(): an edited PIN may have left digits past the end.
    pin.resize(pin.capacity()); // within the capacity: no reallocation, no copy left behind
    sodium_memzero(pin.data(), pin.size());
    pin.clear();
}

bool pinMatches(const std::string& hash, std::string_view pin) {
    needSodium();
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

LockState lockState(std::span<const SignInAttempt> attempts, TimePoint now) {
    LockState s;
    int wrong = 0;
    std::optional<TimePoint> until;
    for (auto& a : attempts) {
        if (until && a.at >= *until) until.reset();
        switch (a.outcome) {
        case O::SignedIn: wrong = 0; break;
        case O::WrongPin:
            if (until) break; // cannot happen through the ward; ignored if it does
            if (++wrong >= kWrongPinsBeforeLock) {
                until = a.at + kLockFor;
                wrong = 0;
            }
            break;
        default: break;
        }
    }
    if (until && now < *until) s.lockedUntil = until;
    s.triesLeft = kWrongPinsBeforeLock - wrong;
    return s;
}

} // namespace vigil
