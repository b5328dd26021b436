#include "core/news2.h"

#include <cmath>

namespace vigil::news2 {

int rrScore(double rr) {
    if (rr <= 8) return 3;
    if (rr <= 11) return 1;
    if (rr <= 20) return 0;
    if (rr <= 24) return 2;
    return 3;
}

int spo2Score(double s, int scale, std::optional<bool> onOxygen) {
    if (scale == 2) {
        if (s <= 83) return 3;
        if (s <= 85) return 2;
        if (s <= 87) return 1;
        if (s <= 92) return 0;
        // >= 93 scores only on oxygen; on air (or air/oxygen not recorded) it is the target range.
        if (onOxygen != true) return 0;
        if (s <= 94) return 1;
        if (s <= 96) return 2;
        return 3;
    }
    if (s <= 91) return 3;
    if (s <= 93) return 2;
    if (s <= 95) return 1;
    return 0;
}

int sbpScore(double v) {
    if (v <= 90) return 3;
    if (v <= 100) return 2;
    if (v <= 110) return 1;
    if (v <= 219) return 0;
    return 3;
}

int hrScore(double v) {
    if (v <= 40) return 3;
    if (v <= 50) return 1;
    if (v <= 90) return 0;
    if (v <= 110) return 1;
    if (v <= 130) return 2;
    return 3;
}

int tempScore(double c) {
    // Round half up to one decimal first, so nurse and engine agree at band edges (§2). The small
    // epsilon keeps 38.05 (stored as 38.04999...) rounding up as a nurse would.
    long tenths = std::lround(std::floor(c * 10.0 + 0.5 + 1e-9));
    if (tenths <= 350) return 3;
    if (tenths <= 360) return 1;
    if (tenths <= 380) return 0;
    if (tenths <= 390) return 1;
    return 2;
}

Result score(const ObservationRound& r) {
    Result out;
    Parameters& p = out.parameters;
    if (r.rr) p.rr = rrScore(*r.rr);
    if (r.spo2) p.spo2 = spo2Score(*r.spo2, r.spo2Scale, r.onOxygen);
    if (r.onOxygen) p.o2 = *r.onOxygen ? 2 : 0;
    if (r.sbp) p.sbp = sbpScore(*r.sbp);
    if (r.hr) p.hr = hrScore(*r.hr);
    if (r.acvpu) p.acvpu = *r.acvpu == Acvpu::Alert ? 0 : 3;
    if (r.temp) p.temp = tempScore(*r.temp);

    out.complete = true;
    for (const auto* s : {&p.rr, &p.spo2, &p.o2, &p.sbp, &p.hr, &p.acvpu, &p.temp}) {
        if (!*s) {
            out.complete = false;
            continue;
        }
        out.total += **s;
        out.redScore = out.redScore || **s == 3;
    }
    if (out.total >= 7)
        out.band = Band::High;
    else if (out.total >= 5)
        out.band = Band::Medium;
    else if (out.redScore)
        out.band = Band::LowMedium;
    else
        out.band = Band::Low;
    return out;
}

std::string_view bandCode(Band b) {
    switch (b) {
    case Band::Low: return "low";
    case Band::LowMedium: return "low-medium";
    case Band::Medium: return "medium";
    case Band::High: return "high";
    }
    return "low";
}

std::string_view bandWord(Band b) {
    switch (b) {
    case Band::Low: return "Low";
    case Band::LowMedium: return "Low-medium";
    case Band::Medium: return "Medium";
    case Band::High: return "High";
    }
    return "Low";
}

std::string_view bandResponse(Band b) {
    switch (b) {
    case Band::Low: return "Routine: registered nurse assesses";
    case Band::LowMedium: return "Hourly obs; inform the medical team";
    case Band::Medium: return "Hourly obs; urgent clinician review";
    case Band::High: return "Continuous monitoring; emergency response";
    }
    return "";
}

} // namespace vigil::news2
