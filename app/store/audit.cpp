#include "store/audit.h"

#include "store/audit_schema.h"

#include "core/hash.h"
#include "core/timefmt.h"

#include <array>
#include <fmt/format.h>
#include <map>
#include <set>

namespace vigil::store {

namespace {
// New tables join at the end: the backfill of schema-5 files walks them in this order.
constexpr std::array<std::string_view, 21> kTables{"staff",
                                                   "stays",
                                                   "discharges",
                                                   "rounds",
                                                   "amendments",
                                                   "flags",
                                                   "escalations",
                                                   "escalation_steps",
                                                   "missed_rounds",
                                                   "patient_limits",
                                                   "staff_pins",
                                                   "sign_ins",
                                                   "rule_choices",
                                                   "handoff_notes",
                                                   "handoff_prints",
                                                   "escalation_flags",
                                                   "observation_frequencies",
                                                   "handoff_print_heads",
                                                   "fhir_deliveries",
                                                   "escalation_cascade",
                                                   "round_openings"};
// Columns a later migration added to an audited table. While NULL they are left out of a row's
// content, so rows hashed before the column existed still verify; once set, they are covered.
constexpr std::pair<std::string_view, std::string_view> kLaterColumns[] = {
    {"rounds", "rash"},
    {"escalation_steps", "level"},
    {"escalation_steps", "sbar"},
    {"rounds", "device_key"},
    {"escalation_steps", "device_key"}};
bool laterColumn(std::string_view table, std::string_view column) {
    for (auto& [t, c] : kLaterColumns)
        if (t == table && c == column) return true;
    return false;
}
constexpr std::string_view kGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

bool isAudited(std::string_view table) {
    for (auto t : kTables)
        if (t == table) return true;
    return false;
}

// The row as text with every column's name, type and value: what its hash covers.
std::optional<std::string> rowContent(Database& db, std::string_view table, std::int64_t rowId) {
    auto qHandle =
        db.prepared(fmt::format("SELECT * FROM {} WHERE {} = ?", table, keyColumn(table)));
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(rowId));
    if (!q.executeStep()) return std::nullopt;
    std::string out;
    for (int i = 0; i < q.getColumnCount(); ++i) {
        auto c = q.getColumn(i);
        if (c.type() == ValueType::Null && laterColumn(table, q.getColumnName(i))) continue;
        out += q.getColumnName(i);
        out += '=';
        switch (c.type()) {
        case ValueType::Null: out += "null"; break;
        case ValueType::Integer: out += "i:" + std::to_string(c.getInt64()); break;
        case ValueType::Real: out += fmt::format("r:{}", c.getDouble()); break;
        case ValueType::Text: {
            auto text = c.getString();
            out += fmt::format("t{}:{}", text.size(), text);
            break;
        }
        }
        out += '\x1f';
    }
    return out;
}

std::string entryHash(std::string_view prev, std::int64_t id, const std::string& at,
                      const std::string& staff, const std::string& action, std::string_view table,
                      std::int64_t row, const std::string& rowHash) {
    return sha256Hex(
        fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", prev, id, at, staff, action, table, row, rowHash));
}

void append(Database& db, std::string_view table, std::int64_t rowId, const std::string& action,
            TimePoint at) {
    auto content = rowContent(db, table, rowId);
    if (!content)
        throw std::runtime_error(fmt::format("audit: {} row {} is not there", table, rowId));
    std::string rowHash = sha256Hex(*content);
    // The head in one round trip (a server's round trips are most of a save's cost): its number
    // and hash. Read under the write lock, so no other writer extends the chain meanwhile.
    std::string prev(kGenesis);
    std::int64_t id = 1;
    {
        auto head = db.prepared("SELECT id, entry_hash FROM audit ORDER BY id DESC LIMIT 1");
        if (head->executeStep()) {
            id = head->getColumn(0).getInt64() + 1;
            prev = head->getColumn(1).getString();
        }
    }
    std::string when = formatUtc(at);
    std::string staff = db.actor() ? std::to_string(db.actor()) : "";
    auto qHandle = db.prepared(
        "INSERT INTO audit (id, at, staff_id, action, table_name, row_id, row_hash, prev_hash, "
        "entry_hash) VALUES (?,?,?,?,?,?,?,?,?)");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(id));
    q.bind(2, when);
    if (db.actor())
        q.bind(3, static_cast<int64_t>(db.actor()));
    else
        q.bind(3);
    q.bind(4, action);
    q.bind(5, std::string(table));
    q.bind(6, static_cast<int64_t>(rowId));
    q.bind(7, rowHash);
    q.bind(8, prev);
    q.bind(9, entryHash(prev, id, when, staff, action, table, rowId, rowHash));
    q.exec();
}

bool tableExists(Database& db, std::string_view table) {
    return db.connection().tableExists(std::string(table));
}
} // namespace

std::string_view keyColumn(std::string_view table) {
    // SQLite's rowid: the INTEGER PRIMARY KEY, which is `id` but for these two.
    if (table == "discharges") return "stay_id";
    if (table == "handoff_print_heads") return "print_id";
    return "id";
}

std::span<const std::string_view> auditedTables() {
    return kTables;
}

std::vector<std::pair<std::string, std::int64_t>> rowCounts(Database& db) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (auto table : kTables)
        if (tableExists(db, table))
            out.emplace_back(
                std::string(table),
                db.execAndGet(fmt::format("SELECT count(*) FROM {}", table)).getInt64());
    return out;
}

void appendAudit(Database& db, std::string_view table, std::int64_t rowId) {
    append(db, table, rowId, "insert", db.auditTime());
}

void backfillAudit(Database& db, TimePoint now) {
    for (auto table : kTables) {
        if (!tableExists(db, table)) continue;
        auto q = db.prepared(
            fmt::format("SELECT {0} FROM {1} WHERE {0} NOT IN "
                        "(SELECT row_id FROM audit WHERE table_name = '{1}') ORDER BY {0}",
                        keyColumn(table), table));
        std::vector<std::int64_t> rows;
        while (q->executeStep())
            rows.push_back(q->getColumn(0).getInt64());
        q->reset();
        for (auto row : rows)
            append(db, table, row, "backfill", now);
    }
}

std::string AuditHead::text() const {
    return fmt::format("{}:{}", entries, hash);
}

std::string AuditHead::shortText() const {
    return fmt::format("{}:{}", entries, hash.substr(0, 12));
}

AuditHead auditHead(Database& db) {
    auto qHandle = db.prepared("SELECT id, entry_hash FROM audit ORDER BY id DESC LIMIT 1");
    Statement& q = *qHandle;
    if (!q.executeStep()) return {0, std::string(kGenesis)};
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

std::optional<AuditHead> parseAuditHead(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 18) return std::nullopt;
    AuditHead head;
    for (char c : text.substr(0, colon)) {
        if (c < '0' || c > '9') return std::nullopt;
        head.entries = head.entries * 10 + (c - '0');
    }
    auto hash = text.substr(colon + 1);
    // The whole hash, or at least the 12 digits a sheet's footer prints.
    if (hash.size() < 12 || hash.size() > 64) return std::nullopt;
    for (char c : hash)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    head.hash = std::string(hash);
    return head;
}

namespace {
AuditReport verifyChain(Database& db);
std::optional<AuditFinding> headFinding(Database& db, const AuditHead& head) {
    auto qHandle = db.prepared("SELECT entry_hash FROM audit WHERE id = ?");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(head.entries));
    if (head.entries == 0) return std::nullopt; // an empty record anchors nothing
    if (!q.executeStep())
        return AuditFinding{"audit", 0, head.entries, "cut",
                            fmt::format("audit entry {} of the recorded head {} is missing: the "
                                        "record was cut back after that head was taken",
                                        head.entries, head.shortText())};
    if (q.getColumn(0).getString().compare(0, head.hash.size(), head.hash) != 0)
        return AuditFinding{"audit", 0, head.entries, "rewritten",
                            fmt::format("audit entry {} no longer has the hash of the recorded "
                                        "head {}: the record up to it was rewritten",
                                        head.entries, head.shortText())};
    return std::nullopt;
}
} // namespace

AuditReport verifyAudit(Database& db, const std::optional<AuditHead>& head) {
    AuditReport report;
    if ((report.first = integrityFinding(db))) return report;
    // Rows first: an edit names the row even when the triggers were dropped to make it; then
    // the schema itself, triggers, indexes, tables and views exactly as shipped.
    report = verifyChain(db);
    if (!report.first) report.first = schemaFinding(db);
    if (!report.first && head) report.first = headFinding(db, *head);
    return report;
}

namespace {
AuditReport verifyChain(Database& db) {
    AuditReport report;
    auto found = [&](std::string table, std::int64_t row, std::int64_t entry, std::string what,
                     std::string message) {
        if (!report.first)
            report.first =
                AuditFinding{std::move(table), row, entry, std::move(what), std::move(message)};
    };
    std::string prev(kGenesis);
    std::int64_t expectedId = 1;
    std::set<std::pair<std::string, std::int64_t>> seen;
    // Its own statement, not the cached one: rowContent runs statements while this one steps.
    auto chain = db.prepared(
        "SELECT id, at, staff_id, action, table_name, row_id, row_hash, prev_hash, entry_hash "
        "FROM audit ORDER BY id");
    Statement& q = *chain;
    while (q.executeStep() && !report.first) {
        ++report.entries;
        std::int64_t id = q.getColumn(0).getInt64();
        std::string at = q.getColumn(1).getString();
        std::string staff =
            q.getColumn(2).isNull() ? "" : std::to_string(q.getColumn(2).getInt64());
        std::string action = q.getColumn(3).getString(), table = q.getColumn(4).getString();
        std::int64_t row = q.getColumn(5).getInt64();
        std::string rowHash = q.getColumn(6).getString(), prevHash = q.getColumn(7).getString();
        std::string hash = q.getColumn(8).getString();
        if (id != expectedId || prevHash != prev)
            found(table, row, id, "audit chain broken",
                  fmt::format("the audit record was cut or reordered before entry {} ({} row {})",
                              id, table, row));
        else if (entryHash(prev, id, at, staff, action, table, row, rowHash) != hash)
            found(table, row, id, "audit entry altered",
                  fmt::format("audit entry {} ({} row {}) was altered", id, table, row));
        else if (!isAudited(table))
            found(table, row, id, "audit entry altered",
                  fmt::format("audit entry {} names an unknown table \"{}\"", id, table));
        else if (auto content = rowContent(db, table, row); !content)
            found(table, row, id, "deleted",
                  fmt::format("{} row {} was deleted (written {}, audit entry {})", table, row, at,
                              id));
        else if (sha256Hex(*content) != rowHash)
            found(table, row, id, "edited",
                  fmt::format(
                      "{} row {} was edited after it was written (written {}, audit entry {})",
                      table, row, at, id));
        seen.emplace(table, row);
        prev = hash;
        ++expectedId;
    }
    if (report.first) return report;
    for (auto table : kTables) {
        if (!tableExists(db, table)) continue;
        auto rowsHandle =
            db.prepared(fmt::format("SELECT {0} FROM {1} ORDER BY {0}", keyColumn(table), table));
        Statement& rows = *rowsHandle;
        while (rows.executeStep()) {
            std::int64_t row = rows.getColumn(0).getInt64();
            if (!seen.count({std::string(table), row})) {
                found(std::string(table), row, 0, "inserted outside Vigil",
                      fmt::format("{} row {} was inserted outside Vigil: it has no audit entry",
                                  table, row));
                return report;
            }
        }
    }
    return report;
}
} // namespace

} // namespace vigil::store
