// The charge nurse's shift summary for 20 beds (at most 20 ms) and the handoff PDF for 20
// patients (at most 500 ms), on the 20-bed, 365-day demo database.
#include "demo_db.h"

#include "report/pdf.h"
#include "store/database.h"
#include "ward/ward.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <wx/init.h>

using namespace vigil;

static void BM_ShiftSummary20Beds(benchmark::State& state) {
    store::Database db(bench::yearDemoDatabase());
    SystemClock clock;
    ward::Ward ward(db, clock);
    auto shift = shiftAt(clock.now(), {});
    for (auto _ : state) {
        auto summary = ward.shiftSummary(shift);
        benchmark::DoNotOptimize(summary.patients.data());
        if (summary.patients.size() < 20) state.SkipWithError("expected 20 beds or more");
    }
}
BENCHMARK(BM_ShiftSummary20Beds)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// From the database to the PDF on disk: the sheet's queries, layout, drawing and cairo's writing.
static void BM_HandoffPdf20Patients(benchmark::State& state) {
    static wxInitializer wx; // drawing only, no display: as `vigil handoff` runs
    store::Database db(bench::yearDemoDatabase());
    SystemClock clock;
    ward::Ward ward(db, clock);
    auto shift = shiftAt(clock.now(), {});
    auto path = (std::filesystem::temp_directory_path() / "vigil-bench-handoff.pdf").string();
    for (auto _ : state) {
        auto sheet = ward.handoffSheet(shift, "Recovery unit", "Benchmark");
        if (sheet.patients.size() != 20) state.SkipWithError("expected 20 patients on the ward");
        benchmark::DoNotOptimize(report::writeHandoffPdf(sheet, path, Paper::A4, {}));
    }
    std::filesystem::remove(path);
}
BENCHMARK(BM_HandoffPdf20Patients)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
