#pragma once
// Trends of one patient's rounds: a chart per measure with NEWS2 band shading (the patient view),
// and sparklines (the handoff sheet). Drawn on any wxDC; on screen through a wxGCDC, so by
// wxGraphicsContext, anti-aliased.
#include "core/observation.h"

#include <wx/dc.h>

#include <optional>
#include <string_view>
#include <vector>

namespace vigil::report {

// "rr", "spo2", "hr", "sbp", "temp", "poss" (S = 0), "pain".
std::optional<double> trendValue(const ObservationRound& round, std::string_view key);
std::string_view trendLabel(std::string_view key); // "Respiration rate (/min)"
inline constexpr std::string_view kTrendKeys[] = {"rr",   "spo2", "hr",  "sbp",
                                                  "temp", "poss", "pain"};

// The chart's words are read at arm's length on the tablet: at least 15 px (issue 14).
inline constexpr int kTrendTitlePx = 17;
inline constexpr int kTrendTextPx = 15;

// `rounds` oldest first. The chart's y range covers the values and the usual range; the bands
// where NEWS2 scores 1, 2 and 3 are shaded and labelled, so the shading is not colour alone.
void drawTrendChart(wxDC& dc, wxRect area, const std::vector<ObservationRound>& rounds,
                    std::string_view key);
void drawSparkline(wxDC& dc, wxRect area, const std::vector<ObservationRound>& rounds,
                   std::string_view key);

} // namespace vigil::report
