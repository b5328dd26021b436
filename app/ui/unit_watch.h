#pragma once
// Keeps the screens live: a thread of its own waits on store::ChangeWatcher and hands each event
// to the UI thread (CallAfter), where the frame reloads what is shown or says the server is lost.
#include "store/change_watcher.h"

#include <atomic>
#include <functional>
#include <string>
#include <thread>

class wxEvtHandler;

namespace vigil::ui {

class UnitWatch {
public:
    using Handler = std::function<void(store::ChangeWatcher::Event)>;
    // `onEvent` runs on the UI thread, queued on `owner` (so none runs once it is gone).
    UnitWatch(wxEvtHandler& owner, std::string target, Handler onEvent);
    ~UnitWatch(); // stops the thread and waits for it (at most a quarter of a second)
    UnitWatch(const UnitWatch&) = delete;
    UnitWatch& operator=(const UnitWatch&) = delete;

private:
    void run();
    wxEvtHandler& m_owner;
    std::string m_target;
    Handler m_onEvent;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace vigil::ui
