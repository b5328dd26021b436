#pragma once
// The first worked example of clinical-reference §2: every NEWS2 input present, total 0.
#include "core/observation.h"

namespace vigil::test {

inline ObservationRound normalRound(StayId stay) {
    ObservationRound r;
    r.stay = stay;
    r.rr = 14;
    r.spo2 = 97;
    r.onOxygen = false;
    r.sbp = 128;
    r.dbp = 76;
    r.hr = 72;
    r.acvpu = Acvpu::Alert;
    r.temp = 36.9;
    r.poss = Poss::Awake;
    return r;
}

} // namespace vigil::test
