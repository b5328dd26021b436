#pragma once
// What a key on the round form's keypad does to the text of a vital sign (issue 14): decimals
// only where the field takes them, and knowing when a value is complete so the keypad can move
// on by itself. Pure text rules, no toolkit: the round form and its tests share them.
#include "core/observation.h"

#include <string>
#include <string_view>

namespace vigil {

// Applies "0".."9", ".", "back" or "clear" to `text` of field `f`; returns the new text.
// A whole-number field never takes a point. A decimal field takes one digit after its point,
// and gets its point by itself once no further whole digit could be a possible value
// ("36" then "9" gives "36.9", as does "36", ".", "9").
std::string applyEntryKey(const NumberField& f, std::string text, std::string_view key);

// True when the value is possible and no further digit could give a possible one (refusal
// limits), so the keypad may go on to the next field: "14" for RR (140 is impossible), "120" for
// BP, "36.9" for temperature. Never after one digit ("9" for RR may be a mistaken "95"), never
// on an impossible value (it stays where it was typed, to be named on Save).
bool entryComplete(const NumberField& f, std::string_view text);

} // namespace vigil
