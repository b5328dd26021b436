#pragma once
// One bed of the ward board as a compact tile (issue 14: twelve beds fit 1280x800 without
// scrolling). Every line has its fixed place and the tile its fixed height, whatever the bed's
// state: a text longer than the tile ends in "…" (the chart has all of it) instead of growing
// the tile and pushing beds off the screen.
#include "ui/commands.h"
#include "ward/ward.h"

#include <functional>
#include <optional>

class wxPanel;
class wxWindow;

namespace vigil::ui {

// Buttons on a tile: 52 DIP high (above the 48 minimum), as wide as their words or wider.
constexpr int kTileButtonDip = 52;

// `justAcknowledged`: when this tablet acknowledged the bed's escalation, while the hold against
// a double tap lasts; `acknowledging` is told before Acknowledge runs.
wxPanel* makeBedTile(wxWindow* parent, const ward::BedView& bed, Context context, TimePoint now,
                     std::optional<TimePoint> justAcknowledged,
                     const std::function<void(StayId)>& acknowledging);

} // namespace vigil::ui
