// Any bytes as a rule file, and as a lone condition: refused or loaded, never a crash or a hang.
#include "core/rules/engine.h"

#include <cstdint>
#include <string_view>

using namespace vigil;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto loaded = rules::loadRuleSet(text, "fuzz.toml");
    if (loaded.ruleSet) {
        // A file that loads must also evaluate: run it over a round with everything missing.
        ObservationRound r;
        auto snap = rules::snapshot(r, news2::score(r), nullptr);
        rules::evaluate(*loaded.ruleSet, {&snap, {}, nullptr}, {});
    }
    try {
        auto e = rules::compile(text);
        ObservationRound r;
        r.rr = 8;
        auto snap = rules::snapshot(r, news2::score(r), nullptr);
        std::vector<rules::Snapshot> earlier{snap, snap};
        double v = e->eval({&snap, earlier, nullptr});
        std::vector<std::string> because;
        if (v == 1) e->explain({&snap, earlier, nullptr}, because);
    } catch (const rules::CompileError&) {}
    return 0;
}
