#pragma once
// Rounds in progress (schema 14): a round form opened at a bed, and left unsaved. Insert-only;
// what shows on the board is decided in ward::Ward::board from the newest row of a stay.
#include "core/observation.h"
#include "store/database.h"
#include "store/id_list.h"

#include <map>
#include <optional>
#include <string>

namespace vigil::store {

struct RoundOpening {
    StayId stay = 0;
    StaffId by = 0;
    std::string staffName; // read back with the row, for the board's words
    std::string deviceKey; // the round form's key: the round saved with it closes the opening
    bool opened = true;    // false: the form was left without saving
    TimePoint at{};
};

void insertRoundOpening(Database& db, const RoundOpening& o);
// The newest opening or leaving recorded for each stay of `stays`, left out when the round saved
// with its device key has ended it.
std::map<StayId, RoundOpening> lastRoundOpenings(Database& db, const IdList& stays);

} // namespace vigil::store
