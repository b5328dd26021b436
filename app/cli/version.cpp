#include "cli/version.h"

#include "core/rules/shipped.h"

#include <fmt/format.h>

// VIGIL_VERSION comes from project(VERSION) in the top CMakeLists.txt (see app/cli/CMakeLists.txt).
#ifndef VIGIL_VERSION
#error "VIGIL_VERSION must be defined by the build"
#endif

namespace vigil::cli {

std::string versionText() {
    auto set = rules::shippedRuleSet();
    return fmt::format("vigil {}\nbuilt-in rule set: {} {}, sha256 {}", VIGIL_VERSION, set->name,
                       set->version, set->sha256);
}

} // namespace vigil::cli
