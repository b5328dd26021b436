#include "store/stays.h"

#include "store/audit.h"
#include "store/sql_time.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace vigil::store {

namespace {
template <class E> std::string joinCodes(std::span<const Named<E>> table, const std::vector<E>& v) {
    std::string out;
    for (E e : v)
        out += (out.empty() ? "" : ",") + std::string(codeOf(table, e));
    return out;
}
template <class E>
std::vector<E> splitCodes(std::span<const Named<E>> table, const std::string& s) {
    std::vector<E> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        if (auto e = fromCode(table, std::string_view(s).substr(start, end - start)))
            out.push_back(*e);
        start = end + 1;
    }
    return out;
}

constexpr const char* kStayColumns =
    "s.id, s.bed, s.name, s.mrn, s.date_of_birth, s.procedure, s.since, s.drugs, s.risks, "
    "s.spo2_scale, s.scale2_prescribed_by, s.pain_goal, s.admitted_at, s.admitted_by, "
    "d.discharged_at";

Stay readStay(Statement& q) {
    Stay s;
    s.id = q.getColumn(0).getInt64();
    s.bed = q.getColumn(1).getString();
    s.name = q.getColumn(2).getString();
    s.mrn = q.getColumn(3).getString();
    s.dateOfBirth = q.getColumn(4).getString();
    s.procedure = fromCode(procedures(), q.getColumn(5).getString()).value_or(Procedure::Implant);
    s.since = readTime(q.getColumn(6));
    s.drugs = splitCodes(drugs(), q.getColumn(7).getString());
    s.risks = splitCodes(riskFactors(), q.getColumn(8).getString());
    s.spo2Scale = q.getColumn(9).getInt();
    s.scale2PrescribedBy = q.getColumn(10).getString();
    s.painGoal = q.getColumn(11).getInt();
    s.admittedAt = readTime(q.getColumn(12));
    s.admittedBy = q.getColumn(13).getInt64();
    if (!q.getColumn(14).isNull()) s.dischargedAt = readTime(q.getColumn(14));
    return s;
}
} // namespace

StayId insertStay(Database& db, const Stay& s) {
    auto qHandle =
        db.prepared("INSERT INTO stays (bed, name, mrn, date_of_birth, procedure, since, "
                    "drugs, risks, spo2_scale, scale2_prescribed_by, pain_goal, "
                    "admitted_at, admitted_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    q.bind(1, s.bed);
    q.bind(2, s.name);
    q.bind(3, s.mrn);
    if (s.dateOfBirth.empty())
        q.bind(4);
    else
        q.bind(4, s.dateOfBirth);
    q.bind(5, std::string(codeOf(procedures(), s.procedure)));
    q.bind(6, formatUtc(s.since));
    q.bind(7, joinCodes(drugs(), s.drugs));
    q.bind(8, joinCodes(riskFactors(), s.risks));
    q.bind(9, s.spo2Scale);
    if (s.spo2Scale == 2)
        q.bind(10, s.scale2PrescribedBy);
    else
        q.bind(10);
    q.bind(11, s.painGoal);
    q.bind(12, formatUtc(s.admittedAt));
    q.bind(13, static_cast<int64_t>(s.admittedBy));
    auto id = insertedId(q);
    appendAudit(db, "stays", id);
    return id;
}

void insertDischarge(Database& db, StayId stay, TimePoint at, StaffId by) {
    auto qHandle = db.prepared(
        "INSERT INTO discharges (stay_id, discharged_at, discharged_by) VALUES (?,?,?)");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(stay));
    q.bind(2, formatUtc(at));
    q.bind(3, static_cast<int64_t>(by));
    q.exec();
    appendAudit(db, "discharges", stay); // its key is the stay's
}

std::optional<Stay> findStay(Database& db, StayId id) {
    auto qHandle =
        db.prepared(std::string("SELECT ") + kStayColumns +
                    " FROM stays s LEFT JOIN discharges d ON d.stay_id = s.id WHERE s.id = ?");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return std::nullopt;
    return readStay(q);
}

// Beds in the ward's order: by the number they start with ("2" before "10"; a bed named "Bay A"
// counts as 0), then by name. Sorted here, not in SQL: CAST('Bay A' AS INTEGER) is 0 on SQLite
// but an error on PostgreSQL, which would have emptied the board of a unit with such a bed.
bool inBedOrder(const Stay& a, const Stay& b) {
    auto number = [](const std::string& bed) {
        std::int64_t n = 0;
        for (char c : bed) {
            if (c < '0' || c > '9' || n > 100'000'000) break;
            n = n * 10 + (c - '0');
        }
        return n;
    };
    return std::tuple(number(a.bed), a.bed, a.id) < std::tuple(number(b.bed), b.bed, b.id);
}

namespace {
void sortInBedOrder(std::vector<Stay>& stays) {
    std::stable_sort(stays.begin(), stays.end(),
                     [](const Stay& a, const Stay& b) { return inBedOrder(a, b); });
}
} // namespace

std::vector<Stay> openStays(Database& db) {
    auto qHandle = db.prepared(std::string("SELECT ") + kStayColumns +
                               " FROM stays s LEFT JOIN discharges d ON d.stay_id = s.id "
                               "WHERE d.stay_id IS NULL ORDER BY s.bed, s.id");
    Statement& q = *qHandle;
    std::vector<Stay> out;
    while (q.executeStep())
        out.push_back(readStay(q));
    sortInBedOrder(out);
    return out;
}

std::vector<Stay> staysDuring(Database& db, TimePoint start, TimePoint end) {
    auto qHandle = db.prepared(std::string("SELECT ") + kStayColumns +
                               " FROM stays s LEFT JOIN discharges d ON d.stay_id = s.id "
                               "WHERE s.admitted_at < ? AND (d.stay_id IS NULL OR "
                               "d.discharged_at >= ?) ORDER BY s.bed, s.id");
    Statement& q = *qHandle;
    q.bind(1, formatUtc(end));
    q.bind(2, formatUtc(start));
    std::vector<Stay> out;
    while (q.executeStep())
        out.push_back(readStay(q));
    sortInBedOrder(out);
    return out;
}

} // namespace vigil::store
