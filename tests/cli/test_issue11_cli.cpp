// Issue 11 at the command line: evaluate's "escalation" and next_due with an escalation open;
// `vigil rules check` warning about a rule a blank box silences, with exit code 0 still.
#include "cli/evaluate.h"
#include "core/rules/shipped.h"
#include "support/process.h"
#include "support/rounds.h"
#include "support/temp_dir.h"
#include "ward/ward.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace vigil;
using nlohmann::json;

namespace {
// A normal round (clinical-reference §2, first worked example) for patient "a", with overrides.
json line(const std::string& at, json overrides) {
    json j{{"patient", "a"}, {"at", at}, {"rr", 14},     {"spo2", 97},   {"o2", false},
           {"sbp", 128},     {"hr", 72}, {"acvpu", "A"}, {"temp", 36.9}, {"poss", "1"}};
    for (auto& [k, v] : overrides.items())
        j[k] = v;
    return j;
}
const json kStay{{"drugs", {"morphine"}}, {"since", "2026-11-20T08:00:00Z"}}; // 49 h: 4-hourly
} // namespace

TEST_CASE("evaluate: one escalation per event, raised by a higher flag, and the schedule it sets",
          "[cli][rules]") {
    cli::EvaluateSession session{rules::shippedRuleSet(), {}};
    bool ok = false;
    auto quiet = cli::evaluateObject(line("2026-11-22T09:00:00Z", {{"stay", kStay}}), session, ok);
    REQUIRE(ok);
    CHECK(quiet["escalation"].is_null());
    CHECK(quiet["next_due"] == "2026-11-22T13:00:00Z");

    auto urgent = cli::evaluateObject(line("2026-11-22T10:00:00Z", {{"poss", "3"}}), session, ok);
    CHECK(urgent["escalation"] == json{{"level", "urgent"}, {"rules", {"poss-3"}}});
    CHECK(urgent["next_due"] == "2026-11-22T11:00:00Z"); // urgent open: hourly

    auto same = cli::evaluateObject(line("2026-11-22T11:00:00Z", {{"poss", "3"}}), session, ok);
    CHECK(same["escalation"].is_null()); // its flag is already in the open escalation
    CHECK(same["next_due"] == "2026-11-22T12:00:00Z");

    auto both =
        cli::evaluateObject(line("2026-11-22T11:30:00Z", {{"poss", "3"}, {"rr", 8}}), session, ok);
    CHECK(both["escalation"] ==
          json{{"level", "emergency"},
               {"rules", {"rr-8-or-below", "poss-3", "news2-single-parameter-3"}}});
    CHECK(both["next_due"] == "2026-11-22T11:45:00Z"); // emergency open: every 15 min

    // RR 12 clears rr-8; POSS 3 is still open (repeat_after): the escalation stays open.
    auto better =
        cli::evaluateObject(line("2026-11-22T11:45:00Z", {{"poss", "3"}, {"rr", 12}}), session, ok);
    CHECK(better["escalation"].is_null());
    CHECK(better["next_due"] == "2026-11-22T12:00:00Z");

    // None of its flags open any more: nobody resolves anything in evaluate, so it is over.
    auto calm = cli::evaluateObject(line("2026-11-22T12:00:00Z", json::object()), session, ok);
    CHECK(calm["flags"].empty());
    CHECK(calm["still_open"].empty());
    CHECK(calm["next_due"] == "2026-11-22T16:00:00Z");
}

TEST_CASE("evaluate: rash is a checklist field, itching without rash on a baclofen pump",
          "[cli][rules]") {
    cli::EvaluateSession session{rules::shippedRuleSet(), {}};
    bool ok = false;
    json baclofen{{"drugs", {"baclofen"}}, {"since", "2026-11-22T08:00:00Z"}};
    auto withRash = cli::evaluateObject(
        line("2026-11-22T09:00:00Z", {{"stay", baclofen}, {"itching", 1}, {"rash", true}}), session,
        ok);
    REQUIRE(ok);
    CHECK(withRash["warnings"].empty()); // a known field, not an unknown one
    CHECK(withRash["escalation"].is_null());
    auto without = cli::evaluateObject(
        line("2026-11-22T10:00:00Z", {{"itching", 1}, {"rash", false}}), session, ok);
    CHECK(without["flags"][0]["rule"] == "baclofen-withdrawal");
    CHECK(without["flags"][0]["message"].get<std::string>().find("rash: no") != std::string::npos);
    CHECK(without["escalation"]["level"] == "emergency");
}

TEST_CASE("vigil rules check warns about a rule a blank box silences, and still exits 0",
          "[cli][binary][rules]") {
    test::TempDir dir;
    auto write = [&](const std::string& name, const std::string& when) {
        auto file = dir.file(name);
        std::ofstream(file) << "name = \"local\"\nversion = \"1\"\n[[rule]]\nid = \"leak\"\n"
                               "level = \"watch\"\nwhen = \""
                            << when
                            << "\"\nmessage = \"m\"\naction = \"a\"\nsource = \"local: test\"\n"
                               "summary = \"Headache\"\n";
        return file;
    };
    auto trap = write("trap.toml", "headache >= 1 and headache_postural and not neck_stiffness");
    auto r = test::run(std::string(VIGIL_BINARY) + " rules check " + trap + " 2>&1");
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.output,
               Catch::Contains("trap.toml:6:8: warning: rule \"leak\" can never fire when "
                               "neck_stiffness is not recorded") &&
                   Catch::Contains("missing(neck_stiffness)") && Catch::Contains(": ok: local 1"));

    auto fixed = write("fixed.toml", "headache >= 1 and headache_postural");
    r = test::run(std::string(VIGIL_BINARY) + " rules check " + fixed + " 2>&1");
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.output, !Catch::Contains("warning"));

    r = test::run(std::string(VIGIL_BINARY) + " rules check " + VIGIL_SOURCE_DIR +
                  "/resources/rules/intrathecal-recovery.toml 2>&1");
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.output, !Catch::Contains("warning"));
}

TEST_CASE("vigil due: one escalation with every flag it holds, and the pace it sets",
          "[cli][binary][schedule]") {
    test::TempDir dir;
    auto path = dir.file("ward.db");
    TimePoint t0 = std::chrono::sys_days{std::chrono::November / 22 / 2026} + std::chrono::hours(9);
    {
        store::Database db(path);
        ManualClock clock(t0);
        ward::Ward ward(db, clock);
        auto nurse = ward.ensureStaff("Nurse Okafor", store::Role::Nurse);
        Stay s;
        s.bed = "3", s.name = "Patient 3", s.mrn = "D3", s.since = t0 - std::chrono::hours(2);
        s.drugs = {Drug::Morphine};
        auto stay = *ward.admit(s, nurse).admitted;
        auto r = test::normalRound(stay);
        r.rr = 8;
        r.poss = Poss::FrequentlyDrowsy;
        REQUIRE(ward.recordRound(r, {}, nurse).escalationsOpened.size() == 1);
    }
    auto r = test::run(std::string(VIGIL_BINARY) + " due --db " + path +
                       " --at 2026-11-22T09:05:00Z --json");
    REQUIRE(r.exitCode == 0);
    auto out = json::parse(r.output);
    auto& bed = out["stays"][0];
    CHECK(bed["next_due"] == "2026-11-22T09:15:00Z");
    CHECK(bed["due_because"] == "emergency escalation open: every 15 min");
    REQUIRE(bed["open_escalations"].size() == 1);
    auto& e = bed["open_escalations"][0];
    CHECK(e["level"] == "emergency");
    CHECK(e["rule"] == "rr-8-or-below");
    CHECK(e["rules"] == json{"rr-8-or-below", "poss-3", "news2-single-parameter-3"});
}
