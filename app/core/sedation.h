#pragma once
// POSS (Pasero 1994; clinical-reference §3). Short labels only: the full wording is copyrighted.
#include "core/observation.h"

#include <string_view>

namespace vigil::poss {

std::string_view code(Poss p);    // "S", "1".."4"
std::string_view meaning(Poss p); // short label
bool acceptable(Poss p);          // S, 1, 2
// What §3 says to do at this level; empty when acceptable.
std::string_view response(Poss p);

} // namespace vigil::poss
