#pragma once
// Who may do what on the ward (issue 6), staff PINs, and the sign-in lockout. Pure rules: the
// ward layer enforces them, the store keeps the records, the screens only follow.
#include "core/clock.h"
#include "core/stay.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

enum class Role { Nurse, ChargeNurse, Admin };
std::span<const Named<Role>> roles(); // codes "nurse", "charge_nurse", "admin"

// What the ward layer checks before it writes or shows something restricted.
enum class Permission {
    CareForPatients,    // admit, record rounds, acknowledge, inform, record responses, discharge
    ResolveEscalations, // resolve or decline an escalation
    SetPatientLimits,   // a clinician's limit moves alarm thresholds for one patient
    RunShift,           // shift details, the unit summary, the handoff sheet
    ManageStaff,        // add staff, set PINs
    ChooseRules,        // which rule file the ward uses
};
std::string_view describe(Permission p); // "resolve an escalation"

// Roles build on each other: a charge nurse can do all a nurse can, an admin all a charge nurse
// can. A unit manager who looks after staff accounts is usually also a senior nurse; a hospital
// that wants IT-only admins gives them no clinical duties by policy, not by software.
bool allowed(Role role, Permission p);
Role lowestRoleFor(Permission p);

// PINs: 4 to 8 digits. Stored only as an Argon2id hash (libsodium crypto_pwhash_str), never as
// text and never in a log.
std::optional<std::string> checkPin(std::string_view pin); // the reason it is refused
enum class PinCost {
    Interactive, // libsodium's interactive limits (64 MiB, about 0.1 s here): the ward's setting
    Minimum      // for tests and the demo generator only; still Argon2id, still salted
};
std::string hashPin(std::string_view pin, PinCost cost = PinCost::Interactive);
bool pinMatches(const std::string& hash, std::string_view pin);
// Overwrites a PIN in memory (sodium_memzero) once it has been hashed or compared, then empties
// it: a PIN never lingers where a memory dump could find it.
void wipePin(std::string& pin);

// Lockout: five wrong PINs in a row lock the account for five minutes. Attempts refused while
// locked do not extend the lock; a correct PIN resets the count.
struct SignInAttempt {
    TimePoint at;
    enum class Outcome { SignedIn, WrongPin, RefusedLocked, SignedOut, IdleLocked } outcome;
};
std::span<const Named<SignInAttempt::Outcome>> signInOutcomes();
inline constexpr int kWrongPinsBeforeLock = 5;
inline constexpr Minutes kLockFor{5};

struct LockState {
    std::optional<TimePoint> lockedUntil; // set while locked
    int triesLeft = kWrongPinsBeforeLock; // before the next lock
};
// `attempts` oldest first.
LockState lockState(std::span<const SignInAttempt> attempts, TimePoint now);

} // namespace vigil
