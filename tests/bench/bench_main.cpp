#include "demo_db.h"

#include "cli/demo.h"
#include "store/database.h"

#include <SQLiteCpp/Database.h>
#include <benchmark/benchmark.h>
#include <filesystem>
#include <fmt/format.h>

namespace vigil::bench {

std::string yearDemoDatabase() {
    // Named by schema version, so a newer schema makes a fresh one.
    auto path = (std::filesystem::temp_directory_path() /
                 fmt::format("vigil-bench-20x365-v{}.db", store::latestSchemaVersion()))
                    .string();
    if (!std::filesystem::exists(path)) {
        auto partial = path + ".part";
        std::filesystem::remove(partial);
        {
            store::Database db(partial, store::Durability::Relaxed);
            auto stats = cli::fillDemo(db, {20, 365, 7}, SystemClock().now());
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            fmt::print(stderr, "demo database: {} stays, {} rounds\n", stats.stays, stats.rounds);
        }
        std::filesystem::rename(partial, path);
    }
    return path;
}

} // namespace vigil::bench

BENCHMARK_MAIN();
