#include "store/copy.h"

#include "store/postgres_engine.h"

#include <fmt/format.h>

namespace vigil::store {

namespace {

std::unique_ptr<Database> openTarget(const std::string& to) {
    if (!isServerUri(to)) return std::make_unique<Database>(to);
    auto c = connectPostgres(to, Access::ReadWrite);
    if (c->schemaVersion() == 0) migratePostgres(*c, "");
    if (c->schemaVersion() != latestSchemaVersion())
        throw StoreError(fmt::format("{} is at schema {}, not {}: run `vigil db migrate --db "
                                     "URI` as the database's owner first; nothing was copied",
                                     c->where(), c->schemaVersion(), latestSchemaVersion()));
    return std::make_unique<Database>(std::move(c), to, Access::ReadWrite);
}

std::int64_t copyTable(Database& from, Database& to, const std::string& table,
                       const std::string& key) {
    auto rows = from.prepared(fmt::format("SELECT * FROM {} ORDER BY {}", table, key));
    std::int64_t n = 0;
    std::string insert;
    while (rows->executeStep()) {
        int columns = rows->getColumnCount();
        if (insert.empty()) {
            std::string names, marks;
            for (int i = 0; i < columns; ++i) {
                names += (i ? ", " : "") + rows->getColumnName(i);
                marks += i ? ", ?" : "?";
            }
            insert = fmt::format("INSERT INTO {} ({}) VALUES ({})", table, names, marks);
        }
        auto q = to.prepared(insert);
        for (int i = 0; i < columns; ++i) {
            auto c = rows->getColumn(i);
            switch (c.type()) {
            case ValueType::Null: q->bind(i + 1); break;
            case ValueType::Integer: q->bind(i + 1, c.getInt64()); break;
            case ValueType::Real: q->bind(i + 1, c.getDouble()); break;
            case ValueType::Text: q->bind(i + 1, c.getString()); break;
            }
        }
        q->exec();
        ++n;
    }
    to.connection().keysGiven(table, key);
    return n;
}

} // namespace

CopyReport copyRecord(const std::string& fromTarget, const std::string& toTarget) {
    Database from(fromTarget, Durability::Full, Access::ReadOnly);
    auto before = verifyAudit(from);
    if (before.first)
        throw StoreError(fmt::format("{} does not verify ({}): nothing was copied. Keep the file "
                                     "for IT",
                                     fromTarget, before.first->message));
    auto sourceHead = auditHead(from);
    auto to = openTarget(toTarget);
    for (auto& [table, count] : rowCounts(*to))
        if (count > 0)
            throw StoreError(fmt::format("{} holds rows already ({} {}): a copy goes only into a "
                                         "record that holds none; nothing was copied",
                                         to->where(), count, table));
    if (to->execAndGet("SELECT count(*) FROM audit").getInt64() > 0)
        throw StoreError(
            fmt::format("{} holds audit entries already: nothing was copied", to->where()));
    CopyReport report;
    Database::Transaction tx(*to);
    for (auto table : auditedTables())
        report.rows.emplace_back(std::string(table), copyTable(from, *to, std::string(table),
                                                               std::string(keyColumn(table))));
    report.rows.emplace_back("audit", copyTable(from, *to, "audit", "id"));
    auto after = verifyAudit(*to);
    if (after.first)
        throw StoreError(fmt::format("the copy in {} does not verify ({}): it was rolled back, "
                                     "nothing was copied",
                                     to->where(), after.first->message));
    report.head = auditHead(*to);
    if (report.head.text() != sourceHead.text())
        throw StoreError(fmt::format("the copy's audit head {} differs from the file's {}: it "
                                     "was rolled back, nothing was copied",
                                     report.head.shortText(), sourceHead.shortText()));
    tx.commit();
    // The planner's statistics for the rows just copied: without them PostgreSQL plans the
    // board's queries as if the tables were empty, until autovacuum comes round to them.
    if (to->engine() == Engine::PostgreSQL) to->exec("ANALYZE");
    return report;
}

} // namespace vigil::store
