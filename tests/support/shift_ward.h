#pragma once
// A ward with `n` patients through a day shift (07:00-19:00 UTC, 22 Nov 2026): three rounds each,
// every fifth patient frequently drowsy (POSS 3, an urgent flag), and the clock at 13:00.
#include "support/rounds.h"
#include "support/ward_world.h"

#include <fmt/format.h>

namespace vigil::test {

struct ShiftWard : WardWorld {
    Shift day{std::chrono::sys_days{std::chrono::November / 22 / 2026} + std::chrono::hours(7),
              std::chrono::sys_days{std::chrono::November / 22 / 2026} + std::chrono::hours(19),
              "Day shift Sun 22 Nov 2026, 07:00-19:00"};
    std::vector<StayId> stays;

    void fill(int n) {
        clock.set(day.start + std::chrono::hours(1));
        for (int i = 1; i <= n; ++i) {
            Stay s;
            s.bed = std::to_string(i);
            s.name = fmt::format("Patient{:02} Surname{:02}", i, i);
            s.mrn = fmt::format("D{:07}", i);
            s.since = clock.now() - std::chrono::hours(2);
            s.drugs = {Drug::Morphine};
            auto out = ward.admit(s, nurse);
            REQUIRE(out.admitted);
            stays.push_back(*out.admitted);
        }
        for (int r = 0; r < 3; ++r) {
            clock.advance(std::chrono::minutes(55));
            for (int i = 0; i < n; ++i) {
                auto round = normalRound(stays[static_cast<std::size_t>(i)]);
                round.rr = 14 + r;
                if (i % 5 == 0 && r == 2) round.poss = Poss::FrequentlyDrowsy;
                REQUIRE(ward.recordRound(round, {}, nurse).saved);
            }
        }
        clock.set(day.start + std::chrono::hours(6));
    }
};

} // namespace vigil::test
