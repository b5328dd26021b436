#include "cli/rules_cmd.h"

#include "cli/evaluate.h"
#include "core/rules/blank_check.h"
#include "core/rules/shipped.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace vigil::cli {

using nlohmann::json;

std::shared_ptr<const rules::RuleSet> rulesOrReport(const std::string& path, std::ostream& err) {
    if (path.empty()) return rules::shippedRuleSet();
    auto loaded = rules::loadRuleSetFile(path);
    for (auto& e : loaded.errors)
        err << e.text() << '\n';
    return loaded.ruleSet;
}

int rulesCheck(const std::string& path, std::ostream& out, std::ostream& err) {
    auto set = rulesOrReport(path, err);
    if (!set) {
        err << path << ": refused; the rule set in use stays in use\n";
        return 1;
    }
    std::map<rules::Level, int> byLevel;
    for (auto& r : set->rules)
        ++byLevel[r.level];
    out << fmt::format(
        "{}: ok: {} {} with {} rules ({} emergency, {} urgent, {} watch, {} info), sha256 {}\n",
        path, set->name, set->version, set->rules.size(), byLevel[rules::Level::Emergency],
        byLevel[rules::Level::Urgent], byLevel[rules::Level::Watch], byLevel[rules::Level::Info],
        set->sha256);
    // Warnings, not errors: the file loads and its exit code stays 0 (an outside contract).
    auto traps = rules::blankTraps(*set);
    if (traps.empty()) return 0;
    toml::table doc;
    try {
        doc = toml::parse_file(path);
    } catch (const toml::parse_error&) { // it loaded a moment ago; positions are a courtesy
    }
    for (auto& t : traps) {
        toml::source_position at{};
        if (auto* list = doc["rule"].as_array())
            for (auto& node : *list)
                if (auto* rule = node.as_table();
                    rule && (*rule)["id"].value_or(std::string()) == t.rule)
                    if (auto* when = rule->get("when")) at = when->source().begin;
        err << fmt::format("{}:{}:{}: warning: {}\n", path, at.line, at.column, t.message);
    }
    return 0;
}

namespace {
json tomlToJson(const toml::node& n) {
    std::ostringstream s;
    if (auto* t = n.as_table())
        s << toml::json_formatter{*t};
    else if (auto* a = n.as_array())
        s << toml::json_formatter{*a};
    return json::parse(s.str());
}

std::vector<std::string> idList(const toml::table& c, const char* key) {
    std::vector<std::string> out;
    if (auto* a = c[key].as_array())
        for (auto& x : *a)
            if (auto v = x.value<std::string>()) out.push_back(*v);
    return out;
}
} // namespace

int rulesTest(const std::string& path, std::string casesPath, std::ostream& out,
              std::ostream& err) {
    auto set = rulesOrReport(path, err);
    if (!set) return 1;
    if (casesPath.empty()) {
        casesPath = path;
        auto dot = casesPath.rfind(".toml");
        casesPath =
            (dot == std::string::npos ? casesPath : casesPath.substr(0, dot)) + ".cases.toml";
    }
    toml::table doc;
    try {
        doc = toml::parse_file(casesPath);
    } catch (const toml::parse_error& e) {
        err << fmt::format("{}:{}:{}: {}\n", casesPath, e.source().begin.line,
                           e.source().begin.column, e.description());
        return 1;
    }
    json base = doc["base"].as_table() ? tomlToJson(*doc["base"].as_table()) : json::object();
    json defaultStay = doc["stay"].as_table() ? tomlToJson(*doc["stay"].as_table()) : json();
    int passed = 0, failed = 0;
    std::set<std::string> fired, quiet;
    auto* cases = doc["case"].as_array();
    if (!cases || cases->empty()) {
        err << casesPath << ": no [[case]] in the file\n";
        return 1;
    }
    for (auto& node : *cases) {
        const toml::table& c = *node.as_table();
        std::string name = c["name"].value_or<std::string>("(unnamed)");
        EvaluateSession session{set, {}};
        json stay = c["stay"].as_table() ? tomlToJson(*c["stay"].as_table()) : defaultStay;
        if (c["no_stay"].value_or(false)) stay = nullptr; // a line with no stay at all
        std::vector<std::string> problems;
        json last;
        auto* rounds = c["rounds"].as_array();
        if (!rounds || rounds->empty()) problems.push_back("the case has no rounds");
        bool first = true;
        for (auto& r : rounds ? *rounds : toml::array{}) {
            json line = base;
            json overrides = tomlToJson(r); // kept: items() refers into it
            // `blank = ["rass"]`: those items not asked in this round, whatever `base` says.
            if (overrides.contains("blank")) {
                for (auto& k : overrides["blank"])
                    if (k.is_string()) line.erase(k.get<std::string>());
                overrides.erase("blank");
            }
            for (auto& [k, v] : overrides.items())
                line[k] = v;
            if (first && !stay.is_null()) line["stay"] = stay;
            first = false;
            bool ok = false;
            last = evaluateObject(line, session, ok);
            if (!ok) problems.push_back("a round was refused: " + last.dump());
        }
        std::set<std::string> raised, open;
        if (last.contains("flags"))
            for (auto& f : last["flags"])
                raised.insert(f["rule"]), open.insert(f["rule"]);
        if (last.contains("still_open"))
            for (auto& f : last["still_open"])
                open.insert(f["rule"]);
        auto check = [&](const char* key, const std::set<std::string>& in, bool want) {
            for (auto& id : idList(c, key)) {
                if (!set->find(id))
                    problems.push_back(
                        fmt::format("{} names \"{}\", which is not a rule", key, id));
                else if (in.count(id) != want)
                    problems.push_back(
                        fmt::format("{}: \"{}\" {}", key, id, want ? "did not fire" : "fired"));
                (want ? fired : quiet).insert(id);
            }
        };
        check("expect", open, true);
        check("expect_not", open, false);
        check("expect_raised", raised, true);
        check("expect_raised_not", raised, false);
        // The escalation the last round opens or raises: a level, or "none".
        if (auto want = c["expect_escalation"].value<std::string>()) {
            json got = last.value("escalation", json());
            std::string level = got.is_object() ? got["level"].get<std::string>() : "none";
            if (level != *want)
                problems.push_back(fmt::format("expected escalation {}, got {}", *want,
                                               got.is_null() ? "none" : got.dump()));
        }
        if (c["expect_escalation_rules"].as_array()) {
            json got = last.value("escalation", json());
            auto ids = idList(c, "expect_escalation_rules");
            if (!got.is_object() || got["rules"] != json(ids))
                problems.push_back(fmt::format("expected escalation rules {}, got {}",
                                               json(ids).dump(), got.dump()));
        }
        // "expect = []" means: nothing at all may be open.
        if (auto* e = c["expect"].as_array(); e && e->empty() && !open.empty())
            problems.push_back(fmt::format("expected no flags, got {}", json(open).dump()));
        if (problems.empty()) {
            ++passed;
            out << "ok     " << name << '\n';
        } else {
            ++failed;
            out << "FAILED " << name << '\n';
            for (auto& p : problems)
                out << "         " << p << '\n';
        }
    }
    // Every rule needs a case that fires it and one that does not.
    for (auto& r : set->rules) {
        std::vector<std::string> missing;
        if (!fired.count(r.id)) missing.push_back("case that fires it");
        if (!quiet.count(r.id)) missing.push_back("case where it does not fire");
        if (missing.empty()) continue;
        ++failed;
        out << fmt::format("FAILED rule \"{}\" has no {}\n", r.id, fmt::join(missing, " and no "));
    }
    out << fmt::format("{} passed, {} failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

} // namespace vigil::cli
