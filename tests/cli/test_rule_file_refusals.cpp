// A folder or a broken file given as the rule file, through the real `vigil` binary: refused with
// file:line:column, the same exit as any file that does not load.
#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace vigil;
using test::run;

TEST_CASE("vigil rules check and --rules say when the rule file is a folder",
          "[cli][binary][rules]") {
    test::TempDir dir;
    auto folder = dir.path().string();
    auto check = run(std::string(VIGIL_BINARY) + " rules check " + folder + " 2>&1");
    CHECK(check.exitCode == 1);
    CHECK_THAT(check.output, Catch::Contains(folder + ":0:0: is a folder, not a rule file"));
    auto evaluate = run("echo '{\"rr\":12}' | " + std::string(VIGIL_BINARY) + " evaluate --rules " +
                        folder + " 2>&1");
    CHECK(evaluate.exitCode == 2); // as for any rule file that does not load
    CHECK_THAT(evaluate.output, Catch::Contains("is a folder"));
    CHECK_THAT(evaluate.output, !Catch::Contains("\"news2\""));
}

TEST_CASE("vigil rules check names each newly refused form at file:line:column",
          "[cli][binary][rules]") {
    test::TempDir dir;
    auto file = dir.file("local.toml");
    std::ofstream(file)
        << "name = \"local\"\nversion = \"1\"\n[[rule]]\nid = \"\"\nlevel = "
           "\"urgent\"\nwhen = \"rr <= 8\"\nmessage = \"m\"\naction = \"a\"\nsource "
           "= \"local: test\"\nrepeat_after = \"infm\"\napplies_to = { "
           "hours_since_fill = [24, 0] }\nsummary = \"RR 8 or less\"\n";
    auto r = run(std::string(VIGIL_BINARY) + " rules check " + file + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.output, Catch::Contains("local.toml:4:6: id is empty"));
    CHECK_THAT(r.output, Catch::Contains("local.toml:10:16: repeat_after \"infm\""));
    CHECK_THAT(r.output, Catch::Contains("local.toml:11:36: applies_to.hours_since_fill [24, 0]"));
}

TEST_CASE("vigil rules check refuses a rule without its summary, naming the rule and the file",
          "[cli][binary][rules]") {
    test::TempDir dir;
    auto file = dir.file("ours.toml");
    std::ofstream(file)
        << "name = \"ours\"\nversion = \"1\"\n[[rule]]\nid = \"low-spo2\"\nlevel = "
           "\"urgent\"\nwhen = \"spo2_scale == 1 and o2 and spo2 <= 91\"\nmessage = "
           "\"m\"\naction = \"a\"\nsource = \"local: test\"\n";
    auto r = run(std::string(VIGIL_BINARY) + " rules check " + file + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.output, Catch::Contains("ours.toml:3:1: rule \"low-spo2\" has no \"summary\"") &&
                             Catch::Contains("SpO2 91 % or less on oxygen"));
    std::ofstream(file, std::ios::app) << "summary = \" \"\n";
    r = run(std::string(VIGIL_BINARY) + " rules check " + file + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.output, Catch::Contains("ours.toml:10:11: rule \"low-spo2\": summary is empty"));
}
