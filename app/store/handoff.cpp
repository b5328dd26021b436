#include "store/handoff.h"

#include "store/audit.h"
#include "store/sql_time.h"

namespace vigil::store {

void insertHandoffNote(Database& db, const HandoffNote& n) {
    auto qHandle = db.prepared("INSERT INTO handoff_notes (stay_id, at, by_staff, severity, "
                               "severity_reason, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(n.stay));
    q.bind(2, formatUtc(n.at));
    q.bind(3, static_cast<int64_t>(n.by));
    if (n.severity)
        q.bind(4, std::string(codeOf(severities(), *n.severity)));
    else
        q.bind(4);
    q.bind(5, n.severityReason);
    q.bind(6, n.note);
    appendAudit(db, "handoff_notes", insertedId(q));
}

std::optional<HandoffNote> latestHandoffNote(Database& db, StayId stay) {
    auto qHandle = db.prepared("SELECT at, by_staff, severity, severity_reason, note FROM "
                               "handoff_notes WHERE stay_id = ? ORDER BY id DESC LIMIT 1");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(stay));
    if (!q.executeStep()) return std::nullopt;
    HandoffNote n;
    n.stay = stay;
    n.at = readTime(q.getColumn(0));
    n.by = q.getColumn(1).getInt64();
    if (!q.getColumn(2).isNull()) n.severity = fromCode(severities(), q.getColumn(2).getString());
    n.severityReason = q.getColumn(3).getString();
    n.note = q.getColumn(4).getString();
    return n;
}

void insertHandoffPrint(Database& db, const HandoffPrint& p) {
    auto qHandle = db.prepared(
        "INSERT INTO handoff_prints (at, by_staff, printed_by, kind, shift_start, shift_end, "
        "patients, pages, destination) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, formatUtc(p.at));
    if (p.by)
        q.bind(2, static_cast<int64_t>(*p.by));
    else
        q.bind(2);
    q.bind(3, p.printedBy);
    q.bind(4, p.kind);
    q.bind(5, formatUtc(p.shiftStart));
    q.bind(6, formatUtc(p.shiftEnd));
    q.bind(7, p.patients);
    q.bind(8, p.pages);
    q.bind(9, p.destination);
    auto id = insertedId(q);
    appendAudit(db, "handoff_prints", id);
    if (p.auditHash.empty()) return;
    auto headHandle = db.prepared("INSERT INTO handoff_print_heads (print_id, audit_entries, "
                                  "audit_hash) VALUES (?, ?, ?)");
    Statement& h = *headHandle;
    h.bind(1, static_cast<int64_t>(id));
    h.bind(2, static_cast<int64_t>(p.auditEntries));
    h.bind(3, p.auditHash);
    h.exec();
    appendAudit(db, "handoff_print_heads", id);
}

std::vector<HandoffPrint> handoffPrints(Database& db) {
    auto qHandle = db.prepared(
        "SELECT at, by_staff, printed_by, kind, shift_start, shift_end, patients, pages, "
        "destination, h.audit_entries, h.audit_hash FROM handoff_prints p "
        "LEFT JOIN handoff_print_heads h ON h.print_id = p.id ORDER BY p.id");
    Statement& q = *qHandle;
    std::vector<HandoffPrint> out;
    while (q.executeStep()) {
        HandoffPrint p;
        p.at = readTime(q.getColumn(0));
        if (!q.getColumn(1).isNull()) p.by = q.getColumn(1).getInt64();
        p.printedBy = q.getColumn(2).getString();
        p.kind = q.getColumn(3).getString();
        p.shiftStart = readTime(q.getColumn(4));
        p.shiftEnd = readTime(q.getColumn(5));
        p.patients = q.getColumn(6).getInt();
        p.pages = q.getColumn(7).getInt();
        p.destination = q.getColumn(8).getString();
        if (!q.getColumn(9).isNull()) {
            p.auditEntries = q.getColumn(9).getInt64();
            p.auditHash = q.getColumn(10).getString();
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<rules::Level> flagsRaisedBetween(Database& db, StayId stay, TimePoint start,
                                             TimePoint end) {
    auto all = flagsRaisedBetween(db, IdList::one(stay), start, end);
    return std::move(all[stay]);
}

std::map<StayId, std::vector<rules::Level>> flagsRaisedBetween(Database& db, const IdList& stays,
                                                               TimePoint start, TimePoint end) {
    auto qHandle = db.prepared("SELECT f.stay_id, f.level FROM flags f JOIN rounds r ON r.id = "
                               "f.round_id WHERE " +
                               stays.where("f.stay_id", db.engine()) +
                               " AND f.raised = 1 AND r.taken_at >= ? AND r.taken_at < ?");
    Statement& q = *qHandle;
    int next = stays.bind(q, 1);
    q.bind(next, formatUtc(start));
    q.bind(next + 1, formatUtc(end));
    std::map<StayId, std::vector<rules::Level>> out;
    while (q.executeStep())
        out[q.getColumn(0).getInt64()].push_back(
            rules::levelFromCode(q.getColumn(1).getString()).value_or(rules::Level::Info));
    return out;
}

} // namespace vigil::store
