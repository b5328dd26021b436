#include "store/change_watcher.h"

#include "store/database.h"
#include "store/postgres_engine.h"

#include <SQLiteCpp/Database.h>
#include <thread>

namespace vigil::store {

namespace {

// SQLite: data_version is per connection and moves when any *other* connection commits; reading
// it touches only the shared-memory index, not the file's pages.
class FileWatcher final : public ChangeWatcher {
public:
    explicit FileWatcher(std::string path)
        : m_path(std::move(path)), m_db(m_path, SQLite::OPEN_READONLY) {
        m_db.setBusyTimeout(1000);
        m_version = version();
    }
    Event wait(std::chrono::milliseconds timeout) override {
        auto until = std::chrono::steady_clock::now() + timeout;
        // Ten looks a second (a read of shared memory each): the bar is one second from another
        // process's save to the screen.
        constexpr auto kLook = std::chrono::milliseconds(100);
        while (true) {
            try {
                auto now = version();
                if (now != m_version) {
                    m_version = now;
                    return Event::Changed;
                }
            } catch (const std::exception&) {
                // Busy for a moment (a checkpoint): looked at again below.
            }
            auto left = until - std::chrono::steady_clock::now();
            if (left <= std::chrono::milliseconds(0)) return Event::Nothing;
            std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, kLook));
        }
    }
    std::string where() const override { return m_path; }

private:
    std::int64_t version() { return m_db.execAndGet("PRAGMA data_version").getInt64(); }
    std::string m_path;
    SQLite::Database m_db;
    std::int64_t m_version = 0;
};

} // namespace

std::unique_ptr<ChangeWatcher> watchChanges(const std::string& target) {
    if (isServerUri(target)) return watchServer(target);
    try {
        return std::make_unique<FileWatcher>(target);
    } catch (const std::exception& e) {
        throw StoreError(target + " cannot be watched for changes: " + e.what());
    }
}

} // namespace vigil::store
