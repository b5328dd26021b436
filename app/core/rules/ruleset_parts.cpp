// The rule set's small parts: level and role codes, message templates, where a rule applies,
// and the built-in set. The loader (ruleset.cpp) reads and checks files.
#include "core/rules/ruleset.h"
#include "core/rules/shipped.h"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace vigil::rules {

std::string_view levelCode(Level l) {
    switch (l) {
    case Level::Info: return "info";
    case Level::Watch: return "watch";
    case Level::Urgent: return "urgent";
    case Level::Emergency: return "emergency";
    }
    return "info";
}

std::optional<Level> levelFromCode(std::string_view c) {
    for (Level l : {Level::Info, Level::Watch, Level::Urgent, Level::Emergency})
        if (levelCode(l) == c) return l;
    return std::nullopt;
}

std::string LoadError::text() const {
    return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

std::string Template::render(const Frame& f) const {
    std::string out;
    for (auto& p : parts) {
        if (auto* s = std::get_if<std::string>(&p))
            out += *s;
        else {
            auto& e = std::get<ExprPtr>(p);
            out += e->describe(e->eval(f));
        }
    }
    return out;
}

bool AppliesTo::matches(const Frame& f) const {
    if (!drugs.empty()) {
        if (!f.stay) return false;
        bool any = false;
        for (Drug d : drugs)
            any = any || f.stay->has(d);
        if (!any) return false;
    }
    if (!procedures.empty() && (!f.stay || std::find(procedures.begin(), procedures.end(),
                                                     f.stay->procedure) == procedures.end()))
        return false;
    if (fromHours || toHours) {
        double h = (*f.now)[findField("hours_since_fill")->slot];
        if (missing(h)) return false;
        if (fromHours && h < *fromHours) return false;
        if (toHours && h >= *toHours) return false;
    }
    return true;
}

const Rule* RuleSet::find(std::string_view id) const {
    for (auto& r : rules)
        if (r.id == id) return &r;
    return nullptr;
}

std::string_view cascadeRoleCode(CascadeRole r) {
    switch (r) {
    case CascadeRole::ChargeNurse: return "charge_nurse";
    case CascadeRole::RapidResponse: return "rapid_response";
    case CascadeRole::Clinician: return "clinician";
    }
    return "charge_nurse";
}

std::string_view cascadeRoleWords(CascadeRole r) {
    switch (r) {
    case CascadeRole::ChargeNurse: return "charge nurse";
    case CascadeRole::RapidResponse: return "rapid response team";
    case CascadeRole::Clinician: return "patient's clinician";
    }
    return "charge nurse";
}

std::optional<CascadeRole> cascadeRoleFromCode(std::string_view code) {
    for (auto r : {CascadeRole::ChargeNurse, CascadeRole::RapidResponse, CascadeRole::Clinician})
        if (cascadeRoleCode(r) == code) return r;
    return std::nullopt;
}

std::shared_ptr<const RuleSet> shippedRuleSet() {
    static const std::shared_ptr<const RuleSet> set = [] {
        auto loaded = loadRuleSet(shippedRuleText(), kShippedRulePath);
        if (!loaded.ruleSet)
            throw std::runtime_error("the built-in rule set does not load: " +
                                     loaded.errors.front().text());
        return loaded.ruleSet;
    }();
    return set;
}

} // namespace vigil::rules
