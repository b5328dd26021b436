// The FHIR export of the 20-bed, 365-day demo database (issue 15), in rounds per second: the
// whole `vigil export fhir --out` path (reading, building each bundle, writing each file whole),
// and building the bundles alone.
#include "demo_db.h"

#include "cli/fhir_cmd.h"
#include "cli/fhir_records.h"
#include "store/database.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <sstream>

using namespace vigil;

namespace {
cli::Settings fhirSettings() {
    cli::Settings s;
    s.fhir = {"https://hospital.example/fhir/mrn", "https://hospital.example/fhir/CodeSystem/vigil",
              ""};
    return s;
}
} // namespace

static void BM_FhirExportYearToFiles(benchmark::State& state) {
    auto path = bench::yearDemoDatabase();
    auto out = std::filesystem::temp_directory_path() / "vigil-bench-fhir";
    auto settings = fhirSettings();
    std::int64_t rounds = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove_all(out);
        state.ResumeTiming();
        std::ostringstream said, err;
        cli::FhirExportArgs args;
        args.db = path;
        args.out = out.string();
        if (cli::runFhirExport(args, settings, said, err) != 0)
            state.SkipWithError(err.str().c_str());
        rounds += std::distance(std::filesystem::directory_iterator(out),
                                std::filesystem::directory_iterator());
    }
    state.counters["rounds"] = benchmark::Counter(static_cast<double>(rounds) / state.iterations());
    state.counters["rounds/s"] =
        benchmark::Counter(static_cast<double>(rounds), benchmark::Counter::kIsRate);
    std::filesystem::remove_all(out);
}
BENCHMARK(BM_FhirExportYearToFiles)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)  // a whole year is ~100,000 rounds: one pass is the measurement
    ->UseRealTime(); // writing files waits on the disk: wall time is what a user sees

static void BM_FhirBundlesYearInMemory(benchmark::State& state) {
    store::Database db(bench::yearDemoDatabase(), store::Durability::Full, store::Access::ReadOnly);
    auto systems = fhirSettings().fhir;
    std::int64_t rounds = 0;
    for (auto _ : state) {
        cli::forEachRound(db, {}, [&](const fhir::RoundRecord& r) {
            benchmark::DoNotOptimize(fhir::roundBundle(r, systems));
            ++rounds;
        });
    }
    state.counters["rounds/s"] =
        benchmark::Counter(static_cast<double>(rounds), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FhirBundlesYearInMemory)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
