#include "store/staff.h"

#include "store/audit.h"
#include "store/sql_time.h"

namespace vigil::store {

std::string_view roleCode(Role r) {
    return codeOf(roles(), r);
}

namespace {
StaffMember staffFrom(Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(),
            fromCode(roles(), q.getColumn(2).getString()).value_or(Role::Nurse),
            q.getColumn(3).getInt() != 0};
}
constexpr const char* kStaffColumns =
    "SELECT id, name, role, EXISTS (SELECT 1 FROM staff_pins p WHERE p.staff_id = staff.id) "
    "FROM staff ";
} // namespace

StaffId insertStaff(Database& db, const std::string& name, Role role, TimePoint now) {
    auto qHandle =
        db.prepared("INSERT INTO staff (name, role, created_at) VALUES (?, ?, ?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, name);
    q.bind(2, std::string(roleCode(role)));
    q.bind(3, formatUtc(now));
    auto id = insertedId(q);
    appendAudit(db, "staff", id);
    return id;
}

std::vector<StaffMember> listStaff(Database& db) {
    std::vector<StaffMember> out;
    auto qHandle = db.prepared(std::string(kStaffColumns) + "ORDER BY name, id");
    Statement& q = *qHandle;
    while (q.executeStep())
        out.push_back(staffFrom(q));
    return out;
}

std::optional<StaffMember> findStaff(Database& db, StaffId id) {
    auto qHandle = db.prepared(std::string(kStaffColumns) + "WHERE id = ?");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return std::nullopt;
    return staffFrom(q);
}

void insertPin(Database& db, StaffId staff, const std::string& hash, TimePoint at, StaffId by) {
    auto qHandle = db.prepared("INSERT INTO staff_pins (staff_id, pin_hash, set_at, set_by) VALUES "
                               "(?, ?, ?, ?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(staff));
    q.bind(2, hash);
    q.bind(3, formatUtc(at));
    q.bind(4, static_cast<int64_t>(by));
    appendAudit(db, "staff_pins", insertedId(q));
}

std::optional<std::string> currentPinHash(Database& db, StaffId staff) {
    auto qHandle =
        db.prepared("SELECT pin_hash FROM staff_pins WHERE staff_id = ? ORDER BY id DESC LIMIT 1");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(staff));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void insertSignIn(Database& db, StaffId staff, TimePoint at, SignInAttempt::Outcome outcome) {
    auto qHandle =
        db.prepared("INSERT INTO sign_ins (staff_id, at, outcome) VALUES (?, ?, ?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(staff));
    q.bind(2, formatUtc(at));
    q.bind(3, std::string(codeOf(signInOutcomes(), outcome)));
    appendAudit(db, "sign_ins", insertedId(q));
}

std::vector<SignInAttempt> recentSignIns(Database& db, StaffId staff, TimePoint since) {
    std::vector<SignInAttempt> out;
    auto qHandle =
        db.prepared("SELECT at, outcome FROM sign_ins WHERE staff_id = ? AND at >= ? ORDER BY id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(staff));
    q.bind(2, formatUtc(since));
    while (q.executeStep())
        out.push_back(
            {readTime(q.getColumn(0)), fromCode(signInOutcomes(), q.getColumn(1).getString())
                                           .value_or(SignInAttempt::Outcome::WrongPin)});
    return out;
}

void insertRuleChoice(Database& db, const RuleChoice& c) {
    auto qHandle = db.prepared("INSERT INTO rule_choices (path, rule_set, sha256, chosen_at, "
                               "chosen_by) VALUES (?, ?, ?, ?, ?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, c.path);
    q.bind(2, c.ruleSet);
    q.bind(3, c.sha256);
    q.bind(4, formatUtc(c.at));
    q.bind(5, static_cast<int64_t>(c.by));
    appendAudit(db, "rule_choices", insertedId(q));
}

std::optional<RuleChoice> currentRuleChoice(Database& db) {
    auto qHandle = db.prepared("SELECT path, rule_set, sha256, chosen_at, chosen_by FROM "
                               "rule_choices ORDER BY id DESC LIMIT 1");
    Statement& q = *qHandle;
    if (!q.executeStep()) return std::nullopt;
    return RuleChoice{q.getColumn(0).getString(), q.getColumn(1).getString(),
                      q.getColumn(2).getString(), readTime(q.getColumn(3)),
                      q.getColumn(4).getInt64()};
}

} // namespace vigil::store
