#pragma once
// `vigil --version`: the program's version and the built-in rule set it scores with.
#include <string>

namespace vigil::cli {

// "vigil X.Y.Z" then a line naming the built-in rule set, its version and SHA-256.
std::string versionText();

} // namespace vigil::cli
