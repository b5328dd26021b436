#include "cli/settings.h"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <stdexcept>
#include <toml++/toml.h>

namespace vigil::cli {

namespace {
// [fhir]: each system an absolute URI when given; their absence is refused by the export only,
// so a ward that does not export is not stopped by it.
void readFhir(const toml::table& fhir, const std::filesystem::path& path, Settings& s) {
    for (auto& [key, node] : fhir) {
        std::string_view k = key.str();
        auto value = node.value<std::string>();
        if (k != "mrn_system" && k != "code_system" && k != "staff_system" &&
            k != "credentials_file")
            throw std::runtime_error(fmt::format(
                "{}: [fhir] {} is not a setting: mrn_system, code_system, staff_system or "
                "credentials_file",
                path.string(), k));
        if (!value)
            throw std::runtime_error(
                fmt::format("{}: [fhir] {} must be text in quotes", path.string(), k));
        if (k == "credentials_file") {
            std::filesystem::path p(*value);
            s.fhirCredentialsFile = (p.is_relative() ? path.parent_path() / p : p).string();
            continue;
        }
        if (auto problem = fhir::checkSystemUri(k, *value))
            throw std::runtime_error(fmt::format("{}: {}", path.string(), *problem));
        (k == "mrn_system"    ? s.fhir.mrnSystem
         : k == "code_system" ? s.fhir.codeSystem
                              : s.fhir.staffSystem) = *value;
    }
}
} // namespace

Settings loadSettings() {
    std::filesystem::path dir;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        dir = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        dir = std::filesystem::path(h) / ".config";
    else
        return {};
    auto path = dir / "vigil" / "settings.toml";
    if (!std::filesystem::exists(path)) return {};
    toml::table t;
    try {
        t = toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        throw std::runtime_error(fmt::format("{}:{}:{}: {}", path.string(), e.source().begin.line,
                                             e.source().begin.column, e.description()));
    }
    Settings s;
    s.source = path.string();
    if (auto* rules = t.get("rules")) {
        auto value = rules->value<std::string>();
        if (!value)
            throw std::runtime_error(
                fmt::format("{}: rules must be a file name in quotes", path.string()));
        // A relative path is taken from the settings file's folder.
        std::filesystem::path p(*value);
        s.rulesPath = (p.is_relative() ? path.parent_path() / p : p).string();
    }
    if (auto* idle = t.get("idle_lock_minutes")) {
        auto value = idle->value<std::int64_t>();
        if (!value)
            throw std::runtime_error(fmt::format(
                "{}: idle_lock_minutes must be a whole number of minutes, 1 to 60", path.string()));
        if (*value < 1 || *value > 60)
            throw std::runtime_error(fmt::format(
                "{}: idle_lock_minutes = {} is outside what is accepted, 1 to 60 minutes",
                path.string(), *value));
        s.idleLockMinutes = static_cast<int>(*value);
    }
    if (auto* starts = t.get("shift_starts")) {
        auto* list = starts->as_array();
        if (!list || list->empty())
            throw std::runtime_error(
                fmt::format("{}: shift_starts must be a list of times, e.g. [\"07:00\", \"19:00\"]",
                            path.string()));
        s.shifts.starts.clear();
        for (auto& item : *list) {
            auto text = item.value<std::string>();
            auto parsed = parseTimeOfDay(text.value_or("?"));
            if (auto* error = std::get_if<std::string>(&parsed))
                throw std::runtime_error(
                    fmt::format("{}: shift_starts: {}", path.string(), *error));
            s.shifts.starts.push_back(std::get<Minutes>(parsed));
        }
    }
    if (auto* unit = t.get("unit")) {
        auto value = unit->value<std::string>();
        if (!value || value->empty())
            throw std::runtime_error(
                fmt::format("{}: unit must be the unit's name in quotes", path.string()));
        s.unit = *value;
    }
    if (auto* database = t.get("database")) {
        auto value = database->value<std::string>();
        if (!value || value->empty())
            throw std::runtime_error(
                fmt::format("{}: database must be a file name or a postgresql:// URI in quotes",
                            path.string()));
        s.database = *value;
    }
    if (auto* fhirNode = t.get("fhir")) {
        auto* fhir = fhirNode->as_table();
        if (!fhir)
            throw std::runtime_error(fmt::format(
                "{}: fhir must be a table: [fhir] with mrn_system, code_system, staff_system, "
                "credentials_file",
                path.string()));
        readFhir(*fhir, path, s);
    }
    return s;
}

} // namespace vigil::cli
