#include "fhir/export_settings.h"

#include <cctype>
#include <fmt/format.h>

namespace vigil::fhir {

std::optional<std::string> checkSystemUri(std::string_view setting, std::string_view value) {
    constexpr std::string_view accepted =
        "an absolute URI such as \"https://hospital.example/fhir/mrn\" or \"urn:oid:1.2.3\"";
    if (value.empty())
        return fmt::format("[fhir] {} is not set: give {} (Vigil never invents a hospital's "
                           "identifiers)",
                           setting, accepted);
    auto colon = value.find(':');
    bool scheme = colon != std::string_view::npos && colon > 0 &&
                  std::isalpha(static_cast<unsigned char>(value[0]));
    for (std::size_t i = 0; scheme && i < colon; ++i) {
        unsigned char c = value[i];
        scheme = std::isalnum(c) || c == '+' || c == '-' || c == '.';
    }
    bool clean = colon + 1 < value.size();
    for (unsigned char c : value)
        if (c <= ' ' || c == 0x7f) clean = false;
    if (!scheme || !clean)
        return fmt::format("[fhir] {} = \"{}\" is not accepted: give {}", setting, value, accepted);
    return std::nullopt;
}

std::optional<std::string> checkSystems(const Systems& s) {
    std::string all;
    for (auto problem :
         {checkSystemUri("mrn_system", s.mrnSystem), checkSystemUri("code_system", s.codeSystem),
          s.staffSystem.empty() ? std::nullopt : checkSystemUri("staff_system", s.staffSystem)})
        if (problem) all += (all.empty() ? "" : "; ") + *problem;
    if (all.empty()) return std::nullopt;
    return all;
}

} // namespace vigil::fhir
