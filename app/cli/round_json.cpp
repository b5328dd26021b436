#include "cli/round_json.h"

#include "core/timefmt.h"

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

} // namespace

Stay readStayJson(const json& j) {
    if (!j.is_object())
        throw InputError{"stay", j,
                         "stay must be an object: {\"drugs\":[...],\"since\":...,\"risk\":[...]}"};
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
    if (auto t = j.find("since"); t != j.end()) {
        auto at = t->is_string() ? parseRfc3339(t->get<std::string>()) : std::nullopt;
        if (!at)
            throw InputError{"stay.since", *t,
                             "stay.since must be an RFC 3339 time, e.g. 2026-11-22T07:00:00Z"};
        s.since = *at;
    }
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

    if (auto it = in.find("at"); it != in.end() && !it->is_null()) {
        auto at = it->is_string() ? parseRfc3339(it->get<std::string>()) : std::nullopt;
        if (!at)
            throw InputError{"at", *it, "at must be an RFC 3339 time, e.g. 2026-11-22T07:00:00Z"};
        r.takenAt = *at;
    }

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
        if (!known.count(key))
            warnings.push_back({{"field", key},
                                {"value", value},
                                {"message", fmt::format("unknown field \"{}\" was ignored", key)}});
    }
    return r;
}

} // namespace vigil::cli
