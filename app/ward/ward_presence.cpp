// Who is doing what: a round form open at a bed shows on the other devices' boards.
#include "store/rounds.h"
#include "ward/transaction.h"
#include "ward/ward.h"

namespace vigil::ward {

void Ward::roundOpened(StayId stay, const std::string& deviceKey, StaffId by) {
    auto now = m_clock.now();
    // Through a write transaction like any save, so other devices are told at once (NOTIFY).
    inTransaction(m_db, "The round in progress", by, now, [&] {
        store::insertRoundOpening(m_db, {stay, by, {}, deviceKey, true, now});
        return true;
    });
}

void Ward::roundLeft(StayId stay, const std::string& deviceKey, StaffId by) {
    auto now = m_clock.now();
    inTransaction(m_db, "The round left unsaved", by, now, [&] {
        store::insertRoundOpening(m_db, {stay, by, {}, deviceKey, false, now});
        return true;
    });
}

std::optional<store::RoundOpening> Ward::roundInProgress(StayId stay) {
    auto last = store::lastRoundOpening(m_db, stay);
    if (!last || !last->opened) return std::nullopt;
    if (m_clock.now() - last->at >= kRoundInProgressFor) return std::nullopt;
    // Saved: the round carries the key the form was opened with.
    if (!last->deviceKey.empty() && store::roundByDeviceKey(m_db, last->deviceKey))
        return std::nullopt;
    // A missed round recorded after the opening ends it as well (the form's "not done" path).
    if (auto missed = store::lastMissedRound(m_db, stay); missed && missed->at >= last->at)
        return std::nullopt;
    return last;
}

} // namespace vigil::ward
