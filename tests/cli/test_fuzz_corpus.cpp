// Replays the fuzzers' corpora (tests/fuzz/corpus) in the ordinary build: every input that once
// reached new code must still be refused or handled, never crash, and evaluate keeps its
// one-line-out-per-line-in contract on each.
#include "cli/evaluate.h"
#include "core/rules/shipped.h"
#include "fuzz/db_reads.h"
#include "support/temp_dir.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace vigil;

namespace {
std::vector<std::string> corpus(const char* name) {
    std::vector<std::string> out;
    for (auto& e : std::filesystem::directory_iterator(std::filesystem::path(VIGIL_SOURCE_DIR) /
                                                       "tests/fuzz/corpus" / name)) {
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        out.push_back(s.str());
    }
    return out;
}
} // namespace

TEST_CASE("the rule-file fuzz corpus loads or is refused, never crashes", "[fuzz]") {
    auto inputs = corpus("rules");
    REQUIRE(inputs.size() >= 4);
    int loaded = 0;
    for (auto& text : inputs) {
        auto l = rules::loadRuleSet(text, "corpus.toml");
        CHECK((l.ruleSet != nullptr) != !l.errors.empty()); // exactly one of the two
        loaded += l.ruleSet ? 1 : 0;
    }
    CHECK(loaded >= 1); // the shipped file is in the corpus
}

TEST_CASE("the evaluate fuzz corpus gives one line out per line in", "[fuzz]") {
    auto inputs = corpus("evaluate");
    REQUIRE(inputs.size() >= 2);
    for (auto& text : inputs) {
        std::istringstream in(text);
        std::ostringstream out;
        cli::runEvaluate(in, out, rules::shippedRuleSet());
        size_t linesIn = 0;
        std::istringstream count(text);
        for (std::string l; std::getline(count, l);)
            ++linesIn;
        const std::string written = out.str();
        CHECK(static_cast<size_t>(std::count(written.begin(), written.end(), '\n')) == linesIn);
    }
}

TEST_CASE("the database fuzz corpus is read or refused by the read-only commands' code",
          "[fuzz][hardening]") {
    auto inputs = corpus("db");
    REQUIRE(inputs.size() >= 3);
    test::TempDir dir;
    int whole = 0;
    for (auto& bytes : inputs)
        whole += fuzz::readAsDatabase(bytes, dir.file("fuzz.db")) ? 1 : 0;
    CHECK(whole >= 1); // the demo ward in the corpus is read whole
    CHECK(whole < static_cast<int>(inputs.size()));
}
