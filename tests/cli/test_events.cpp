// `vigil events`: the unit's events for paging systems, on a file.
#include "support/events_follow.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace vigil;

TEST_CASE("vigil events --follow prints every event once, in order, while another process "
          "writes, and --since resumes without duplicates",
          "[cli][events]") {
    test::TempDir dir;
    test::followWhileWriting(dir.file("vigil.db"), dir);
}

TEST_CASE("vigil events refuses a --since that is neither a time nor an event id, and a "
          "missing file",
          "[cli][events]") {
    test::TempDir dir;
    auto path = dir.file("vigil.db");
    { store::Database db(path); }
    auto r =
        test::run(std::string(VIGIL_BINARY) + " events --db " + path + " --since yesterday 2>&1");
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.output,
               Catch::Contains("--since \"yesterday\"") && Catch::Contains("RFC 3339 time"));
    r = test::run(std::string(VIGIL_BINARY) + " events --db " + dir.file("none.db") + " 2>&1");
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.output, Catch::Contains("none.db"));
    r = test::run(std::string(VIGIL_BINARY) + " events --db " + path + " --json");
    CHECK(r.exitCode == 0);
    CHECK(r.output.empty());
}
