#pragma once
// Where the ward's rules come from: the built-in set, or a hospital's file that is re-read when it
// changes. A file that does not load is refused whole and the rule set in use stays in use.
#include "ward/ward.h"

#include <filesystem>
#include <optional>
#include <string>

namespace vigil::ward {

struct RuleStatus {
    bool refused = false;
    std::string message; // for the banner: what loaded, or what was refused and why
};

// "Rule file refused: FILE:LINE:COL: why (and N more). Still using NAME VERSION."
std::string refusal(const rules::Loaded& loaded, const rules::RuleSet& inUse);

class RuleSource {
public:
    explicit RuleSource(std::string path) : m_path(std::move(path)) {}
    // Loads the file when it is new or has changed since the last look, and gives the ward the new
    // set. Returns a status when something happened; nothing when the file is as it was.
    std::optional<RuleStatus> refresh(Ward& ward);
    const std::string& path() const { return m_path; }
    // Watches another file from now on (an admin chose it); the next refresh loads it.
    void setPath(std::string path) {
        m_path = std::move(path);
        m_seen.reset();
    }

private:
    std::string m_path; // empty: the built-in set, nothing to watch
    std::optional<std::filesystem::file_time_type> m_seen;
};

} // namespace vigil::ward
