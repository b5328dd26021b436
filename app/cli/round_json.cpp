#include "cli/round_json.h"

#include "core/timefmt.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace vigil::cli {

using nlohmann::json;

namespace {

std::string accepted(auto table) {
    std::string out;
    for (auto& n : table)
        out += (out.empty() ? "\"" : ", \"") + std::string(n.code) + "\"";
    return out;
}

template <class E>
std::optional<E> readChoice(const json& in, std::string_view key, std::span<const Named<E>> table,
                            std::string_view label) {
    auto it = in.find(key);
    if (it == in.end() || it->is_null()) return std::nullopt;
    std::string code;
    // POSS is "S","1".."4"; a bare number 1-4 means the same and is accepted too.
    if (it->is_string())
        code = it->get<std::string>();
    else if (it->is_number_integer())
        code = std::to_string(it->get<long long>());
    if (auto v = fromCode(table, code)) return v;
    throw InputError{
        key, *it,
        fmt::format("{} {} is not accepted: one of {}", label, it->dump(), accepted(table))};
}

// A time Vigil can keep and write back: RFC 3339 within years 0001-9999, and not the epoch,
// which stands for "no time" inside Vigil (a round or stay at the epoch would pass as untimed).
TimePoint readTime(const json& value, const std::string& field) {
    auto at = value.is_string() ? parseRfc3339(value.get<std::string>()) : std::nullopt;
    if (!at)
        throw InputError{field, value,
                         fmt::format("{} must be an RFC 3339 time from year 0001 to 9999 (in UTC), "
                                     "e.g. 2026-11-22T07:00:00Z",
                                     field)};
    if (*at == TimePoint{})
        throw InputError{field, value,
                         fmt::format("{} is the epoch (1970-01-01T00:00:00Z), which Vigil reads as "
                                     "\"no time\": leave {} out when the time is not known",
                                     field, field)};
    return *at;
}

void warnUnknown(json& warnings, const std::string& field, const json& value) {
    warnings.push_back({{"field", field},
                        {"value", value},
                        {"message", fmt::format("unknown field \"{}\" was ignored", field)}});
}

} // namespace

json parseJsonLine(const std::string& line) {
    // The keys met so far in each object still open, and the key being read in each.
    struct Object {
        std::set<std::string> keys;
        std::string current;
    };
    std::vector<Object> open;
    auto pathTo = [&](const std::string& key) {
        std::string path;
        for (size_t i = 0; i + 1 < open.size(); ++i)
            path += open[i].current + ".";
        return path + key;
    };
    // Checked while parsing: nothing deeper than the limit is ever built, so no later step (copy,
    // dump, destruction) recurses through 70,000 levels.
    json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            if (depth >= kMaxJsonDepth)
                throw InputError{nullptr, nullptr,
                                 fmt::format("the line nests objects and lists more than {} deep",
                                             kMaxJsonDepth)};
            if (event == json::parse_event_t::object_start) open.emplace_back();
            break;
        case json::parse_event_t::object_end: open.pop_back(); break;
        case json::parse_event_t::key: {
            auto key = parsed.get<std::string>();
            if (!open.back().keys.insert(key).second)
                throw InputError{pathTo(key), nullptr,
                                 fmt::format("\"{}\" is given twice: give each field once", key)};
            open.back().current = key;
            break;
        }
        default: break;
        }
        return true;
    };
    json in = json::parse(line, check, false);
    if (in.is_discarded()) throw InputError{nullptr, nullptr, "line is not valid JSON"};
    return in;
}

Stay readStayJson(const json& j, json& warnings) {
    if (!j.is_object())
        throw InputError{"stay", j,
                         "stay must be an object: {\"drugs\":[...],\"since\":...,\"risk\":[...]}"};
    for (auto& [key, value] : j.items())
        if (key != "drugs" && key != "risk" && key != "since" && key != "procedure" &&
            key != "pain_goal" && key != "date_of_birth")
            warnUnknown(warnings, "stay." + key, value);
    Stay s;
    if (auto d = j.find("drugs"); d != j.end()) {
        if (!d->is_array()) throw InputError{"stay.drugs", *d, "stay.drugs must be a list"};
        for (auto& x : *d) {
            auto v = x.is_string() ? fromCode(drugs(), x.get<std::string>()) : std::nullopt;
            if (!v)
                throw InputError{
                    "stay.drugs", x,
                    fmt::format("unknown drug {}: one of {}", x.dump(), accepted(drugs()))};
            s.drugs.push_back(*v);
        }
    }
    if (auto r = j.find("risk"); r != j.end()) {
        if (!r->is_array()) throw InputError{"stay.risk", *r, "stay.risk must be a list"};
        for (auto& x : *r) {
            auto v = x.is_string() ? fromCode(riskFactors(), x.get<std::string>()) : std::nullopt;
            if (!v)
                throw InputError{"stay.risk", x,
                                 fmt::format("unknown risk factor {}: one of {}", x.dump(),
                                             accepted(riskFactors()))};
            s.risks.push_back(*v);
        }
    }
    if (auto b = j.find("date_of_birth"); b != j.end()) {
        if (!b->is_string() || !parseDateOfBirth(b->get<std::string>()))
            throw InputError{"stay.date_of_birth", *b,
                             "stay.date_of_birth must be a date in quotes, YYYY-MM-DD"};
        s.dateOfBirth = b->get<std::string>();
        // Age over 65 comes from the date of birth: a tick beside it could only contradict it.
        if (std::ranges::find(s.risks, RiskFactor::Over65) != s.risks.end())
            throw InputError{"stay.risk", "over_65",
                             "over_65 comes from stay.date_of_birth when it is given: leave it "
                             "out of stay.risk"};
    }
    if (auto t = j.find("since"); t != j.end()) s.since = readTime(*t, "stay.since");
    if (auto p = j.find("procedure"); p != j.end()) {
        auto v = p->is_string() ? fromCode(procedures(), p->get<std::string>()) : std::nullopt;
        if (!v)
            throw InputError{
                "stay.procedure", *p,
                fmt::format("unknown procedure {}: one of {}", p->dump(), accepted(procedures()))};
        s.procedure = *v;
    }
    if (auto g = j.find("pain_goal"); g != j.end()) {
        if (!g->is_number_integer() || g->get<long long>() < 0 || g->get<long long>() > 10)
            throw InputError{"stay.pain_goal", *g, "stay.pain_goal must be a whole number 0-10"};
        s.painGoal = static_cast<int>(g->get<long long>());
    }
    return s;
}

ObservationRound readRoundJson(const json& in, json& warnings) {
    ObservationRound r;
    for (const NumberField& f : numberFields()) {
        auto it = in.find(f.key);
        if (it == in.end() || it->is_null()) continue; // missing is "not measured", never 0
        if (!it->is_number())
            throw InputError{f.key, *it, fmt::format("{} must be a number ({})", f.key, f.unit)};
        r.*(f.member) = it->get<double>();
    }
    for (const FlagField& f : flagFields()) {
        auto it = in.find(f.key);
        if (it == in.end() || it->is_null()) continue;
        if (!it->is_boolean())
            throw InputError{f.key, *it, fmt::format("{} must be true or false", f.key)};
        r.*(f.member) = it->get<bool>();
    }
    if (auto it = in.find("spo2_scale"); it != in.end() && !it->is_null()) {
        if (!it->is_number_integer() || (it->get<long long>() != 1 && it->get<long long>() != 2))
            throw InputError{"spo2_scale", *it, "spo2_scale must be 1 or 2"};
        r.spo2Scale = static_cast<int>(it->get<long long>());
    }
    r.acvpu = readChoice(in, "acvpu", acvpuLevels(), "acvpu");
    r.poss = readChoice(in, "poss", possLevels(), "poss");
    r.bleeding = readChoice(in, "bleeding", bleedingLevels(), "bleeding");
    r.pocketSwelling = readChoice(in, "pocket_swelling", swellingLevels(), "pocket_swelling");

    if (auto it = in.find("at"); it != in.end() && !it->is_null()) r.takenAt = readTime(*it, "at");

    for (auto& [key, value] : in.items()) {
        static const std::set<std::string> known = [] {
            std::set<std::string> k{"spo2_scale",      "acvpu", "poss",    "bleeding",
                                    "pocket_swelling", "at",    "patient", "stay"};
            for (auto& f : numberFields())
                k.emplace(f.key);
            for (auto& f : flagFields())
                k.emplace(f.key);
            return k;
        }();
        if (!known.count(key)) warnUnknown(warnings, key, value);
    }
    return r;
}

} // namespace vigil::cli
