#pragma once
// Tells a device that another one saved something: on PostgreSQL a LISTEN on its own connection
// (every write transaction sends NOTIFY, delivered only if it commits); on SQLite its own
// connection's PRAGMA data_version, which moves when another connection commits. Either way no
// reload on a timer: the screen reloads when the record changed, within a second.
#include <chrono>
#include <memory>
#include <string>

namespace vigil::store {

class ChangeWatcher {
public:
    enum class Event {
        Nothing, // the time passed, nothing changed
        Changed, // another connection committed a write: reload what is shown
        Lost,    // the server cannot be reached (once, when it is lost)
        Back,    // reached again: reload everything, anything may have changed meanwhile
    };
    virtual ~ChangeWatcher() = default;
    // Waits up to `timeout` for a change. Never throws: a lost server is an event.
    virtual Event wait(std::chrono::milliseconds timeout) = 0;
    // What is watched, in words (the file, or the unit server).
    virtual std::string where() const = 0;
};

// For `target` (a file or a server URI, as --db takes). Throws StoreError when it cannot be
// watched at all (no such file, a URI with a password).
std::unique_ptr<ChangeWatcher> watchChanges(const std::string& target);

} // namespace vigil::store
