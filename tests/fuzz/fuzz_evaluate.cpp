// Any bytes as `vigil evaluate` input: one output line per input line, never a crash.
#include "cli/evaluate.h"
#include "core/rules/shipped.h"

#include <cstdint>
#include <cstdlib>
#include <sstream>

using namespace vigil;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::ostringstream out;
    cli::runEvaluate(in, out, rules::shippedRuleSet());
    size_t linesIn = 0, linesOut = 0;
    std::string line;
    std::istringstream again(std::string(reinterpret_cast<const char*>(data), size));
    while (std::getline(again, line))
        ++linesIn;
    for (char c : out.str())
        linesOut += c == '\n';
    if (linesIn != linesOut) std::abort(); // the contract: exactly one line out per line in
    return 0;
}
