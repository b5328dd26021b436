#pragma once
// SBAR for the call (clinical-reference §8): Situation, Background, Assessment, Recommendation,
// generated from the round and the stay, and stored with the escalation.
#include "core/news2.h"
#include "core/rules/engine.h"

#include <string>

namespace vigil {

std::string sbar(const Stay& stay, const ObservationRound& round, const news2::Result& score,
                 const rules::Flag& flag, TimePoint now);

} // namespace vigil
