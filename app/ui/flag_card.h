#pragma once
// One flag as the nurse reads it: level (word, symbol, colour), what was found, why the rule
// held, and what to do.
#include "core/rules/engine.h"

#include <wx/panel.h>

namespace vigil::ui {

wxPanel* makeFlagCard(wxWindow* parent, const rules::Flag& flag, int wrapWidth);
// The flags that matter on the board: watch and above. Info is recorded only.
const rules::Flag* highestAlert(const std::vector<rules::Flag>& flags);

} // namespace vigil::ui
