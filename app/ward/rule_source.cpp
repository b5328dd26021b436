#include "ward/rule_source.h"

#include <fmt/format.h>

namespace vigil::ward {

std::string refusal(const rules::Loaded& loaded, const rules::RuleSet& inUse) {
    std::string why = loaded.errors.empty() ? "unknown error" : loaded.errors.front().text();
    if (loaded.errors.size() > 1) why += fmt::format(" (and {} more)", loaded.errors.size() - 1);
    return fmt::format("Rule file refused: {}. Still using {} {}.", why, inUse.name, inUse.version);
}

std::optional<RuleStatus> RuleSource::refresh(Ward& ward) {
    if (m_path.empty()) return std::nullopt;
    std::error_code ec;
    auto written = std::filesystem::last_write_time(m_path, ec);
    if (!ec && m_seen && written == *m_seen) return std::nullopt;
    m_seen = ec ? std::filesystem::file_time_type{} : written;
    auto loaded = rules::loadRuleSetFile(m_path);
    const auto& current = ward.rules();
    if (!loaded.ruleSet) {
        return RuleStatus{true, refusal(loaded, current)};
    }
    ward.setRules(loaded.ruleSet);
    return RuleStatus{false, fmt::format("Rules: {} {} from {}", loaded.ruleSet->name,
                                         loaded.ruleSet->version, m_path)};
}

} // namespace vigil::ward
