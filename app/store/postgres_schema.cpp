// The server's schema: checked on every open (a tablet never migrates the unit's record), and
// created or upgraded only by `vigil db migrate`, run as the database's owner.
#include "store/migrations.h"
#include "store/postgres_engine.h"

#include <fmt/format.h>

namespace vigil::store {

std::unique_ptr<Connection> openPostgres(const std::string& uri, Access access) {
    auto c = connectPostgres(uri, access);
    int found = c->schemaVersion();
    int latest = latestSchemaVersion();
    if (found > latest)
        throw SchemaTooNew(fmt::format(
            "{} holds a record of schema {}, newer than this Vigil knows ({}): nothing was "
            "changed. Use that version of Vigil or newer",
            c->where(), found, latest));
    if (found < latest)
        throw SchemaTooOld(fmt::format(
            "{} {}; this Vigil needs schema {}. Nothing was changed: the database's owner runs "
            "`vigil db migrate --db URI --app-role ROLE` first",
            c->where(),
            found == 0 ? "holds no Vigil record" : fmt::format("is at schema {}", found), latest));
    return c;
}

int migratePostgres(Connection& c, const std::string& appRole) {
    c.beginWrite();
    try {
        int found = c.schemaVersion();
        int latest = latestSchemaVersion();
        if (found > latest)
            throw SchemaTooNew(fmt::format("{} is at schema {}, newer than this Vigil knows "
                                           "({}): nothing was changed",
                                           c.where(), found, latest));
        for (const Migration& m : postgresMigrations()) {
            if (m.version <= found) continue;
            c.exec(std::string(m.sql));
            c.exec(fmt::format("INSERT INTO vigil_schema (version) VALUES ({})", m.version));
        }
        if (!appRole.empty()) {
            // Quoted as an identifier by the server itself.
            auto& q = c.prepared("SELECT quote_ident(?)");
            q.bind(1, appRole);
            q.executeStep();
            std::string role = q.columnText(0);
            q.reset();
            c.exec(fmt::format("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {0};"
                               "GRANT USAGE ON SCHEMA public TO {0};"
                               "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO {0};"
                               "REVOKE INSERT ON vigil_schema FROM {0};"
                               "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {0};",
                               role));
        }
        c.commit();
        return found;
    } catch (...) {
        c.rollback();
        throw;
    }
}

} // namespace vigil::store
