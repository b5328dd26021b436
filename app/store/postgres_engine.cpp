#include "store/postgres_engine.h"

#include "store/postgres_detail.h"

#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace vigil::store {

namespace {

// The one advisory lock every write transaction takes first: 'Vigi'.
constexpr long long kWriteLock = 0x56696769;

} // namespace

namespace pg {
std::string firstLine(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    return s;
}

// The server's options as given in the URI (host, port, dbname, user).
std::map<std::string, std::string> uriOptions(const std::string& uri) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
    if (!options) {
        std::string why = error ? firstLine(error) : "not a connection URI";
        PQfreemem(error);
        throw StoreError(fmt::format(
            "--db {}: not a PostgreSQL URI Vigil can use ({}). Accepted: "
            "postgresql://ROLE@HOST[:PORT]/DATABASE[?sslmode=verify-full], as libpq reads it",
            uri, why));
    }
    std::map<std::string, std::string> out;
    for (auto* o = options; o->keyword; ++o)
        if (o->val) out[o->keyword] = o->val;
    PQconninfoFree(options);
    return out;
}

std::string serverWords(const std::map<std::string, std::string>& o) {
    auto get = [&](const char* k, const char* fallback) {
        auto it = o.find(k);
        return it == o.end() || it->second.empty() ? std::string(fallback) : it->second;
    };
    // libpq's defaults when the URI names none: this machine's socket, the user's own name.
    std::string host = get("host", get("hostaddr", "socket /var/run/postgresql").c_str());
    if (host.starts_with('/')) host = "socket " + host;
    return fmt::format("the unit server {}:{} (database {})", host, get("port", "5432"),
                       get("dbname", get("user", "named like the user").c_str()));
}

} // namespace pg

namespace {
using namespace pg;

class PgConnection;

class PgStatement final : public Statement {
public:
    PgStatement(PgConnection& c, std::string sql) : m_c(c), m_sql(std::move(sql)) {
        m_params.resize(countParams());
    }
    bool executeStep() override;
    int exec() override;
    int getColumnCount() override {
        run();
        return PQnfields(m_result.get());
    }
    std::string getColumnName(int i) override {
        run();
        return PQfname(m_result.get(), i);
    }
    void reset() noexcept override {
        m_result.reset();
        m_row = -1;
        for (auto& p : m_params)
            p.reset();
    }
    ValueType columnType(int i) override {
        if (PQgetisnull(m_result.get(), m_row, i)) return ValueType::Null;
        switch (PQftype(m_result.get(), i)) {
        case 16: // bool (EXISTS, comparisons)
        case 20: // int8
        case 21: // int2
        case 23: // int4
        case 26: // oid
            return ValueType::Integer;
        case 700:  // float4
        case 701:  // float8
        case 1700: // numeric
            return ValueType::Real;
        default: return ValueType::Text;
        }
    }
    std::int64_t columnInt64(int i) override {
        const char* v = PQgetvalue(m_result.get(), m_row, i);
        if (PQftype(m_result.get(), i) == 16) return *v == 't' ? 1 : 0;
        std::int64_t out = 0;
        auto end = v + std::char_traits<char>::length(v);
        auto [p, ec] = std::from_chars(v, end, out);
        if (ec != std::errc() || p != end) {
            double d = 0;
            auto [q, ec2] = std::from_chars(v, end, d);
            out = ec2 == std::errc() ? static_cast<std::int64_t>(d) : 0;
            (void)q;
        }
        return out;
    }
    double columnDouble(int i) override {
        const char* v = PQgetvalue(m_result.get(), m_row, i);
        return std::strtod(v, nullptr);
    }
    std::string columnText(int i) override {
        return std::string(PQgetvalue(m_result.get(), m_row, i),
                           static_cast<std::size_t>(PQgetlength(m_result.get(), m_row, i)));
    }

protected:
    void bindInt64(int i, std::int64_t v) override { param(i) = std::to_string(v); }
    void bindDouble(int i, double v) override { param(i) = fmt::format("{}", v); }
    void bindText(int i, const std::string& v) override { param(i) = v; }
    void bindNull(int i) override { param(i).reset(); }

private:
    friend class PgConnection;
    std::optional<std::string>& param(int i) {
        if (i < 1 || i > static_cast<int>(m_params.size()))
            throw StoreError(fmt::format("parameter {} out of range for: {}", i, m_sql));
        return m_params[static_cast<std::size_t>(i - 1)];
    }
    // `?` placeholders outside quoted text, as the repositories write them.
    int countParams() const {
        int n = 0;
        bool quoted = false;
        for (char c : m_sql) {
            if (c == '\'') quoted = !quoted;
            if (c == '?' && !quoted) ++n;
        }
        return n;
    }
    std::string serverSql() const {
        std::string out;
        int n = 0;
        bool quoted = false;
        for (char c : m_sql) {
            if (c == '\'') quoted = !quoted;
            if (c == '?' && !quoted)
                out += fmt::format("${}", ++n);
            else
                out += c;
        }
        return out;
    }
    void run();

    PgConnection& m_c;
    std::string m_sql;
    std::string m_name;        // the server-side prepared statement
    unsigned m_generation = 0; // the connection's, when it was prepared
    std::vector<std::optional<std::string>> m_params;
    Result m_result;
    int m_row = -1;
};

class PgConnection final : public Connection {
public:
    PgConnection(PGconn* conn, std::string uri, std::string where, Access access)
        : m_conn(conn), m_uri(std::move(uri)), m_where(std::move(where)), m_access(access) {
        PQsetNoticeProcessor(
            m_conn, [](void*, const char*) {}, nullptr);
        setUp();
    }
    ~PgConnection() override {
        m_statements.clear();
        PQfinish(m_conn);
    }
    Engine engine() const override { return Engine::PostgreSQL; }
    Statement& prepared(const std::string& sql) override {
        auto& slot = m_statements[sql];
        if (!slot) slot = std::make_unique<PgStatement>(*this, sql);
        slot->reset();
        return *slot;
    }
    void exec(const std::string& script) override { check(PQexec(m_conn, script.c_str())); }
    void beginWrite() override {
        reconnectIfLost();
        // One round trip: the lock first, and the NOTIFY that other devices' watchers receive
        // when (and only if) this transaction commits.
        exec(fmt::format("BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({}); "
                         "NOTIFY {}",
                         kWriteLock, kChannel));
    }
    void beginRead() override {
        reconnectIfLost();
        exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    void commit() override {
        Result r = check(PQexec(m_conn, "COMMIT"));
        // A transaction an error had aborted answers COMMIT with ROLLBACK, and no error.
        if (std::string_view(PQcmdStatus(r.get())) == "ROLLBACK")
            throw SqlError(
                SqlError::Kind::Other,
                fmt::format("{}: the transaction was rolled back: nothing was saved", m_where),
                "ROLLBACK");
    }
    void rollback() noexcept override {
        if (PQtransactionStatus(m_conn) == PQTRANS_IDLE) return;
        PQclear(PQexec(m_conn, "ROLLBACK"));
    }
    bool tableExists(const std::string& table) override {
        auto& q = prepared("SELECT count(*) FROM pg_catalog.pg_tables "
                           "WHERE schemaname = current_schema() AND tablename = ?");
        q.bind(1, table);
        q.executeStep();
        bool out = q.columnInt64(0) > 0;
        q.reset();
        return out;
    }
    void keysGiven(const std::string& table, const std::string& keyColumn) override {
        auto& q = prepared("SELECT pg_get_serial_sequence(?, ?)");
        q.bind(1, table);
        q.bind(2, keyColumn);
        q.executeStep();
        bool identity = q.columnType(0) != ValueType::Null;
        q.reset();
        if (!identity) return;
        exec(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', '{1}'), max({1})) FROM {0} "
                         "HAVING max({1}) IS NOT NULL",
                         table, keyColumn));
    }
    int schemaVersion() override {
        if (!tableExists("vigil_schema")) return 0;
        auto& q = prepared("SELECT coalesce(max(version), 0) FROM vigil_schema");
        q.executeStep();
        int v = static_cast<int>(q.columnInt64(0));
        q.reset();
        return v;
    }
    std::string where() const override { return m_where; }

    // Runs a prepared statement, preparing it on this connection first when needed.
    Result execute(PgStatement& s) {
        reconnectIfLost();
        if (s.m_generation != m_generation || s.m_name.empty()) {
            s.m_name = fmt::format("v{}", ++m_prepared);
            check(PQprepare(m_conn, s.m_name.c_str(), s.serverSql().c_str(), 0, nullptr));
            s.m_generation = m_generation;
        }
        std::vector<const char*> values;
        values.reserve(s.m_params.size());
        for (auto& p : s.m_params)
            values.push_back(p ? p->c_str() : nullptr);
        return check(PQexecPrepared(m_conn, s.m_name.c_str(), static_cast<int>(values.size()),
                                    values.data(), nullptr, nullptr, 0));
    }

    // The result, or the error in words naming the server.
    Result check(PGresult* raw) {
        Result r(raw);
        auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
        std::string state, message;
        if (r) {
            if (auto* s = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE)) state = s;
            if (auto* m = PQresultErrorField(r.get(), PG_DIAG_MESSAGE_PRIMARY)) message = m;
        }
        if (message.empty()) message = firstLine(PQerrorMessage(m_conn));
        std::string engine = state.empty() ? message : fmt::format("{} ({})", message, state);
        if (PQstatus(m_conn) == CONNECTION_BAD || state.starts_with("08") || state == "57P01" ||
            state == "57P02" || state == "57P03")
            throw SqlError(SqlError::Kind::Unreachable,
                           fmt::format("{} cannot be reached ({}): nothing was saved. Vigil "
                                       "connects again at the next action; check the network "
                                       "and that the server is running",
                                       m_where, message),
                           engine);
        SqlError::Kind kind = SqlError::Kind::Other;
        if (state.starts_with("23") || state == "P0001") kind = SqlError::Kind::Constraint;
        if (state == "40001" || state == "40P01") kind = SqlError::Kind::Retry;
        if (state == "53100") kind = SqlError::Kind::DiskFull;
        if (state == "25006" || state == "42501") kind = SqlError::Kind::ReadOnly;
        if (state.starts_with("XX")) kind = SqlError::Kind::Damaged;
        if (state == "42501")
            throw SqlError(kind,
                           fmt::format("{}: the role {} may not do this ({}): nothing was saved",
                                       m_where, PQuser(m_conn), message),
                           engine);
        if (kind == SqlError::Kind::DiskFull)
            throw SqlError(kind,
                           fmt::format("{}: the server's disk is full: nothing was saved. Tell "
                                       "IT; then try again",
                                       m_where),
                           engine);
        throw SqlError(kind, fmt::format("{}: {}", m_where, message), engine);
    }

private:
    void setUp() {
        exec("SET client_min_messages = warning");
        if (m_access == Access::ReadOnly) exec("SET default_transaction_read_only = on");
    }
    // A connection the server dropped is made again before the next action (never inside a
    // transaction: one that was lost is lost, and said so).
    void reconnectIfLost() {
        if (PQstatus(m_conn) == CONNECTION_OK) return;
        PQreset(m_conn);
        if (PQstatus(m_conn) != CONNECTION_OK)
            throw SqlError(SqlError::Kind::Unreachable,
                           fmt::format("{} cannot be reached ({}): nothing was saved. Vigil "
                                       "tries again at the next action",
                                       m_where, firstLine(PQerrorMessage(m_conn))),
                           firstLine(PQerrorMessage(m_conn)));
        ++m_generation; // its prepared statements went with the old session
        setUp();
    }

    PGconn* m_conn;
    std::string m_uri;
    std::string m_where;
    Access m_access;
    unsigned m_generation = 1;
    unsigned m_prepared = 0;
    std::unordered_map<std::string, std::unique_ptr<PgStatement>> m_statements;
};

void PgStatement::run() {
    if (!m_result) {
        m_result = m_c.execute(*this);
        m_row = -1;
    }
}

bool PgStatement::executeStep() {
    run();
    ++m_row;
    return m_row < PQntuples(m_result.get());
}

int PgStatement::exec() {
    m_result.reset();
    run();
    const char* n = PQcmdTuples(m_result.get());
    return n && *n ? std::atoi(n) : 0;
}

} // namespace

std::string describeServer(const std::string& uri) {
    return serverWords(uriOptions(uri));
}

std::unique_ptr<Connection> connectPostgres(const std::string& uri, Access access) {
    auto options = uriOptions(uri);
    if (options.contains("password"))
        throw StoreError(fmt::format(
            "--db: the URI carries a password. Vigil never takes a password in the URI, the "
            "settings, the command line or the environment: remove it from the URI and put it "
            "in the libpq password file (~/.pgpass, mode 0600, or the file PGPASSFILE names), "
            "or use a client certificate"));
    std::string where = serverWords(options);
    // connect_timeout first: a value in the URI overrides it.
    const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"5", "vigil", uri.c_str(), nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, 1);
    if (!conn) throw StoreError(fmt::format("{}: out of memory connecting", where));
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string why = firstLine(PQerrorMessage(conn));
        PQfinish(conn);
        bool noDatabase = why.find("does not exist") != std::string::npos;
        throw SqlError(noDatabase ? SqlError::Kind::Other : SqlError::Kind::Unreachable,
                       fmt::format("{} cannot be reached: {}. Nothing was read or saved: check "
                                   "the URI, the network and that the server is running",
                                   where, why),
                       why);
    }
    return std::make_unique<PgConnection>(conn, uri, where, access);
}

} // namespace vigil::store
