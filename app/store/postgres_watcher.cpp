// The server's side of store/change_watcher.h: LISTEN on a connection of its own.
#include "store/change_watcher.h"
#include "store/database.h"
#include "store/postgres_detail.h"
#include "store/postgres_engine.h"

#include <algorithm>
#include <fmt/format.h>
#include <poll.h>
#include <thread>

namespace vigil::store {

using namespace pg;

namespace {
// LISTEN on a connection of its own; a dropped connection is reported once, then tried again.
class ServerWatcher final : public ChangeWatcher {
public:
    explicit ServerWatcher(std::string uri)
        : m_uri(std::move(uri)), m_where(serverWords(uriOptions(m_uri))) {
        if (!connect()) m_lost = true, m_reported = false;
    }
    ~ServerWatcher() override {
        if (m_conn) PQfinish(m_conn);
    }
    Event wait(std::chrono::milliseconds timeout) override {
        if (!m_conn) {
            if (!m_reported) {
                m_reported = true;
                return Event::Lost;
            }
            std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(1000)));
            if (!connect()) return Event::Nothing;
            m_lost = false;
            return Event::Back;
        }
        auto until = std::chrono::steady_clock::now() + timeout;
        while (true) {
            // Whatever arrived (a notice, or the server's goodbye before it closes) is read, and
            // the wait goes on for the time left.
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                until - std::chrono::steady_clock::now());
            pollfd fd{PQsocket(m_conn), POLLIN, 0};
            int ready = ::poll(&fd, 1, static_cast<int>(std::max<long>(0, left.count())));
            if (ready > 0 && !PQconsumeInput(m_conn)) return drop();
            bool changed = false;
            while (PGnotify* n = PQnotifies(m_conn)) {
                changed = true;
                PQfreemem(n);
            }
            if (PQstatus(m_conn) != CONNECTION_OK) return drop();
            if (changed) return Event::Changed;
            if (ready <= 0) return Event::Nothing;
        }
    }
    std::string where() const override { return m_where; }

private:
    Event drop() {
        PQfinish(m_conn);
        m_conn = nullptr;
        m_lost = m_reported = true;
        return Event::Lost;
    }
    bool connect() {
        // Keepalives: a server gone without a word (a pulled cable) is noticed within ~20 s.
        const char* keys[] = {"connect_timeout",
                              "keepalives_idle",
                              "keepalives_interval",
                              "keepalives_count",
                              "application_name",
                              "dbname",
                              nullptr};
        const char* values[] = {"5", "10", "5", "2", "vigil-watch", m_uri.c_str(), nullptr};
        m_conn = PQconnectdbParams(keys, values, 1);
        if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
            if (m_conn) PQfinish(m_conn);
            m_conn = nullptr;
            return false;
        }
        PQsetNoticeProcessor(
            m_conn, [](void*, const char*) {}, nullptr);
        Result r(PQexec(m_conn, fmt::format("LISTEN {}", kChannel).c_str()));
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
            PQfinish(m_conn);
            m_conn = nullptr;
            return false;
        }
        return true;
    }
    std::string m_uri, m_where;
    PGconn* m_conn = nullptr;
    bool m_lost = false, m_reported = true;
};
} // namespace

std::unique_ptr<ChangeWatcher> watchServer(const std::string& uri) {
    if (uriOptions(uri).contains("password"))
        throw StoreError("--db: the URI carries a password: put it in the libpq password file");
    return std::make_unique<ServerWatcher>(uri);
}

} // namespace vigil::store
