#pragma once
// SBAR for the call (clinical-reference §8): Situation, Background, Assessment, Recommendation,
// generated from the round and the stay, and stored with the escalation.
#include "core/news2.h"
#include "core/rules/engine.h"

#include <string>
#include <vector>

namespace vigil {

// `flags`: every flag of the escalation, highest level first; the call names all of them.
std::string sbar(const Stay& stay, const ObservationRound& round, const news2::Result& score,
                 const std::vector<rules::Flag>& flags, TimePoint now);

} // namespace vigil
