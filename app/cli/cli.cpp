#include "cli/cli.h"

#include "cli/demo.h"
#include "cli/evaluate.h"
#include "core/clock.h"
#include "store/database.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace vigil::cli {

int run(int argc, char** argv, const GuiLauncher& openGui) {
    CLI::App app{"Vigil: observation rounds and escalation after intrathecal pump implants"};
    app.set_version_flag("--version", "vigil 0.1.0");
    std::string dbPath;
    app.add_option("--db", dbPath,
                   "Database file for the GUI (default: $XDG_DATA_HOME/vigil/vigil.db)");
    bool quitAfterStart = false;
    app.add_flag("--quit-after-start", quitAfterStart,
                 "Open the ward board, then quit at once (measures start-up; see tests/bench)");

    auto* evaluate = app.add_subcommand(
        "evaluate", "Score rounds given as JSON Lines on stdin; one JSON line out per line in");

    auto* demo =
        app.add_subcommand("demo", "Fill a database with realistic synthetic stays and rounds");
    std::string demoDb;
    DemoOptions demoOptions;
    demo->add_option("--db", demoDb, "Database file to fill (created when missing)")->required();
    demo->add_option("--beds", demoOptions.beds, "Beds occupied now")->check(CLI::Range(1, 200));
    demo->add_option("--days", demoOptions.days, "Days of history up to now")
        ->check(CLI::Range(1, 3650));
    demo->add_option("--seed", demoOptions.seed, "Random seed, for repeatable data");

    app.require_subcommand(0, 1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    try {
        if (*evaluate) return runEvaluate(std::cin, std::cout);
        if (*demo) {
            store::Database db(demoDb, store::Durability::Relaxed);
            auto stats = fillDemo(db, demoOptions, SystemClock().now());
            // Relaxed durability while generating; a checkpoint makes the result whole on disk.
            db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            fmt::print("{}: {} stays, {} rounds over {} days, {} beds occupied now\n", demoDb,
                       stats.stays, stats.rounds, demoOptions.days, demoOptions.beds);
            return 0;
        }
        return openGui(dbPath.empty() ? store::defaultDatabasePath() : dbPath, quitAfterStart);
    } catch (const std::exception& e) {
        fmt::print(stderr, "vigil: {}\n", e.what());
        return 2;
    }
}

} // namespace vigil::cli
