// The ward board on a 20-bed, 365-day demo database (at most 10 ms), and start-up to the first
// screen shown (at most 0.5 s; needs a display: run under xvfb-run). Since sign-in (issue 6) the
// first screen is sign-in; the board follows a PIN, at BM_WardBoardQuery's cost plus its tiles.
#include "demo_db.h"

#include "store/database.h"
#include "ward/ward.h"

#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdlib>
#include <fmt/format.h>

using namespace vigil;

static void BM_WardBoardQuery(benchmark::State& state) {
    store::Database db(bench::yearDemoDatabase());
    SystemClock clock;
    ward::Ward ward(db, clock);
    for (auto _ : state) {
        auto beds = ward.board();
        benchmark::DoNotOptimize(beds.data());
        if (beds.size() != 20) state.SkipWithError("expected 20 occupied beds");
    }
}
BENCHMARK(BM_WardBoardQuery)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

static void BM_StartToFirstScreen(benchmark::State& state) {
    if (!std::getenv("DISPLAY")) {
        state.SkipWithError("needs a display: run under xvfb-run");
        return;
    }
    auto db = bench::yearDemoDatabase();
    auto command = fmt::format("'{}' --db '{}' --quit-after-start", VIGIL_BINARY, db);
    for (auto _ : state) {
        if (std::system(command.c_str()) != 0) state.SkipWithError("vigil did not start");
    }
}
BENCHMARK(BM_StartToFirstScreen)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(5)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
