#include "core/rules/ruleset.h"

#include "core/hash.h"
#include "core/rules/hidden_text.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace vigil::rules {

namespace {

class Loader {
public:
    Loader(const std::string& path) : m_path(path) {}

    void error(const toml::source_region& at, std::string message, int extraColumns = 0) {
        m_errors.push_back({m_path, static_cast<int>(at.begin.line),
                            static_cast<int>(at.begin.column) + extraColumns, std::move(message)});
    }
    void error(const toml::node& n, std::string message) { error(n.source(), std::move(message)); }
    // An error inside a quoted condition points into it: one past the opening quote, plus the
    // offset.
    void exprError(const toml::node& n, std::string message, size_t offset) {
        error(n.source(), std::move(message), 1 + static_cast<int>(offset));
    }

    // `layout`: tabs and line breaks are allowed (conditions); never in ids, messages or actions.
    std::optional<std::string> text(const toml::table& t, const char* key,
                                    const toml::source_region& owner, bool required,
                                    bool layout = false) {
        const toml::node* n = t.get(key);
        if (!n) {
            if (required)
                m_errors.push_back({m_path, static_cast<int>(owner.begin.line),
                                    static_cast<int>(owner.begin.column),
                                    fmt::format("\"{}\" is missing", key)});
            return std::nullopt;
        }
        if (!n->is_string()) {
            error(*n, fmt::format("\"{}\" must be text in quotes", key));
            return std::nullopt;
        }
        auto value = n->value<std::string>();
        if (auto hidden = findHiddenCharacter(*value, layout)) {
            error(*n, fmt::format("\"{}\" holds {}: texts in a rule file hold no control or "
                                  "bidirectional characters, which can make them read one way "
                                  "and mean another",
                                  key, hidden->describe()));
            return std::nullopt;
        }
        return value;
    }

    ExprPtr condition(const toml::table& t, const char* key, const toml::source_region& owner,
                      bool required, std::optional<Type> type) {
        auto src = text(t, key, owner, required, true);
        if (!src) return nullptr;
        try {
            return compile(*src, type);
        } catch (const CompileError& e) {
            exprError(*t.get(key), fmt::format("{}: {}", key, e.what()), e.offset);
            return nullptr;
        }
    }

    Template messageTemplate(const toml::table& t, const toml::source_region& owner) {
        Template out;
        auto src = text(t, "message", owner, true);
        if (!src) return out;
        size_t pos = 0;
        while (pos < src->size()) {
            size_t open = src->find('{', pos);
            if (open == std::string::npos) {
                out.parts.emplace_back(src->substr(pos));
                break;
            }
            if (open > pos) out.parts.emplace_back(src->substr(pos, open - pos));
            size_t close = src->find('}', open);
            if (close == std::string::npos) {
                exprError(*t.get("message"), "message: a \"{\" is not closed", open);
                return out;
            }
            try {
                out.parts.emplace_back(
                    compile(std::string_view(*src).substr(open + 1, close - open - 1)));
            } catch (const CompileError& e) {
                exprError(*t.get("message"), fmt::format("message: {}", e.what()),
                          open + 1 + e.offset);
            }
            pos = close + 1;
        }
        return out;
    }

    template <class E>
    std::vector<E> codes(const toml::table& t, const char* key, std::span<const Named<E>> table) {
        std::vector<E> out;
        const toml::node* n = t.get(key);
        if (!n) return out;
        const toml::array* a = n->as_array();
        if (!a) {
            error(*n, fmt::format("applies_to.{} must be a list, e.g. [\"{}\"]", key,
                                  table.front().code));
            return out;
        }
        for (auto& item : *a) {
            auto code = item.value<std::string>();
            auto v = code ? fromCode(table, *code) : std::nullopt;
            if (!v) {
                std::string accepted;
                for (auto& x : table)
                    accepted += (accepted.empty() ? "" : ", ") + std::string(x.code);
                error(item, fmt::format("applies_to.{}: {} is not one of {}", key,
                                        code ? *code : "this", accepted));
                continue;
            }
            out.push_back(*v);
        }
        return out;
    }

    // ["5m: charge_nurse", "10m: rapid_response"]: times above 0, strictly increasing.
    void cascade(const toml::node& n, std::string_view key, std::vector<CascadeStep>& out) {
        constexpr std::string_view kAccepted =
            "\"DURATION: ROLE\" with a duration above 0 (e.g. 5m) and a role of charge_nurse, "
            "rapid_response or clinician, later steps at later times";
        const toml::array* a = n.as_array();
        if (!a) {
            error(n, fmt::format("timing.{} must be a list: e.g. [\"5m: charge_nurse\", "
                                 "\"10m: rapid_response\"]",
                                 key));
            return;
        }
        std::vector<CascadeStep> steps;
        for (auto& item : *a) {
            auto v = item.value<std::string>();
            if (!item.is_string() || !v) {
                error(item,
                      fmt::format("timing.{}: every step is text in quotes: {}", key, kAccepted));
                continue;
            }
            auto colon = v->find(':');
            auto trim = [](std::string_view x) {
                auto b = x.find_first_not_of(' ');
                auto e = x.find_last_not_of(' ');
                return b == std::string_view::npos ? std::string_view{} : x.substr(b, e - b + 1);
            };
            std::optional<double> d;
            std::optional<CascadeRole> role;
            if (colon != std::string::npos) {
                d = parseDuration(trim(std::string_view(*v).substr(0, colon)));
                role = cascadeRoleFromCode(trim(std::string_view(*v).substr(colon + 1)));
            }
            if (!d || *d <= 0 || !role) {
                error(item, fmt::format("timing.{} \"{}\" is not a step: {}", key, *v, kAccepted));
                continue;
            }
            // parseDuration keeps it finite and within 30 days: the cast is defined.
            CascadeStep s{std::chrono::seconds(static_cast<long>(*d)), *role};
            if (!steps.empty() && s.after <= steps.back().after) {
                error(item, fmt::format("timing.{} \"{}\" is not later than the step before it: {}",
                                        key, *v, kAccepted));
                continue;
            }
            steps.push_back(s);
        }
        out = std::move(steps);
    }

    void rule(const toml::table& t, std::set<std::string>& ids) {
        const auto& at = t.source();
        Rule r;
        if (auto id = text(t, "id", at, true)) {
            r.id = *id;
            if (r.id.find_first_not_of(' ') == std::string::npos)
                error(*t.get("id"), "id is empty: every rule needs a name, e.g. "
                                    "\"rr-9-10-and-falling\"");
            else if (!ids.insert(r.id).second)
                error(*t.get("id"), fmt::format("duplicate rule id \"{}\"", r.id));
        }
        if (auto level = text(t, "level", at, true)) {
            if (auto l = levelFromCode(*level))
                r.level = *l;
            else
                error(
                    *t.get("level"),
                    fmt::format("unknown level \"{}\": info, watch, urgent or emergency", *level));
        }
        r.when = condition(t, "when", at, true, Type::Bool);
        // Said apart from the generic "is missing": the file's older rules all lack it.
        if (!t.get("summary"))
            m_errors.push_back(
                {m_path, static_cast<int>(at.begin.line), static_cast<int>(at.begin.column),
                 fmt::format("rule \"{}\" has no \"summary\": add what it looks for in "
                             "clinical words, as the handoff sheet prints it, e.g. summary = "
                             "\"SpO2 91 % or less on oxygen\"",
                             r.id)});
        else if (auto summary = text(t, "summary", at, false)) {
            r.summary = *summary;
            if (r.summary.find_first_not_of(' ') == std::string::npos)
                error(*t.get("summary"),
                      fmt::format("rule \"{}\": summary is empty: say what it looks for in "
                                  "clinical words, e.g. \"SpO2 91 % or less on oxygen\"",
                                  r.id));
        }
        r.message = messageTemplate(t, at);
        r.action = text(t, "action", at, r.level >= Level::Watch).value_or("");
        r.source = text(t, "source", at, true).value_or("");
        if (!r.source.empty() && r.source.find("clinical-reference") == std::string::npos &&
            r.source.find("local") == std::string::npos)
            error(*t.get("source"),
                  "source must name the clinical-reference section (e.g. \"clinical-reference "
                  "§5\"), or say \"local: ...\" for a hospital's own rule");
        if (auto rep = text(t, "repeat_after", at, false)) {
            if (auto d = parseDuration(*rep); d && *d > 0)
                r.repeatAfter = *d;
            else
                error(*t.get("repeat_after"),
                      fmt::format("repeat_after \"{}\" is not a duration above 0 and up to 30 "
                                  "days: e.g. 30m, 2h",
                                  *rep));
            if (r.level == Level::Emergency)
                error(*t.get("repeat_after"),
                      "an emergency flag is never suppressed: remove repeat_after");
        }
        r.clearWhen = condition(t, "clear_when", at, false, Type::Bool);
        r.track = condition(t, "track", at, false, Type::Number);
        if (auto worse = text(t, "worse", at, false)) {
            if (*worse == "lower" || *worse == "higher")
                r.worseIsLower = *worse == "lower";
            else
                error(*t.get("worse"), "worse must be \"lower\" or \"higher\"");
            if (!r.track) error(*t.get("worse"), "worse needs track, the value that worsens");
        }
        if (const toml::node* a = t.get("applies_to")) {
            if (const toml::table* at2 = a->as_table()) {
                r.appliesTo.drugs = codes(*at2, "drugs", drugs());
                r.appliesTo.procedures = codes(*at2, "procedure", procedures());
                if (const toml::node* h = at2->get("hours_since_fill")) {
                    const toml::array* range = h->as_array();
                    if (range && range->size() == 2 && (*range)[0].is_number() &&
                        (*range)[1].is_number()) {
                        double from = *(*range)[0].value<double>();
                        double to = *(*range)[1].value<double>();
                        // A range that is empty or not finite would silently switch the rule off
                        // (or on for every hour).
                        if (!std::isfinite(from) || !std::isfinite(to))
                            error(*h, "applies_to.hours_since_fill must be finite numbers of "
                                      "hours, e.g. [0, 24]");
                        else if (from >= to)
                            error((*range)[0],
                                  fmt::format("applies_to.hours_since_fill [{}, {}]: the low end "
                                              "must be below the high end (hours from, to)",
                                              from, to));
                        r.appliesTo.fromHours = from;
                        r.appliesTo.toHours = to;
                    } else {
                        error(*h, "applies_to.hours_since_fill must be [from, to] in hours, e.g. "
                                  "[0, 24]");
                    }
                }
                for (auto& [key, value] : *at2)
                    if (key != "drugs" && key != "procedure" && key != "hours_since_fill")
                        error(value, fmt::format("applies_to: unknown key \"{}\" (drugs, "
                                                 "procedure, hours_since_fill)",
                                                 key.str()));
            } else {
                error(*a, "applies_to must be a table, e.g. { drugs = [\"baclofen\"] }");
            }
        }
        static const std::set<std::string> known{
            "id",         "level",        "when",       "message", "action", "source",
            "applies_to", "repeat_after", "clear_when", "track",   "worse",  "summary"};
        for (auto& [key, value] : t)
            if (!known.count(std::string(key.str())))
                error(value, fmt::format("unknown key \"{}\" in a rule", key.str()));
        m_rules.push_back(std::move(r));
    }

    Loaded load(std::string_view content) {
        toml::table doc;
        try {
            doc = toml::parse(content, m_path);
        } catch (const toml::parse_error& e) {
            error(e.source(), std::string(e.description()));
            return {nullptr, m_errors};
        }
        auto set = std::make_shared<RuleSet>();
        toml::source_region top{{1, 1}, {1, 1}, nullptr};
        set->name = text(doc, "name", top, true).value_or("");
        set->version = text(doc, "version", top, true).value_or("");
        if (const toml::node* timing = doc.get("timing")) {
            if (const toml::table* t = timing->as_table()) {
                for (auto [key, target] :
                     {std::pair{"acknowledge_emergency", &set->acknowledgeEmergency},
                      std::pair{"acknowledge_urgent", &set->acknowledgeUrgent}}) {
                    auto v = text(*t, key, timing->source(), false);
                    if (!v) continue;
                    // parseDuration keeps it finite and within 30 days: the cast is defined.
                    if (auto d = parseDuration(*v); d && *d > 0)
                        *target = std::chrono::seconds(static_cast<long>(*d));
                    else
                        error(*t->get(key),
                              fmt::format("timing.{} \"{}\" is not a duration above 0 and up to "
                                          "30 days: e.g. 5m",
                                          key, *v));
                }
                for (auto [key, target] : {std::pair{"cascade_emergency", &set->cascadeEmergency},
                                           std::pair{"cascade_urgent", &set->cascadeUrgent}})
                    if (const toml::node* n = t->get(key)) cascade(*n, key, *target);
                for (auto& [key, value] : *t)
                    if (key != "acknowledge_emergency" && key != "acknowledge_urgent" &&
                        key != "cascade_emergency" && key != "cascade_urgent")
                        error(value, fmt::format("timing: unknown key \"{}\" "
                                                 "(acknowledge_emergency, acknowledge_urgent, "
                                                 "cascade_emergency, cascade_urgent)",
                                                 key.str()));
            } else {
                error(*timing, "timing must be a table: [timing]");
            }
        }
        std::set<std::string> ids;
        if (const toml::node* rules = doc.get("rule")) {
            if (const toml::array* a = rules->as_array(); a && a->is_array_of_tables()) {
                for (auto& r : *a)
                    rule(*r.as_table(), ids);
            } else {
                error(*rules, "rules are written as [[rule]] tables");
            }
        } else {
            m_errors.push_back({m_path, 1, 1, "the file has no [[rule]]"});
        }
        for (auto& [key, value] : doc)
            if (key != "name" && key != "version" && key != "rule" && key != "description" &&
                key != "timing")
                error(value, fmt::format("unknown top-level key \"{}\"", key.str()));
        if (!m_errors.empty()) return {nullptr, m_errors};
        set->sha256 = sha256Hex(content);
        set->path = m_path;
        set->rules = std::move(m_rules);
        for (auto& r : set->rules) {
            for (auto* e : {&r.when, &r.clearWhen, &r.track})
                if (*e) (*e)->lookback(set->lookbackRounds, set->lookbackWindow);
            for (auto& part : r.message.parts)
                if (auto* e = std::get_if<ExprPtr>(&part))
                    (*e)->lookback(set->lookbackRounds, set->lookbackWindow);
        }
        return {set, {}};
    }

private:
    std::string m_path;
    std::vector<LoadError> m_errors;
    std::vector<Rule> m_rules;
};

} // namespace

Loaded loadRuleSet(std::string_view content, const std::string& path) {
    return Loader(path).load(content);
}

Loaded loadRuleSetFile(const std::string& path) {
    // A folder opens as a stream on Linux and reads as empty: say what it is instead.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return {nullptr, {{path, 0, 0, "is a folder, not a rule file: give the .toml file in it"}}};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {nullptr, {{path, 0, 0, "cannot read the file"}}};
    std::ostringstream buf;
    buf << in.rdbuf();
    return loadRuleSet(buf.str(), path);
}

} // namespace vigil::rules
