// Runs the real `vigil` binary, as the checks outside the repository do.
#include "store/database.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

using namespace vigil;

using test::run;

TEST_CASE("vigil evaluate reads stdin and exits 0 or 1", "[cli][binary]") {
    test::TempDir dir;
    auto input = dir.file("in.jsonl");
    std::ofstream(input)
        << R"({"rr":14,"spo2":97,"o2":false,"sbp":128,"hr":72,"acvpu":"A","temp":36.9})"
        << "\n";
    auto ok = run(std::string(VIGIL_BINARY) + " evaluate < " + input);
    CHECK(ok.exitCode == 0);
    CHECK_THAT(ok.output, Catch::Contains(R"("band":"low")"));

    std::ofstream(input, std::ios::app) << R"({"spo2":140})"
                                        << "\n";
    auto bad = run(std::string(VIGIL_BINARY) + " evaluate < " + input);
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.output, Catch::Contains(R"("field":"spo2")"));
}

TEST_CASE("vigil demo fills a database through the ward", "[cli][binary]") {
    test::TempDir dir;
    auto db = dir.file("demo.db");
    auto r = run(std::string(VIGIL_BINARY) + " demo --db " + db + " --beds 6 --days 3");
    REQUIRE(r.exitCode == 0);
    SQLite::Database check(db);
    CHECK(check
              .execAndGet(
                  "SELECT count(*) FROM stays WHERE id NOT IN (SELECT stay_id FROM discharges)")
              .getInt() == 6);
    CHECK(check.execAndGet("SELECT count(DISTINCT bed) FROM stays").getInt() == 6);
    CHECK(check.execAndGet("SELECT count(*) FROM rounds").getInt() > 6 * 3 * 6);
    CHECK(check.execAndGet("SELECT count(*) FROM rounds WHERE news2_band IN ('medium','high')")
              .getInt() > 0);
    CHECK(check
              .execAndGet("SELECT max(taken_at) <= strftime('%Y-%m-%dT%H:%M:%SZ','now','+5 "
                          "minutes') FROM rounds")
              .getInt() == 1);
    CHECK(check.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("vigil demo refuses bad arguments with a message", "[cli][binary]") {
    auto r = run(std::string(VIGIL_BINARY) + " demo --beds 3 2>&1");
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.output, Catch::Contains("--db"));
}

TEST_CASE("vigil rules check refuses a broken file naming file:line:column",
          "[cli][binary][rules]") {
    test::TempDir dir;
    auto file = dir.file("local.toml");
    std::ofstream(file) << "name = \"local\"\nversion = \"1\"\n[[rule]]\nid = \"x\"\nlevel = "
                           "\"urgent\"\nwhen = \"rr <= 8 and spo22 < 90\"\nmessage = \"m\"\naction "
                           "= \"a\"\nsource = \"local: test\"\nsummary = \"RR 8 or less\"\n";
    auto r = run(std::string(VIGIL_BINARY) + " rules check " + file + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK_THAT(
        r.output,
        Catch::Contains("local.toml:6:21: when: unknown field \"spo22\" (did you mean \"spo2\"?)"));
    auto evaluate = run("echo '{\"rr\":12}' | " + std::string(VIGIL_BINARY) + " evaluate --rules " +
                        file + " 2>&1");
    CHECK(evaluate.exitCode == 2);
}

TEST_CASE("vigil evaluate --rules uses a hospital's own file", "[cli][binary][rules]") {
    test::TempDir dir;
    auto file = dir.file("local.toml");
    std::ofstream(file)
        << "name = \"local\"\nversion = \"3\"\n[[rule]]\nid = \"rr-12\"\nlevel = \"watch\"\nwhen = "
           "\"rr <= 12\"\nmessage = \"RR {rr}\"\naction = \"a\"\nsource = \"local: ours\"\n"
           "summary = \"RR 12/min or less\"\n";
    auto r = run("echo '{\"rr\":12}' | " + std::string(VIGIL_BINARY) + " evaluate --rules " + file);
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.output,
               Catch::Contains(R"("rule":"rr-12")") && Catch::Contains(R"("name":"local")"));
}

TEST_CASE("the settings file names the rule file, --rules wins over it", "[cli][binary][rules]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "vigil");
    std::ofstream(dir.file("vigil/ours.toml"))
        << "name = \"ours\"\nversion = \"5\"\n[[rule]]\nid = \"any\"\nlevel = \"info\"\nwhen = "
           "\"rr >= 0\"\nmessage = \"m\"\naction = \"a\"\nsource = \"local: ours\"\n"
           "summary = \"Every round\"\n";
    std::ofstream(dir.file("vigil/settings.toml")) << "rules = \"ours.toml\"\n";
    auto env = "XDG_CONFIG_HOME=" + dir.path().string() + " ";
    auto fromSettings = run("echo '{\"rr\":12}' | " + env + VIGIL_BINARY + " evaluate");
    CHECK_THAT(fromSettings.output, Catch::Contains(R"("name":"ours")"));
    auto builtIn = run("echo '{\"rr\":12}' | " + env + VIGIL_BINARY + " evaluate --rules " +
                       VIGIL_SOURCE_DIR + "/resources/rules/intrathecal-recovery.toml");
    CHECK_THAT(builtIn.output, Catch::Contains(R"("name":"intrathecal-recovery")"));

    // The idle lock is 1 to 60 minutes; anything else is named, not clamped.
    std::ofstream(dir.file("vigil/settings.toml")) << "idle_lock_minutes = 0\n";
    auto zero = run("echo '{\"rr\":12}' | " + env + VIGIL_BINARY + " evaluate 2>&1");
    CHECK(zero.exitCode == 2);
    CHECK_THAT(zero.output, Catch::Contains("idle_lock_minutes = 0 is outside what is accepted, 1 "
                                            "to 60 minutes"));
    std::ofstream(dir.file("vigil/settings.toml")) << "idle_lock_minutes = \"two\"\n";
    CHECK_THAT(run("echo '{}' | " + env + VIGIL_BINARY + " evaluate 2>&1").output,
               Catch::Contains("idle_lock_minutes must be a whole number of minutes"));
}

TEST_CASE("vigil audit verify: a demo database is intact, an edit is named and exits 1",
          "[cli][binary][audit]") {
    test::TempDir dir;
    auto db = dir.file("demo.db");
    REQUIRE(run(std::string(VIGIL_BINARY) + " demo --db " + db + " --beds 3 --days 1").exitCode ==
            0);
    auto clean = run(std::string(VIGIL_BINARY) + " audit verify --db " + db);
    CHECK(clean.exitCode == 0);
    CHECK_THAT(clean.output, Catch::Contains("intact"));
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER rounds_no_update");
        raw.exec("UPDATE rounds SET rr = 30 WHERE id = 5");
    }
    auto tampered = run(std::string(VIGIL_BINARY) + " audit verify --db " + db);
    CHECK(tampered.exitCode == 1);
    CHECK_THAT(tampered.output, Catch::Contains("rounds row 5 was edited"));
}

TEST_CASE("vigil staff add: the first is an admin, later ones need an admin's PIN",
          "[cli][binary][staff]") {
    test::TempDir dir;
    auto db = dir.file("staff.db");
    auto add = [&](const std::string& stdinLines, const std::string& args) {
        auto in = dir.file("pins.txt");
        std::ofstream(in) << stdinLines;
        return run(std::string(VIGIL_BINARY) + " staff add --db " + db + " " + args + " < " + in +
                   " 2>&1");
    };
    auto nurseFirst = add("1357\n", "--name 'Grace Okafor' --role nurse");
    CHECK(nurseFirst.exitCode == 2);
    CHECK_THAT(nurseFirst.output, Catch::Contains("the first person added must be an admin"));

    auto admin = add("1357\n", "--name 'Admin Mensah' --role admin");
    CHECK(admin.exitCode == 0);
    CHECK_THAT(admin.output, Catch::Contains("added Admin Mensah (admin)"));

    auto noBy = add("2468\n", "--name 'Grace Okafor' --role nurse");
    CHECK(noBy.exitCode == 2);
    CHECK_THAT(noBy.output, Catch::Contains("--by"));
    auto wrongPin = add("0000\n2468\n", "--name 'Grace Okafor' --role nurse --by 'Admin Mensah'");
    CHECK(wrongPin.exitCode == 1);
    CHECK_THAT(wrongPin.output, Catch::Contains("Wrong PIN. 4 more tries"));
    auto shortPin = add("1357\n24\n", "--name 'Grace Okafor' --role nurse --by 'Admin Mensah'");
    CHECK(shortPin.exitCode == 1);
    CHECK_THAT(shortPin.output,
               Catch::Contains("PIN has 2 digits: it needs 4 to 8 digits; nothing"));
    CHECK(add("1357\n2468\n", "--name 'Grace Okafor' --role nurse --by 'Admin Mensah'").exitCode ==
          0);
    CHECK(add("1357\n2468\n", "--name 'X' --role matron --by 'Admin Mensah'").exitCode == 2);

    auto list = run(std::string(VIGIL_BINARY) + " staff list --db " + db);
    CHECK(list.output ==
          "1\tAdmin Mensah\tadmin\tcan sign in\n2\tGrace Okafor\tnurse\tcan sign in\n");
    CHECK(run(std::string(VIGIL_BINARY) + " audit verify --db " + db).exitCode == 0);
}

TEST_CASE("vigil summary --json and vigil handoff --pdf on a demo database",
          "[cli][binary][summary]") {
    test::TempDir dir;
    auto db = dir.file("demo.db");
    REQUIRE(run(std::string(VIGIL_BINARY) + " demo --db " + db + " --beds 4 --days 1").exitCode ==
            0);
    auto summary = run(std::string(VIGIL_BINARY) + " summary --db " + db + " --json");
    REQUIRE(summary.exitCode == 0);
    auto j = nlohmann::json::parse(summary.output);
    CHECK(j["shift"].contains("start"));
    CHECK(j["shift"].contains("as_of"));
    CHECK(j["unit"]["patients"].get<int>() >= 4);
    CHECK(j["unit"]["flags_raised"].contains("emergency"));
    REQUIRE(j["patients"].size() == j["unit"]["patients"].get<std::size_t>());
    for (auto& p : j["patients"]) {
        CHECK(p.contains("bed"));
        CHECK(p.contains("name"));
        CHECK(p.contains("worst_news2"));
        CHECK(p.contains("next_due"));
    }
    auto bad = run(std::string(VIGIL_BINARY) + " summary --db " + db + " --shift tomorrow 2>&1");
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.output, Catch::Contains("give START..END"));

    auto pdf = dir.file("handoff.pdf");
    // No display: the PDF needs none.
    auto handoff = run("env -u DISPLAY " + std::string(VIGIL_BINARY) + " handoff --db " + db +
                       " --pdf " + pdf + " --by 'Charge nurse Adeyemi' 2>&1");
    REQUIRE(handoff.exitCode == 0);
    CHECK_THAT(handoff.output, Catch::Contains(pdf + ": ") && Catch::Contains("4 patients"));
    CHECK(std::filesystem::file_size(pdf) > 1000);
    SQLite::Database check(db);
    CHECK(
        check.execAndGet("SELECT printed_by || '|' || kind || '|' || patients FROM handoff_prints")
            .getString() == "Charge nurse Adeyemi|pdf|4");
    CHECK(run(std::string(VIGIL_BINARY) + " audit verify --db " + db).exitCode == 0);
    auto letter = run(std::string(VIGIL_BINARY) + " handoff --db " + db + " --pdf " + pdf +
                      " --paper legal 2>&1");
    CHECK(letter.exitCode == 2);
    CHECK_THAT(letter.output,
               Catch::Contains("--paper \"legal\" is not a paper size: a4 or letter"));
}
