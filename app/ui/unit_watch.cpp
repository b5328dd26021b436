#include "ui/unit_watch.h"

#include <wx/event.h>

namespace vigil::ui {

UnitWatch::UnitWatch(wxEvtHandler& owner, std::string target, Handler onEvent)
    : m_owner(owner), m_target(std::move(target)), m_onEvent(std::move(onEvent)),
      m_thread([this] { run(); }) {}

UnitWatch::~UnitWatch() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

void UnitWatch::run() {
    std::unique_ptr<store::ChangeWatcher> watcher;
    try {
        // Made here, not on the UI thread: connecting to a far server must not freeze a screen.
        watcher = store::watchChanges(m_target);
    } catch (const std::exception&) {
        return; // the record itself was opened, so saves still say what fails; no live reload
    }
    while (!m_stop) {
        auto event = watcher->wait(std::chrono::milliseconds(250));
        if (event == store::ChangeWatcher::Event::Nothing || m_stop) continue;
        // Queued on the owner: wx deletes what is still queued when the owner goes.
        m_owner.CallAfter([handler = m_onEvent, event] { handler(event); });
    }
}

} // namespace vigil::ui
