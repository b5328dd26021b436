// Who is doing what: a round form open at a bed shows on the other devices' boards.
#include "store/escalations.h"
#include "store/round_openings.h"
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
    auto openings = store::lastRoundOpenings(m_db, store::IdList::one(stay));
    auto it = openings.find(stay);
    return inProgress(it == openings.end() ? nullptr : &it->second,
                      store::lastMissedRound(m_db, stay), m_clock.now());
}

std::optional<store::RoundOpening> inProgress(const store::RoundOpening* last,
                                              const std::optional<store::MissedRound>& missed,
                                              TimePoint now) {
    if (!last || !last->opened) return std::nullopt;
    if (now - last->at >= kRoundInProgressFor) return std::nullopt;
    // A missed round recorded after the opening ends it as well (the form's "not done" path).
    // A saved round ended it already: lastRoundOpenings leaves those out.
    if (missed && missed->at >= last->at) return std::nullopt;
    return *last;
}

} // namespace vigil::ward
