// What a nurse waits for at sign-in: one Argon2id check at the ward's (interactive) cost.
#include "core/staff.h"

#include <benchmark/benchmark.h>

using namespace vigil;

static void BM_CheckPinInteractive(benchmark::State& state) {
    auto hash = hashPin("2468", PinCost::Interactive);
    for (auto _ : state)
        benchmark::DoNotOptimize(pinMatches(hash, "2468"));
}
BENCHMARK(BM_CheckPinInteractive)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
