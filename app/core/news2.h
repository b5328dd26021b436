#pragma once
// NEWS2 (Royal College of Physicians 2017), exactly as clinical-reference §2.
#include "core/observation.h"

#include <optional>
#include <string_view>

namespace vigil::news2 {

enum class Band { Low, LowMedium, Medium, High };

struct Parameters {
    std::optional<int> rr, spo2, o2, sbp, hr, acvpu, temp; // empty: not measured
};

struct Result {
    Parameters parameters;
    int total = 0;         // of the parameters present: "at least N" when !complete
    bool complete = false; // all seven inputs present
    bool redScore = false; // some single parameter scored 3
    Band band = Band::Low;
};

// Expects a round that passed checkEntry; uses the round's SpO2 scale (1 unless prescribed).
Result score(const ObservationRound& round);

int rrScore(double rr);
int spo2Score(double spo2, int scale, std::optional<bool> onOxygen);
int sbpScore(double sbp);
int hrScore(double hr);
int tempScore(double celsius);

std::string_view bandCode(Band b); // "low", "low-medium", "medium", "high"
std::string_view bandWord(Band b); // "Low", "Low-medium", ...
std::string_view bandResponse(Band b);

} // namespace vigil::news2
