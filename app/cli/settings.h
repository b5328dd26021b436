#pragma once
// Vigil's settings file, $XDG_CONFIG_HOME/vigil/settings.toml (or ~/.config/vigil/settings.toml):
//   rules = "/srv/vigil/our-recovery-rules.toml"   # the hospital's rule file; absent: built in
// A command-line option wins over the file.
#include <string>

namespace vigil::cli {

struct Settings {
    std::string rulesPath; // empty: the built-in rule set
    std::string source;    // which file they came from, for messages
};

// Reads the settings file when there is one; a malformed file is an error the caller reports.
Settings loadSettings();

} // namespace vigil::cli
