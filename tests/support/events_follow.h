#pragma once
// `vigil events --follow` as a paging gateway runs it, while this process writes to the same
// record on another connection: every event once, in order, and a deadline printed when it
// passes with no write to wake the follower. Then a restart with --since gives the rest, no
// duplicates. Used on a file (test_cli) and on the server (test_postgres).
#include "support/process.h"
#include "support/rounds.h"
#include "support/temp_dir.h"
#include "ward/ward.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

namespace vigil::test {

inline std::vector<nlohmann::json> jsonLines(const std::string& path) {
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    return out;
}

// Waits for the follower to have printed `n` lines: a condition, not a timing (generous limit).
inline std::vector<nlohmann::json> awaitLines(const std::string& path, size_t n) {
    for (int i = 0; i < 300; ++i) {
        auto lines = jsonLines(path);
        if (lines.size() >= n) return lines;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return jsonLines(path);
}

inline std::vector<std::string> kinds(const std::vector<nlohmann::json>& lines, size_t from = 0) {
    std::vector<std::string> out;
    for (size_t i = from; i < lines.size(); ++i)
        out.push_back(lines[i]["kind"]);
    return out;
}

inline void followWhileWriting(const std::string& target, const TempDir& dir) {
    // Acknowledgement and the first cascade step due 3 s after an emergency opens, so the
    // deadline passes while the test waits; everything else as shipped.
    auto rulesFile = dir.file("fast.toml");
    std::ofstream(rulesFile)
        << "name = \"fast\"\nversion = \"1\"\n[timing]\nacknowledge_emergency = \"0.05m\"\n"
           "cascade_emergency = [\"0.05m: charge_nurse\", \"30m: rapid_response\"]\n"
           "[[rule]]\nid = \"poss-4\"\nlevel = \"emergency\"\nwhen = \"poss == 4\"\n"
           "message = \"POSS 4\"\naction = \"call\"\nsource = \"clinical-reference §5\"\n"
           "summary = \"POSS 4\"\n";
    auto loaded = rules::loadRuleSetFile(rulesFile);
    REQUIRE(loaded.ruleSet);
    store::Database db(target);
    SystemClock clock;
    ward::Ward ward(db, clock, loaded.ruleSet);
    auto nurse = ward.ensureStaff("Nurse Okafor", store::Role::Nurse);

    auto out = dir.file("events.jsonl"), pidFile = dir.file("events.pid");
    REQUIRE(std::system(fmt::format("{} --rules '{}' events --db '{}' --follow --json > '{}' "
                                    "2> '{}' & echo $! > '{}'",
                                    VIGIL_BINARY, rulesFile, target, out, dir.file("events.err"),
                                    pidFile)
                            .c_str()) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the pid file is written
    int pid = 0;
    std::ifstream(pidFile) >> pid;
    REQUIRE(pid > 0);

    Stay s;
    s.bed = "4";
    s.name = "Patient Four";
    s.mrn = "D4";
    s.since = clock.now() - std::chrono::hours(2);
    s.drugs = {Drug::Morphine};
    auto stay = *ward.admit(s, nurse).admitted;
    CHECK(kinds(awaitLines(out, 1)) == std::vector<std::string>{"admitted"});

    auto r = normalRound(stay);
    r.poss = Poss::Somnolent;
    auto round = ward.recordRound(r, {}, nurse);
    REQUIRE(round.escalationsOpened.size() == 1);
    auto lines = awaitLines(out, 4);
    CHECK(kinds(lines, 1) ==
          std::vector<std::string>{"round_saved", "flag_raised", "escalation_opened"});

    // Nobody writes now: the follower wakes at the deadline, records the cascade's first step
    // and prints it with the overdue acknowledgement.
    lines = awaitLines(out, 6);
    REQUIRE(lines.size() == 6);
    CHECK(lines[4]["kind"] == "acknowledgement_overdue");
    CHECK(lines[5]["kind"] == "escalation_step");
    CHECK(lines[5]["step"] == "cascade");
    CHECK(lines[5]["notified"] == "charge_nurse");
    CHECK(lines[5]["who"] == "Vigil");
    CHECK(ward.cascadeSteps(round.escalationsOpened[0]).size() == 1);

    std::this_thread::sleep_for(std::chrono::seconds(1)); // a later second than the cascade's
    REQUIRE_FALSE(ward.escalationStep(round.escalationsOpened[0],
                                      {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}}));
    ward.discharge(stay, nurse);
    lines = awaitLines(out, 8);
    ::kill(pid, SIGTERM);
    REQUIRE(lines.size() == 8);
    CHECK(kinds(lines, 6) == std::vector<std::string>{"escalation_step", "discharged"});
    CHECK(lines[6]["step"] == "acknowledge");
    CHECK(lines[6]["who"] == "Nurse Okafor");
    std::set<std::string> ids;
    for (size_t i = 0; i < lines.size(); ++i) {
        CHECK(ids.insert(lines[i]["id"].get<std::string>()).second); // once each
        if (i) CHECK(lines[i - 1]["at"] <= lines[i]["at"]);          // in order
        CHECK_FALSE(lines[i].contains("name"));                      // no names unless asked
        CHECK(lines[i]["bed"] == "4");
    }

    // A gateway restarted after the 3rd line it handled: the rest, once.
    auto rest =
        run(fmt::format("{} --rules '{}' events --db '{}' --json --since '{}'", VIGIL_BINARY,
                        rulesFile, target, lines[2]["id"].get<std::string>()));
    REQUIRE(rest.exitCode == 0);
    std::vector<nlohmann::json> again;
    std::istringstream in(rest.output);
    for (std::string l; std::getline(in, l);)
        again.push_back(nlohmann::json::parse(l));
    REQUIRE(again.size() == 5);
    for (size_t i = 0; i < again.size(); ++i)
        CHECK(again[i] == lines[i + 3]);
}

} // namespace vigil::test
