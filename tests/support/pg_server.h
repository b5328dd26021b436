#pragma once
// The test process's own PostgreSQL server (tests/support/pg_server.sh), started on first use and
// stopped when the process ends; a fresh database per test, made from a migrated template.
#include "store/database.h"
#include "store/postgres_engine.h"

#include <atomic>
#include <cstdlib>
#include <fmt/format.h>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace vigil::test {

class PgServer {
public:
    static PgServer& instance() {
        static PgServer server;
        return server;
    }
    // A URI for `database` as `role` on the socket.
    std::string uri(const std::string& database, const std::string& role = "postgres") const {
        return fmt::format("postgresql:///{}?host={}&user={}", database, m_dir, role);
    }
    // A new database holding this Vigil's empty schema.
    std::string freshRecord() {
        auto name = fmt::format("t{}_{}", getpid(), ++m_count);
        admin(fmt::format("CREATE DATABASE {} TEMPLATE vigil_template", name));
        return uri(name);
    }
    // A new database with no schema at all.
    std::string emptyDatabase() {
        auto name = fmt::format("e{}_{}", getpid(), ++m_count);
        admin(fmt::format("CREATE DATABASE {}", name));
        return uri(name);
    }
    void admin(const std::string& sql) {
        store::connectPostgres(uri("postgres"), store::Access::ReadWrite)->exec(sql);
    }
    const std::string& socketDir() const { return m_dir; }
    // The server stopped and started again, its databases kept. The instance is shared by every
    // test of the process: a test that pauses it resumes it whatever happens (ServerPause).
    void pause() { control("pause"); }
    void resume() { control("resume"); }
    ~PgServer() { std::system(fmt::format("{} stop {}", script(), m_dir).c_str()); }

private:
    PgServer() {
        char pattern[] = "/tmp/vigil-pg-XXXXXX";
        if (!mkdtemp(pattern)) throw std::runtime_error("no temporary folder for PostgreSQL");
        m_dir = pattern;
        // Benchmarks set VIGIL_PG_FSYNC=on: a save's cost includes the server's flush.
        const char* fsync = std::getenv("VIGIL_PG_FSYNC");
        if (std::system(
                fmt::format("{} start {} {}", script(), m_dir, fsync ? fsync : "off").c_str()) != 0)
            throw std::runtime_error("the test PostgreSQL server did not start (see above)");
        admin("CREATE DATABASE vigil_template");
        store::migrateRecord(uri("vigil_template"), "");
    }
    void control(const char* what) {
        const char* fsync = std::getenv("VIGIL_PG_FSYNC");
        if (std::system(
                fmt::format("{} {} {} {}", script(), what, m_dir, fsync ? fsync : "off").c_str()) !=
            0)
            throw std::runtime_error(fmt::format("the test PostgreSQL server did not {}", what));
    }
    static std::string script() {
        return std::string(VIGIL_SOURCE_DIR) + "/tests/support/pg_server.sh";
    }
    std::string m_dir;
    std::atomic<int> m_count{0};
};

// The server away for the life of this object, back (databases kept) when it ends.
class ServerPause {
public:
    ServerPause() { PgServer::instance().pause(); }
    ~ServerPause() { resumeNow(); }
    void resumeNow() {
        if (m_paused) PgServer::instance().resume();
        m_paused = false;
    }
    ServerPause(const ServerPause&) = delete;
    ServerPause& operator=(const ServerPause&) = delete;

private:
    bool m_paused = true;
};

// Which engine the store and ward tests run on: VIGIL_TEST_ENGINE=postgresql runs them against
// the process's own server (CTest runs them both ways).
inline bool onServer() {
    const char* e = std::getenv("VIGIL_TEST_ENGINE");
    return e && std::string(e) == "postgresql";
}

} // namespace vigil::test

namespace vigil::test {
// A record for one test: a new file in `dir`, or a new database on the test server.
template <class Dir> std::string recordIn(const Dir& dir, const std::string& file = "vigil.db") {
    return onServer() ? PgServer::instance().freshRecord() : dir.file(file);
}
} // namespace vigil::test

namespace vigil::test {
// Every value of every row of `sql`, joined by `sep`, on either engine.
inline std::string joined(store::Database& db, const std::string& sql, const std::string& sep) {
    auto q = db.prepared(sql);
    std::string out;
    bool first = true;
    while (q->executeStep())
        for (int i = 0; i < q->getColumnCount(); ++i) {
            out += (first ? "" : sep) + q->getColumn(i).getString();
            first = false;
        }
    return out;
}
} // namespace vigil::test
