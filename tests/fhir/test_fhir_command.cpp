// `vigil export fhir` as a process: usage and settings errors exit 2 naming the option or
// setting, the value and what is accepted; files land whole, one per round.
#include "support/process.h"
#include "support/rounds.h"
#include "support/ward_world.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>

using namespace vigil;

namespace {

struct CommandWorld : test::WardWorld {
    std::string config = dir.file("config");
    CommandWorld() {
        record(admit("1"));
        record(admit("2"));
        std::filesystem::create_directories(config + "/vigil");
    }
    void record(StayId stay) {
        REQUIRE(ward.recordRound(test::normalRound(stay), {}, nurse).saved);
    }
    void settings(const std::string& text) {
        std::ofstream(config + "/vigil/settings.toml") << text;
    }
    test::Run vigil(const std::string& args) {
        return test::run(fmt::format("XDG_CONFIG_HOME='{}' '{}' export fhir --db '{}' {} 2>&1",
                                     config, VIGIL_BINARY, db.path(), args));
    }
};

constexpr const char* kSettings = "[fhir]\n"
                                  "mrn_system = \"https://hospital.example/fhir/mrn\"\n"
                                  "code_system = \"https://hospital.example/fhir/cs\"\n";

} // namespace

TEST_CASE_METHOD(CommandWorld, "export fhir refuses to run without the hospital's systems",
                 "[fhir][cli]") {
    auto out = vigil(fmt::format("--out '{}'", dir.file("out")));
    CHECK(out.exitCode == 2);
    CHECK_THAT(out.output, Catch::Contains("[fhir] mrn_system is not set") &&
                               Catch::Contains("[fhir] code_system is not set"));
    CHECK_FALSE(std::filesystem::exists(dir.file("out")));

    settings("[fhir]\nmrn_system = \"our MRNs\"\n");
    out = vigil(fmt::format("--out '{}'", dir.file("out")));
    CHECK(out.exitCode == 2);
    CHECK_THAT(out.output, Catch::Contains("mrn_system = \"our MRNs\" is not accepted") &&
                               Catch::Contains("absolute URI"));
}

TEST_CASE_METHOD(CommandWorld, "export fhir --out: one bundle file per round, owner-only",
                 "[fhir][cli]") {
    settings(kSettings);
    auto out = vigil(fmt::format("--out '{}'", dir.file("out")));
    REQUIRE(out.exitCode == 0);
    CHECK_THAT(out.output, Catch::StartsWith(dir.file("out") + ": 2 rounds, "));
    for (int round : {1, 2}) {
        auto file = dir.file(fmt::format("out/round-{}.json", round));
        REQUIRE(std::filesystem::exists(file));
        struct stat st {};
        ::stat(file.c_str(), &st);
        CHECK((st.st_mode & 077) == 0);
    }
    SECTION("--stay takes one stay's rounds; an unknown one is refused") {
        auto one = vigil(fmt::format("--out '{}' --stay 2", dir.file("one")));
        CHECK(one.exitCode == 0);
        CHECK_THAT(one.output, Catch::Contains(": 1 round, "));
        auto none = vigil(fmt::format("--out '{}' --stay 99", dir.file("none")));
        CHECK(none.exitCode == 2);
        CHECK_THAT(none.output, Catch::Contains("--stay 99: no such stay"));
    }
    SECTION("--since: only what changed since then; a malformed time is refused") {
        auto later = vigil(fmt::format("--out '{}' --since 2026-11-22T10:00:00Z", dir.file("l")));
        CHECK(later.exitCode == 0);
        CHECK_THAT(later.output, Catch::Contains(": 0 rounds, "));
        auto bad = vigil(fmt::format("--out '{}' --since yesterday", dir.file("b")));
        CHECK(bad.exitCode == 2);
        CHECK_THAT(bad.output, Catch::Contains("--since \"yesterday\" is not an RFC 3339 time"));
    }
    SECTION("the record itself is never the output") {
        auto self = vigil(fmt::format("--out '{}'", dir.path().string()));
        // The folder holds the record; the bundles go beside it, never over it.
        CHECK(self.exitCode == 0);
        CHECK(std::filesystem::exists(db.path()));
    }
}

TEST_CASE_METHOD(CommandWorld, "export fhir --to: https, credentials never on the command line",
                 "[fhir][cli]") {
    settings(kSettings);
    auto plain = vigil("--to http://ehr.example/fhir");
    CHECK(plain.exitCode == 2);
    CHECK_THAT(plain.output, Catch::Contains("use https"));
    auto inUrl = vigil("--to https://user:secret@ehr.example/fhir");
    CHECK(inUrl.exitCode == 2);
    CHECK_THAT(inUrl.output, Catch::Contains("credentials do not go on the command line"));
    auto both = vigil(fmt::format("--out '{}' --to https://ehr.example/fhir", dir.file("x")));
    CHECK(both.exitCode == 2);
    auto neither = vigil("");
    CHECK(neither.exitCode == 2);
    CHECK_THAT(neither.output, Catch::Contains("--out DIR") && Catch::Contains("--to BASE_URL"));

    std::ofstream(config + "/vigil/creds") << "bearer abc\n";
    ::chmod((config + "/vigil/creds").c_str(), 0644);
    settings(std::string(kSettings) + "credentials_file = \"creds\"\n");
    auto open = vigil("--to https://127.0.0.1:9/fhir");
    CHECK(open.exitCode == 2);
    CHECK_THAT(open.output,
               Catch::Contains("may be read by others") && Catch::Contains("chmod 600"));
    CHECK(vigil("--pending").exitCode == 2); // nothing was ever sent: which server?
}
