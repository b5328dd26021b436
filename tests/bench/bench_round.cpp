// Saving a round (validate, score, one durable transaction) against a bare durable insert of the
// same row, in the same run and on the same kind of file. The bar: at most 2x.
#include "store/rounds.h"
#include "support/rounds.h"
#include "support/temp_dir.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <SQLiteCpp/Transaction.h>
#include <benchmark/benchmark.h>

using namespace vigil;

namespace {
struct Setup {
    test::TempDir dir;
    store::Database db{dir.file("bench.db")};
    SystemClock clock;
    ward::Ward ward{db, clock};
    StaffId nurse = ward.ensureStaff("Bench nurse", store::Role::Nurse);
    StayId stay = [&] {
        Stay s;
        s.bed = "1";
        s.name = "Bench Patient";
        s.mrn = "D0000001";
        s.since = clock.now();
        s.drugs = {Drug::Morphine};
        return *ward.admit(s, nurse).admitted;
    }();
    ObservationRound round() const {
        auto r = test::normalRound(stay);
        r.pain = 2;
        r.nausea = 0;
        r.itching = 1;
        r.bleeding = Bleeding::None;
        r.newWeakness = false;
        return r;
    }
};
} // namespace

static void BM_SaveRound(benchmark::State& state) {
    Setup s;
    auto r = s.round();
    for (auto _ : state) {
        auto out = s.ward.recordRound(r, {}, s.nurse);
        benchmark::DoNotOptimize(out.saved);
    }
}
BENCHMARK(BM_SaveRound)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

// The same save at a ward's pace: rounds 15 minutes apart, so the rules' time windows (the
// longest is 6 h, Bromage rising) hold what they would on the ward. BM_SaveRound saves every
// round at the same instant, so each window holds every round saved so far and its cost grows
// with the iteration count: the worst case, not the ward's.
static void BM_SaveRoundAtWardPace(benchmark::State& state) {
    Setup s;
    ManualClock clock(s.clock.now());
    ward::Ward ward(s.db, clock);
    auto r = s.round();
    for (auto _ : state) {
        clock.advance(std::chrono::minutes(15));
        auto out = ward.recordRound(r, {}, s.nurse);
        benchmark::DoNotOptimize(out.saved);
    }
}
BENCHMARK(BM_SaveRoundAtWardPace)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

static void BM_BareDurableInsert(benchmark::State& state) {
    Setup s;
    auto r = s.round();
    r.takenAt = s.clock.now();
    r.recordedBy = s.nurse;
    news2::Result shown; // not computed: this is the floor the save is compared with
    for (auto _ : state) {
        SQLite::Transaction tx(s.db.sqlite(), SQLite::TransactionBehavior::IMMEDIATE);
        benchmark::DoNotOptimize(store::insertRound(s.db, r, shown, {}, r.takenAt));
        tx.commit();
    }
}
BENCHMARK(BM_BareDurableInsert)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
