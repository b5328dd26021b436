#include "cli/evaluate.h"

#include "core/entry_check.h"
#include "core/news2.h"
#include "core/sedation.h"
#include "core/timefmt.h"

#include <fmt/format.h>
#include <iostream>

namespace vigil::cli {

using nlohmann::json;

namespace {
struct InputError {
    json field;
    json value;
    std::string message;
};

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

Stay readStay(const json& j) {
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
    return s;
}

ObservationRound readRound(const json& in, EvaluateSession& session, json& warnings) {
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
    std::string patient;
    if (auto it = in.find("patient"); it != in.end() && !it->is_null()) {
        if (!it->is_string() && !it->is_number_integer())
            throw InputError{"patient", *it, "patient must be a string or an integer id"};
        patient = it->is_string() ? it->get<std::string>() : it->dump();
    }
    if (auto it = in.find("stay"); it != in.end() && !it->is_null()) {
        Stay s = readStay(*it);
        session.stays[patient] = std::move(s);
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

json scoreOrNull(const std::optional<int>& s) {
    return s ? json(*s) : json(nullptr);
}
} // namespace

json evaluateLine(const std::string& line, EvaluateSession& session, bool& ok) {
    ok = false;
    json in = json::parse(line, nullptr, false);
    if (in.is_discarded())
        return {{"error",
                 {{"field", nullptr}, {"value", nullptr}, {"message", "line is not valid JSON"}}}};
    if (!in.is_object())
        return {{"error",
                 {{"field", nullptr}, {"value", in}, {"message", "line must be a JSON object"}}}};
    json warnings = json::array();
    ObservationRound round;
    try {
        round = readRound(in, session, warnings);
    } catch (const InputError& e) {
        return {{"error", {{"field", e.field}, {"value", e.value}, {"message", e.message}}}};
    }
    for (const EntryProblem& p : checkEntry(round)) {
        json value = p.value ? json(*p.value) : json(nullptr);
        if (p.kind == EntryProblem::Kind::Refused)
            return {{"error",
                     {{"field", p.field},
                      {"value", in.value(p.field, value)},
                      {"message", p.message}}}};
        warnings.push_back(
            {{"field", p.field}, {"value", in.value(p.field, value)}, {"message", p.message}});
    }
    auto n = news2::score(round);
    const auto& p = n.parameters;
    ok = true;
    return {
        {"news2",
         {{"total", n.total},
          {"band", news2::bandCode(n.band)},
          {"complete", n.complete},
          {"red_score", n.redScore},
          {"parameters",
           {{"rr", scoreOrNull(p.rr)},
            {"spo2", scoreOrNull(p.spo2)},
            {"o2", scoreOrNull(p.o2)},
            {"sbp", scoreOrNull(p.sbp)},
            {"hr", scoreOrNull(p.hr)},
            {"acvpu", scoreOrNull(p.acvpu)},
            {"temp", scoreOrNull(p.temp)}}}}},
        {"poss", round.poss ? json(std::string(poss::code(*round.poss))) : json(nullptr)},
        {"warnings", warnings},
    };
}

int runEvaluate(std::istream& in, std::ostream& out) {
    EvaluateSession session;
    std::string line;
    bool allOk = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        bool ok = false;
        out << evaluateLine(line, session, ok).dump() << '\n' << std::flush;
        allOk = allOk && ok;
    }
    return allOk ? 0 : 1;
}

} // namespace vigil::cli
