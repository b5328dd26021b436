#include "store/event_rows.h"

#include "store/sql_time.h"

#include <fmt/format.h>
#include <map>

namespace vigil::store {

namespace {
std::map<std::int64_t, std::string> staffNames(Database& db) {
    std::map<std::int64_t, std::string> out;
    auto q = db.prepared("SELECT id, name FROM staff");
    while (q->executeStep())
        out[q->getColumn(0).getInt64()] = q->getColumn(1).getString();
    return out;
}

// Runs `sql` (its first columns: at, ref, stay) and lets `fill` add the rest of each row.
// `from`: only rows at or after it (RFC 3339 UTC text compares in time order).
template <class Fill>
void collect(Database& db, const std::string& sql, const char* timeColumn,
             const std::optional<TimePoint>& from, const char* kind, std::int64_t sub,
             std::vector<EventRow>& out, Fill fill) {
    bool hasWhere = sql.find(" WHERE ") != std::string::npos;
    auto qHandle = db.prepared(
        from ? fmt::format("{} {} {} >= ?", sql, hasWhere ? "AND" : "WHERE", timeColumn) : sql);
    Statement& q = *qHandle;
    if (from) q.bind(1, formatUtc(*from));
    while (q.executeStep()) {
        EventRow r{readTime(q.getColumn(0)),  kind, q.getColumn(1).getInt64(), sub,
                   q.getColumn(2).getInt64(), {}};
        fill(q, r);
        out.push_back(std::move(r));
    }
}
} // namespace

std::vector<EventRow> eventRows(Database& db, std::optional<TimePoint> from) {
    auto names = staffNames(db);
    auto who = [&](std::int64_t id) -> EventField {
        auto it = names.find(id);
        return it == names.end() ? EventField(id) : EventField(it->second);
    };
    auto text = [](Statement& q, int i) { return EventField(q.getColumn(i).getString()); };
    std::vector<EventRow> out;
    collect(db, "SELECT admitted_at, id, id, admitted_by FROM stays", "admitted_at", from,
            "admitted", 0, out, [&](Statement& q, EventRow& r) {
                r.fields = {{"who", who(q.getColumn(3).getInt64())}};
            });
    collect(db, "SELECT discharged_at, stay_id, stay_id, discharged_by FROM discharges",
            "discharged_at", from, "discharged", 0, out, [&](Statement& q, EventRow& r) {
                r.fields = {{"who", who(q.getColumn(3).getInt64())}};
            });
    collect(db, "SELECT recorded_at, id, stay_id, recorded_by, taken_at, news2_total FROM rounds",
            "recorded_at", from, "round_saved", 0, out, [&](Statement& q, EventRow& r) {
                r.fields = {{"round", r.ref},
                            {"taken_at", text(q, 4)},
                            {"news2", q.getColumn(5).getInt64()},
                            {"who", who(q.getColumn(3).getInt64())}};
            });
    collect(db, "SELECT at, id, stay_id, by, reason FROM missed_rounds", "at", from, "round_missed",
            0, out, [&](Statement& q, EventRow& r) {
                r.fields = {{"reason", text(q, 4)}, {"who", who(q.getColumn(3).getInt64())}};
            });
    // Raised anew only: a flag that keeps holding is not raised again (alert fatigue).
    collect(db,
            "SELECT f.last_raised_at, f.id, f.stay_id, f.round_id, f.level, f.rule_id, f.message "
            "FROM flags f WHERE f.raised = 1",
            "f.last_raised_at", from, "flag_raised", 0, out, [&](Statement& q, EventRow& r) {
                r.fields = {{"round", q.getColumn(3).getInt64()},
                            {"level", text(q, 4)},
                            {"rule", text(q, 5)},
                            {"message", text(q, 6)}};
            });
    collect(db, "SELECT raised_at, id, stay_id, level, rule_id, message FROM escalations",
            "raised_at", from, "escalation_opened", 0, out, [&](Statement& q, EventRow& r) {
                r.fields = {{"escalation", r.ref},
                            {"level", text(q, 3)},
                            {"rule", text(q, 4)},
                            {"message", text(q, 5)}};
            });
    collect(db,
            "SELECT s.at, s.id, e.stay_id, s.by, s.escalation_id, s.kind, s.level, s.reason, "
            "s.clinician_name, s.clinician_role, s.method, s.instructions "
            "FROM escalation_steps s JOIN escalations e ON e.id = s.escalation_id",
            "s.at", from, "escalation_step", 0, out, [&](Statement& q, EventRow& r) {
                r.fields = {{"escalation", q.getColumn(4).getInt64()},
                            {"step", text(q, 5)},
                            {"who", who(q.getColumn(3).getInt64())}};
                const char* optional[] = {"level",     "reason", "clinician_name",
                                          "clinician", "method", "instructions"};
                for (int i = 6; i <= 11; ++i)
                    if (!q.getColumn(i).isNull() && !q.getColumn(i).getString().empty())
                        r.fields.emplace_back(i == 9 ? "clinician_role" : optional[i - 6],
                                              text(q, i));
            });
    // The onward cascade: recorded by Vigil, not by a person.
    collect(db,
            "SELECT c.recorded_at, c.id, e.stay_id, c.escalation_id, c.level, c.step, "
            "c.notified, c.due_at FROM escalation_cascade c "
            "JOIN escalations e ON e.id = c.escalation_id",
            "c.recorded_at", from, "escalation_step", 1, out, [&](Statement& q, EventRow& r) {
                r.fields = {{"escalation", q.getColumn(3).getInt64()},
                            {"step", std::string("cascade")},
                            {"who", std::string("Vigil")},
                            {"level", text(q, 4)},
                            {"cascade_step", q.getColumn(5).getInt64() + 1},
                            {"notified", text(q, 6)},
                            {"due_at", text(q, 7)}};
            });
    return out;
}

} // namespace vigil::store
