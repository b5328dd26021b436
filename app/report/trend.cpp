#include "report/trend.h"

#include "core/news2.h"
#include "core/timefmt.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace vigil::report {

namespace {
struct Scale {
    double low, high; // the axis always shows at least this range
};
Scale usual(std::string_view key) {
    if (key == "rr") return {6, 30};
    if (key == "spo2") return {85, 100};
    if (key == "hr") return {40, 140};
    if (key == "sbp") return {80, 200};
    if (key == "temp") return {35, 39.5};
    if (key == "poss") return {0, 4};
    return {0, 10}; // pain
}
// The NEWS2 score a value would get, from the scoring itself so the shading cannot disagree.
std::optional<int> scoreOf(std::string_view key, double v) {
    if (key == "rr") return news2::rrScore(v);
    if (key == "spo2") return news2::spo2Score(v, 1, false);
    if (key == "hr") return news2::hrScore(v);
    if (key == "sbp") return news2::sbpScore(v);
    if (key == "temp") return news2::tempScore(v);
    if (key == "poss") return v >= 3 ? std::optional(3) : std::optional(0); // POSS 3-4: act
    return std::nullopt;
}
// Pixels on the tablet's 96 DPI screen, as points (a pixel-sized wxFont was not honoured here).
double points(int pixels) {
    return pixels * 72.0 / 96.0;
}

wxColour shade(int score) {
    switch (score) {
    case 1: return wxColour(255, 246, 200);
    case 2: return wxColour(255, 222, 170);
    case 3: return wxColour(255, 196, 196);
    }
    return wxColour(255, 255, 255);
}
} // namespace

std::optional<double> trendValue(const ObservationRound& r, std::string_view key) {
    if (key == "poss") return r.poss ? std::optional(static_cast<double>(*r.poss)) : std::nullopt;
    auto* f = findNumberField(key);
    return f ? r.*(f->member) : std::nullopt;
}

std::string_view trendLabel(std::string_view key) {
    if (key == "rr") return "Respiration rate (/min)";
    if (key == "spo2") return "SpO2 (%)";
    if (key == "hr") return "Pulse (/min)";
    if (key == "sbp") return "Systolic BP (mmHg)";
    if (key == "temp") return "Temperature (\u00b0C)";
    if (key == "poss") return "Sedation (POSS, S = 0)";
    return "Pain (0-10)";
}

void drawTrendChart(wxDC& dc, wxRect area, const std::vector<ObservationRound>& rounds,
                    std::string_view key) {
    Scale s = usual(key);
    for (auto& r : rounds)
        if (auto v = trendValue(r, key)) s = {std::min(s.low, *v), std::max(s.high, *v)};
    // Pixel sizes: read at arm's length on the tablet, at least 15 px (issue 14).
    dc.SetFont(wxFont(wxFontInfo(points(kTrendTitlePx)).Family(wxFONTFAMILY_SWISS).Bold()));
    dc.SetTextForeground(*wxBLACK);
    dc.DrawText(wxString::FromUTF8(std::string(trendLabel(key))), area.x, area.y);
    int top = area.y + dc.GetCharHeight() + 2;
    wxRect plot(area.x + 44, top, area.width - 52, area.GetBottom() - top - 16);
    if (plot.width < 20 || plot.height < 20) return;
    auto yOf = [&](double v) {
        return plot.GetBottom() - static_cast<int>((v - s.low) / (s.high - s.low) * plot.height);
    };
    // Band shading, one pixel row at a time from the score function; a score label at each band.
    dc.SetPen(*wxTRANSPARENT_PEN);
    std::optional<int> previous;
    std::vector<std::pair<int, int>> labels; // (y where a band starts, its score)
    for (int y = plot.GetTop(); y <= plot.GetBottom(); ++y) {
        double v = s.low + (plot.GetBottom() - y) * (s.high - s.low) / plot.height;
        auto score = scoreOf(key, v);
        if (!score) break;
        dc.SetBrush(wxBrush(shade(*score)));
        dc.DrawRectangle(plot.x, y, plot.width, 1);
        if (score != previous && *score > 0) labels.emplace_back(y, *score);
        previous = score;
    }
    // Each shaded band says its NEWS2 score in a word too, after the shading so it stays on top.
    dc.SetFont(wxFont(wxFontInfo(points(kTrendTextPx)).Family(wxFONTFAMILY_SWISS)));
    dc.SetTextForeground(wxColour(70, 70, 70));
    int free = plot.GetTop(); // labels of narrow bands never overlap: one drawn under another
    for (auto [y, score] : labels) {
        wxString word = wxString::Format(key == "poss" ? "act" : "scores %d", score);
        int at = std::max(std::min(y + 1, plot.GetBottom() - dc.GetCharHeight()), free);
        if (at + dc.GetCharHeight() > plot.GetBottom() + 1) break;
        dc.DrawText(word, plot.GetRight() - dc.GetTextExtent(word).x - 4, at);
        free = at + dc.GetCharHeight();
    }
    dc.SetTextForeground(*wxBLACK);
    dc.SetPen(wxPen(wxColour(150, 150, 150)));
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    dc.DrawRectangle(plot);
    dc.SetFont(wxFont(wxFontInfo(points(kTrendTextPx)).Family(wxFONTFAMILY_SWISS)));
    for (double v : {s.low, s.high})
        dc.DrawText(wxString::FromUTF8(fmt::format("{:g}", std::round(v * 10) / 10)), area.x,
                    yOf(v) - dc.GetCharHeight() / 2);
    std::vector<std::pair<TimePoint, double>> points;
    for (auto& r : rounds)
        if (auto v = trendValue(r, key)) points.emplace_back(r.takenAt, *v);
    if (points.empty()) {
        dc.DrawText("not measured", plot.x + 8, plot.y + plot.height / 2 - 6);
        return;
    }
    auto t0 = points.front().first, t1 = points.back().first;
    double span = std::max(1.0, std::chrono::duration<double>(t1 - t0).count());
    auto xOf = [&](TimePoint t) {
        return plot.x + 6 +
               static_cast<int>(std::chrono::duration<double>(t - t0).count() / span *
                                (plot.width - 12));
    };
    dc.DrawText(wxString::FromUTF8(formatLocalTime(t0)), plot.x, plot.GetBottom() + 2);
    auto endLabel = wxString::FromUTF8(formatLocalTime(t1));
    dc.DrawText(endLabel, plot.GetRight() - dc.GetTextExtent(endLabel).x, plot.GetBottom() + 2);
    dc.SetPen(wxPen(wxColour(20, 60, 140), 2));
    for (std::size_t i = 1; i < points.size(); ++i)
        dc.DrawLine(xOf(points[i - 1].first), yOf(points[i - 1].second), xOf(points[i].first),
                    yOf(points[i].second));
    dc.SetBrush(wxBrush(wxColour(20, 60, 140)));
    for (auto& [t, v] : points)
        dc.DrawCircle(xOf(t), yOf(v), 3);
}

void drawSparkline(wxDC& dc, wxRect area, const std::vector<ObservationRound>& rounds,
                   std::string_view key) {
    std::vector<double> values;
    for (auto& r : rounds)
        if (auto v = trendValue(r, key)) values.push_back(*v);
    dc.SetPen(wxPen(wxColour(190, 190, 190)));
    dc.DrawLine(area.x, area.GetBottom(), area.GetRight(), area.GetBottom());
    if (values.empty()) return;
    Scale s = usual(key);
    for (double v : values)
        s = {std::min(s.low, v), std::max(s.high, v)};
    auto yOf = [&](double v) {
        return area.GetBottom() - static_cast<int>((v - s.low) / (s.high - s.low) * area.height);
    };
    auto xOf = [&](std::size_t i) {
        return values.size() == 1 ? area.x + area.width / 2
                                  : area.x + static_cast<int>(i * area.width / (values.size() - 1));
    };
    dc.SetPen(wxPen(*wxBLACK, 1));
    for (std::size_t i = 1; i < values.size(); ++i)
        dc.DrawLine(xOf(i - 1), yOf(values[i - 1]), xOf(i), yOf(values[i]));
    dc.SetBrush(*wxBLACK_BRUSH);
    dc.DrawCircle(xOf(values.size() - 1), yOf(values.back()), 2);
}

} // namespace vigil::report
