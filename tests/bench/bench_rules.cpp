// The rules engine: the shipped set over a patient with 24 h of hourly history (the issue's bar:
// 100,000 rounds a second on one core), loading and compiling the shipped file (at most 5 ms),
// and the NEWS2 flags through the engine against the same flags written by hand in C++; and a
// 200 KB condition, in process and as `vigil rules check` with its peak memory.
#include "core/rules/blank_check.h"
#include "core/rules/engine.h"
#include "core/rules/shipped.h"
#include "support/rounds.h"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

using namespace vigil;
using namespace std::chrono;

namespace {
struct Patient {
    Stay stay;
    std::vector<rules::Snapshot> earlier; // newest first: 24 hourly rounds
    rules::Snapshot now;

    Patient() {
        stay.drugs = {Drug::Morphine, Drug::Bupivacaine};
        stay.since = sys_days{2026y / 11 / 22};
        for (int h = 24; h >= 1; --h) {
            auto r = test::normalRound(1);
            r.takenAt = stay.since + hours(25 - h);
            r.rr = 16 - (24 - h) / 4; // slowly falling
            r.nausea = h % 3 == 0 ? 2 : 0;
            earlier.insert(earlier.begin(), rules::snapshot(r, news2::score(r), &stay));
        }
        auto r = test::normalRound(1);
        r.takenAt = stay.since + hours(25);
        r.rr = 10;
        r.poss = Poss::FrequentlyDrowsy;
        r.nausea = 2;
        now = rules::snapshot(r, news2::score(r), &stay);
    }
};

const char* kNews2Rules = R"toml(name = "news2-only"
version = "1"
[[rule]]
id = "news2-high"
level = "emergency"
when = "news2 >= 7"
message = "NEWS2 {news2} (high)"
action = "Emergency response"
source = "clinical-reference §2"
summary = "NEWS2"
[[rule]]
id = "news2-medium"
level = "urgent"
when = "news2 >= 5 and news2 <= 6"
message = "NEWS2 {news2} (medium)"
action = "Urgent review"
source = "clinical-reference §2"
summary = "NEWS2"
[[rule]]
id = "news2-single-parameter-3"
level = "urgent"
when = "news2_red and news2 < 5"
message = "A single NEWS2 parameter scores 3 (NEWS2 {news2})"
action = "Inform the medical team"
source = "clinical-reference §2"
summary = "NEWS2"
[[rule]]
id = "news2-low-score"
level = "info"
when = "news2 >= 1 and news2 <= 4 and not news2_red"
message = "NEWS2 {news2} (low)"
action = "Registered nurse assesses"
source = "clinical-reference §2"
summary = "NEWS2"
)toml";

// The same four flags, by hand: the floor the engine's overhead is measured against.
std::vector<rules::Flag> news2FlagsByHand(const news2::Result& n) {
    std::vector<rules::Flag> out;
    auto add = [&](const char* id, rules::Level l, std::string message, const char* action,
                   std::string because) {
        out.push_back({id,
                       l,
                       true,
                       std::move(message),
                       action,
                       "clinical-reference §2",
                       {std::move(because)},
                       {},
                       rules::kMissing});
    };
    if (n.total >= 7)
        add("news2-high", rules::Level::Emergency, fmt::format("NEWS2 {} (high)", n.total),
            "Emergency response", fmt::format("news2 {} >= 7", n.total));
    else if (n.total >= 5)
        add("news2-medium", rules::Level::Urgent, fmt::format("NEWS2 {} (medium)", n.total),
            "Urgent review", fmt::format("news2 {} >= 5", n.total));
    else if (n.redScore)
        add("news2-single-parameter-3", rules::Level::Urgent,
            fmt::format("A single NEWS2 parameter scores 3 (NEWS2 {})", n.total),
            "Inform the medical team", "news2_red yes");
    else if (n.total >= 1)
        add("news2-low-score", rules::Level::Info, fmt::format("NEWS2 {} (low)", n.total),
            "Registered nurse assesses", fmt::format("news2 {} >= 1", n.total));
    return out;
}
} // namespace

static void BM_ShippedRulesPerRound(benchmark::State& state) {
    Patient p;
    auto set = rules::shippedRuleSet();
    std::vector<rules::OpenFlag> open{
        {"nausea-severe-or-persisting", p.earlier[0].at, rules::kMissing}};
    size_t flags = 0;
    for (auto _ : state) {
        auto out = rules::evaluate(*set, {&p.now, p.earlier, &p.stay}, open);
        flags = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["flags"] = static_cast<double>(flags);
}
BENCHMARK(BM_ShippedRulesPerRound)->Repetitions(5)->ReportAggregatesOnly(true);

static void BM_News2FlagsByEngine(benchmark::State& state) {
    Patient p;
    auto set = rules::loadRuleSet(kNews2Rules, "news2.toml").ruleSet;
    for (auto _ : state)
        benchmark::DoNotOptimize(rules::evaluate(*set, {&p.now, p.earlier, &p.stay}, {}).data());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_News2FlagsByEngine)->Repetitions(5)->ReportAggregatesOnly(true);

static void BM_News2FlagsByHand(benchmark::State& state) {
    auto r = test::normalRound(1);
    r.rr = 10;
    r.poss = Poss::FrequentlyDrowsy;
    for (auto _ : state) {
        auto n = news2::score(r); // the engine gets the score in its snapshot; score here too
        benchmark::DoNotOptimize(news2FlagsByHand(n).data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_News2FlagsByHand)->Repetitions(5)->ReportAggregatesOnly(true);

static void BM_LoadShippedRuleFile(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(rules::loadRuleSet(rules::shippedRuleText(), "shipped").ruleSet);
}
BENCHMARK(BM_LoadShippedRuleFile)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

namespace {
// "rr + rr + ... + rr > 1", 200 KB: what a generated or hostile rule file may hold. Compiling it
// was quadratic (every node copied its text): 3 s and 2.6 GB.
std::string bigConditionFile() {
    std::string sum;
    for (int i = 0; i < 40000; ++i)
        sum += "rr + ";
    return fmt::format("name = \"big\"\nversion = \"1\"\n[[rule]]\nid = \"big\"\nlevel = "
                       "\"info\"\nwhen = \"{}rr > 1\"\nmessage = \"big\"\nsource = \"local: "
                       "bench\"\nsummary = \"big\"\n",
                       sum);
}
} // namespace

static void BM_LoadBigCondition(benchmark::State& state) {
    auto text = bigConditionFile();
    for (auto _ : state)
        benchmark::DoNotOptimize(rules::loadRuleSet(text, "big.toml").ruleSet);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LoadBigCondition)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// The whole `vigil rules check big.toml` process: wall time, and its peak memory as
// `/usr/bin/time` measures it ("Maximum resident set size"; the `time` package). Not wait4() on
// a child spawned from here: Linux carries the spawning process's peak across exec.
static void BM_RulesCheckBigConditionProcess(benchmark::State& state) {
    auto dir = std::filesystem::temp_directory_path();
    auto path = (dir / "vigil-bench-big-condition.toml").string();
    auto peakFile = (dir / "vigil-bench-big-condition.peak").string();
    std::ofstream(path) << bigConditionFile();
    auto command = fmt::format("/usr/bin/time -f %M -o '{}' '{}' rules check '{}' > /dev/null",
                               peakFile, VIGIL_BINARY, path);
    long peakKb = 0;
    for (auto _ : state) {
        if (std::system(command.c_str()) != 0) {
            state.SkipWithError("vigil rules check did not accept the big condition "
                                "(or /usr/bin/time is missing)");
            break;
        }
        long kb = 0;
        std::ifstream(peakFile) >> kb;
        peakKb = std::max(peakKb, kb);
    }
    state.counters["peak_MB"] = static_cast<double>(peakKb) / 1024;
    std::filesystem::remove(path);
    std::filesystem::remove(peakFile);
}
BENCHMARK(BM_RulesCheckBigConditionProcess)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(5)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

// `vigil rules check`'s blank-box search over the whole shipped set (issue 11): it runs once per
// check, so it only has to stay well under the file's load time on the ward tablet.
static void BM_BlankTrapsShippedSet(benchmark::State& state) {
    auto set = rules::shippedRuleSet();
    for (auto _ : state)
        benchmark::DoNotOptimize(rules::blankTraps(*set));
}
BENCHMARK(BM_BlankTrapsShippedSet)->Unit(benchmark::kMillisecond);
