#pragma once
// The order of the ward board's tiles (issue 14): by bed, as the beds stand in the room, or by
// urgency, the bed that needs a nurse first at the top.
#include "ward/ward.h"

#include <string>
#include <vector>

namespace vigil::ward {

enum class BoardOrder { Urgency, Bed };

// Urgency: the highest open escalation's level first, then the highest open flag's level, then
// the longest overdue round, then the soonest next round; beds alike in all four keep bed order.
// Bed: the ward's bed order (store::inBedOrder).
void orderBoard(std::vector<BedView>& beds, BoardOrder order);

// What the board says its order is, in words.
std::string boardOrderWords(BoardOrder order);

} // namespace vigil::ward
