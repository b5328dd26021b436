#include "store/rounds.h"

#include "store/audit.h"
#include "store/sql_time.h"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace vigil::store {

namespace {
// The columns of a round: the fixed ones, then every field of the core's tables by key, so a
// field added to core/observation.cpp needs only its column in a migration.
constexpr std::string_view kChoiceKeys[] = {"acvpu", "poss", "bleeding", "pocket_swelling"};

std::vector<std::string> fieldColumns() {
    std::vector<std::string> cols;
    for (auto& f : numberFields())
        cols.emplace_back(f.key);
    for (auto& f : flagFields())
        cols.emplace_back(f.key);
    for (auto k : kChoiceKeys)
        cols.emplace_back(k);
    return cols;
}
const std::vector<std::string>& columns() {
    static const std::vector<std::string> cols = fieldColumns();
    return cols;
}
std::string selectSql(std::string_view where, std::string_view from = "rounds") {
    std::string sql = "SELECT id, stay_id, taken_at, recorded_by, spo2_scale, partial_reason";
    for (auto& c : columns())
        sql += ", " + c;
    return sql + " FROM " + std::string(from) + " " + std::string(where);
}

ObservationRound readRound(Statement& q) {
    ObservationRound r;
    r.id = q.getColumn(0).getInt64();
    r.stay = q.getColumn(1).getInt64();
    r.takenAt = readTime(q.getColumn(2));
    r.recordedBy = q.getColumn(3).getInt64();
    r.spo2Scale = q.getColumn(4).getInt();
    if (!q.getColumn(5).isNull())
        r.partialReason = fromCode(partialReasons(), q.getColumn(5).getString());
    int i = 6;
    for (auto& f : numberFields()) {
        auto c = q.getColumn(i++);
        if (!c.isNull()) r.*(f.member) = c.getDouble();
    }
    for (auto& f : flagFields()) {
        auto c = q.getColumn(i++);
        if (!c.isNull()) r.*(f.member) = c.getInt() != 0;
    }
    for (auto k : kChoiceKeys) {
        auto c = q.getColumn(i++);
        if (!c.isNull()) setField(r, k, c.getString());
    }
    return r;
}
} // namespace

RoundId insertRound(Database& db, const ObservationRound& r, const news2::Result& shown,
                    const std::set<std::string>& confirmed, TimePoint recordedAt) {
    static const std::string sql = [] {
        std::string names = "stay_id, taken_at, recorded_at, recorded_by, spo2_scale, "
                            "partial_reason, confirmed, news2_total, news2_band, news2_complete";
        std::string marks = "?,?,?,?,?,?,?,?,?,?";
        for (auto& c : columns()) {
            names += ", " + c;
            marks += ",?";
        }
        return fmt::format("INSERT INTO rounds ({}, device_key) VALUES ({},?) RETURNING id", names,
                           marks);
    }();
    auto qHandle = db.prepared(sql);
    Statement& q = *qHandle;
    std::string confirmedText;
    for (auto& c : confirmed)
        confirmedText += (confirmedText.empty() ? "" : ",") + c;
    q.bind(1, static_cast<int64_t>(r.stay));
    q.bind(2, formatUtc(r.takenAt));
    q.bind(3, formatUtc(recordedAt));
    q.bind(4, static_cast<int64_t>(r.recordedBy));
    q.bind(5, r.spo2Scale);
    if (r.partialReason)
        q.bind(6, std::string(codeOf(partialReasons(), *r.partialReason)));
    else
        q.bind(6);
    q.bind(7, confirmedText);
    q.bind(8, shown.total);
    q.bind(9, std::string(news2::bandCode(shown.band)));
    q.bind(10, shown.complete ? 1 : 0);
    int i = 11;
    for (auto& f : numberFields()) {
        if (auto& v = r.*(f.member))
            q.bind(i++, *v);
        else
            q.bind(i++);
    }
    for (auto& f : flagFields()) {
        if (auto& v = r.*(f.member))
            q.bind(i++, *v ? 1 : 0);
        else
            q.bind(i++);
    }
    for (auto k : kChoiceKeys) {
        if (auto v = fieldText(r, k))
            q.bind(i++, *v);
        else
            q.bind(i++);
    }
    if (r.deviceKey.empty())
        q.bind(i);
    else
        q.bind(i, r.deviceKey);
    auto id = insertedId(q);
    appendAudit(db, "rounds", id);
    return id;
}

std::optional<RoundId> roundByDeviceKey(Database& db, const std::string& key) {
    auto q = db.prepared("SELECT id FROM rounds WHERE device_key = ?");
    q->bind(1, key);
    if (!q->executeStep()) return std::nullopt;
    return q->getColumn(0).getInt64();
}

std::vector<ObservationRound> roundsForStay(Database& db, StayId stay, int limit) {
    auto qHandle = db.prepared(
        selectSql(limit > 0 ? "WHERE stay_id = ? ORDER BY taken_at DESC, id DESC LIMIT ?"
                            : "WHERE stay_id = ? ORDER BY taken_at DESC, id DESC"));
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(stay));
    if (limit > 0) q.bind(2, limit);
    std::vector<ObservationRound> out;
    while (q.executeStep())
        out.push_back(readRound(q));
    return out;
}

int countRoundsSince(Database& db, StayId stay, TimePoint since) {
    auto qHandle = db.prepared("SELECT count(*) FROM rounds WHERE stay_id = ? AND taken_at >= ?");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(stay));
    q.bind(2, formatUtc(since));
    q.executeStep();
    return q.getColumn(0).getInt();
}

std::optional<ObservationRound> findRound(Database& db, RoundId id) {
    auto qHandle = db.prepared(selectSql("WHERE id = ?"));
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return std::nullopt;
    return readRound(q);
}

std::int64_t insertAmendment(Database& db, const Amendment& a) {
    auto qHandle = db.prepared("INSERT INTO amendments (round_id, kind, field, value, reason, "
                               "amended_by, amended_at) VALUES (?,?,?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(a.round));
    q.bind(2, std::string(amendmentKindCode(a.kind)));
    if (a.field)
        q.bind(3, *a.field);
    else
        q.bind(3);
    if (a.value)
        q.bind(4, *a.value);
    else
        q.bind(4);
    q.bind(5, a.reason);
    q.bind(6, static_cast<int64_t>(a.by));
    q.bind(7, formatUtc(a.at));
    auto id = insertedId(q);
    appendAudit(db, "amendments", id);
    return id;
}

namespace {
constexpr const char* kAmendmentColumns = "SELECT a.id, a.round_id, a.kind, a.field, a.value, "
                                          "a.reason, a.amended_by, a.amended_at FROM amendments a ";

// The amendment in the current row, in kAmendmentColumns' order.
Amendment readAmendment(Statement& q) {
    Amendment a;
    a.id = q.getColumn(0).getInt64();
    a.round = q.getColumn(1).getInt64();
    a.kind = amendmentKindFromCode(q.getColumn(2).getString()).value_or(Amendment::Kind::Corrected);
    if (!q.getColumn(3).isNull()) a.field = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) a.value = q.getColumn(4).getString();
    a.reason = q.getColumn(5).getString();
    a.by = q.getColumn(6).getInt64();
    a.at = readTime(q.getColumn(7));
    return a;
}

void readAmendments(Statement& q, std::vector<Amendment>& out) {
    while (q.executeStep())
        out.push_back(readAmendment(q));
}
} // namespace

std::vector<Amendment> amendmentsForRounds(Database& db,
                                           const std::vector<ObservationRound>& rounds) {
    // One query for all of them, not one per round: on a unit server each query is a round trip.
    std::vector<Amendment> out;
    if (rounds.empty()) return out;
    std::vector<std::int64_t> ids;
    for (auto& r : rounds)
        ids.push_back(r.id);
    auto list = IdList::of(std::move(ids));
    auto qHandle = db.prepared(std::string(kAmendmentColumns) + "WHERE " +
                               list.where("a.round_id", db.engine()) + " ORDER BY a.id");
    Statement& q = *qHandle;
    list.bind(q, 1);
    readAmendments(q, out);
    return out;
}

std::vector<Amendment> amendmentsForStay(Database& db, StayId stay) {
    auto qHandle =
        db.prepared(std::string(kAmendmentColumns) +
                    "JOIN rounds r ON r.id = a.round_id WHERE r.stay_id = ? ORDER BY a.id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(stay));
    std::vector<Amendment> out;
    readAmendments(q, out);
    return out;
}

std::map<StayId, std::vector<ObservationRound>> recentRounds(Database& db, const IdList& stays,
                                                             int perStay) {
    // Numbered newest first within each stay (a window function: SQLite 3.25+ and PostgreSQL),
    // the columns read from the numbered rows themselves: an `id IN (...)` around them made
    // PostgreSQL's generic plan scan every round of the year.
    auto qHandle = db.prepared(selectSql(
        "WHERE n <= ? ORDER BY stay_id, taken_at DESC, id DESC",
        fmt::format("(SELECT *, ROW_NUMBER() OVER (PARTITION BY stay_id ORDER BY taken_at DESC, "
                    "id DESC) AS n FROM rounds WHERE {}) AS numbered",
                    stays.where("stay_id", db.engine()))));
    Statement& q = *qHandle;
    q.bind(stays.bind(q, 1), perStay);
    std::map<StayId, std::vector<ObservationRound>> out;
    while (q.executeStep()) {
        auto r = readRound(q);
        out[r.stay].push_back(std::move(r));
    }
    return out;
}

std::map<StayId, std::vector<ObservationRound>> roundsFor(Database& db, const IdList& stays) {
    auto qHandle = db.prepared(selectSql("WHERE " + stays.where("stay_id", db.engine()) +
                                         " ORDER BY stay_id, taken_at DESC, id DESC"));
    Statement& q = *qHandle;
    stays.bind(q, 1);
    std::map<StayId, std::vector<ObservationRound>> out;
    while (q.executeStep()) {
        auto r = readRound(q);
        out[r.stay].push_back(std::move(r));
    }
    return out;
}

std::map<StayId, std::vector<Amendment>> amendmentsFor(Database& db, const IdList& stays) {
    // kAmendmentColumns, then the stay the amended round belongs to.
    std::string sql = kAmendmentColumns;
    sql.replace(sql.find(" FROM amendments a"), 0, ", r.stay_id");
    auto qHandle = db.prepared(sql + "JOIN rounds r ON r.id = a.round_id WHERE " +
                               stays.where("r.stay_id", db.engine()) + " ORDER BY a.id");
    Statement& q = *qHandle;
    stays.bind(q, 1);
    std::map<StayId, std::vector<Amendment>> out;
    while (q.executeStep())
        out[q.getColumn(8).getInt64()].push_back(readAmendment(q));
    return out;
}

} // namespace vigil::store
