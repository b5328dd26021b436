#include "ward/name_alert.h"

#include <fmt/format.h>
#include <memory>
#include <stdexcept>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace vigil::ward {

namespace {
std::string_view trimmed(std::string_view s) {
    const char* space = " \t\r\n";
    auto first = s.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

// The name's ICU sort key at primary strength: equal keys are equal names apart from case and
// accents. One collator per thread: ICU collators are not to be shared between threads.
std::string comparisonKey(std::string_view name) {
    thread_local std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(
            icu::Collator::createInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !c)
            throw std::runtime_error(
                fmt::format("ICU root collation is unavailable: {}", u_errorName(status)));
        c->setStrength(icu::Collator::PRIMARY);
        return c;
    }();
    auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    std::string key(64, '\0');
    for (;;) {
        auto* bytes = reinterpret_cast<uint8_t*>(key.data());
        int32_t needed = collator->getSortKey(text, bytes, static_cast<int32_t>(key.size()));
        if (needed <= static_cast<int32_t>(key.size())) {
            key.resize(static_cast<std::size_t>(needed));
            return key;
        }
        key.resize(static_cast<std::size_t>(needed));
    }
}
} // namespace

std::string familyName(std::string_view name) {
    name = trimmed(name);
    if (auto comma = name.find(','); comma != std::string_view::npos)
        return std::string(trimmed(name.substr(0, comma)));
    auto space = name.find_last_of(" \t");
    return std::string(space == std::string_view::npos ? name : name.substr(space + 1));
}

bool sameFamilyName(std::string_view a, std::string_view b) {
    a = trimmed(a);
    b = trimmed(b);
    if (a.empty() || b.empty()) return false;
    auto key = comparisonKey(a);
    // A key of only its terminator: nothing in the name that collation weighs (punctuation).
    return key.size() > 1 && key == comparisonKey(b);
}

std::map<StayId, std::vector<NameMatch>> nameAlerts(const std::vector<Stay>& onUnit) {
    std::vector<std::string> keys;
    keys.reserve(onUnit.size());
    for (auto& s : onUnit) {
        auto family = familyName(s.name);
        keys.push_back(family.empty() ? std::string() : comparisonKey(family));
    }
    std::map<StayId, std::vector<NameMatch>> out;
    for (std::size_t i = 0; i < onUnit.size(); ++i)
        for (std::size_t j = 0; j < onUnit.size(); ++j)
            if (i != j && keys[i].size() > 1 && keys[i] == keys[j])
                out[onUnit[i].id].push_back({onUnit[j].id, onUnit[j].bed, onUnit[j].name});
    return out;
}

std::string nameAlertWords(const std::vector<NameMatch>& others) {
    std::string list;
    for (std::size_t i = 0; i < others.size(); ++i)
        list += fmt::format("{}Bed {} ({})",
                            i == 0                   ? ""
                            : i + 1 == others.size() ? " and "
                                                     : ", ",
                            others[i].bed, others[i].name);
    return "same family name as " + list;
}

} // namespace vigil::ward
