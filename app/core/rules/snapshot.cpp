#include "core/rules/snapshot.h"

#include "core/amendment.h"

#include <algorithm>
#include <fmt/format.h>

namespace vigil::rules {

std::string_view typeName(Type t) {
    switch (t) {
    case Type::Number: return "a number";
    case Type::Bool: return "true/false";
    case Type::Text: return "a choice";
    case Type::Duration: return "a duration";
    case Type::List: return "a list";
    }
    return "?";
}

namespace {
template <class E> std::vector<std::string> codesOf(std::span<const Named<E>> table) {
    std::vector<std::string> out;
    for (auto& n : table)
        out.emplace_back(n.code);
    return out;
}

std::vector<FieldInfo> buildFields() {
    std::vector<FieldInfo> f;
    auto add = [&](std::string name, Type t, std::string description,
                   std::vector<std::string> codes = {}) {
        f.push_back({std::move(name), t, std::move(codes), std::move(description),
                     static_cast<int>(f.size())});
    };
    for (auto& n : numberFields())
        add(std::string(n.key), Type::Number, std::string(n.label));
    for (auto& n : flagFields())
        add(std::string(n.key), Type::Bool, std::string(n.label));
    add("acvpu", Type::Text, "Consciousness (ACVPU)", codesOf(acvpuLevels()));
    add("bleeding", Type::Text, "Wound bleeding", codesOf(bleedingLevels()));
    add("pocket_swelling", Type::Text, "Pocket swelling", codesOf(swellingLevels()));
    add("poss", Type::Number, "POSS, with S (asleep, easy to rouse) as 0");
    add("spo2_scale", Type::Number, "NEWS2 SpO2 scale, 1 or 2");
    add("news2", Type::Number, "NEWS2 total (of the parameters present)");
    add("news2_band", Type::Text, "NEWS2 band", {"low", "low-medium", "medium", "high"});
    add("news2_red", Type::Bool, "A single NEWS2 parameter scored 3");
    add("news2_complete", Type::Bool, "All seven NEWS2 inputs present");
    for (auto p : {"rr", "spo2", "o2", "sbp", "hr", "acvpu", "temp"})
        add(std::string("news2_") + p, Type::Number, std::string("NEWS2 sub-score for ") + p);
    add("hours_since_fill", Type::Number, "Hours since implant, fill or bolus");
    add("procedure", Type::Text, "Procedure", codesOf(procedures()));
    add("pain_goal", Type::Number, "The patient's pain goal, 0-10");
    return f;
}

double boolValue(const std::optional<bool>& b) {
    return b ? (*b ? 1.0 : 0.0) : kMissing;
}
double number(const std::optional<double>& v) {
    return v ? *v : kMissing;
}
double score(const std::optional<int>& v) {
    return v ? static_cast<double>(*v) : kMissing;
}
template <class E> double index(const std::optional<E>& v) {
    return v ? static_cast<double>(*v) : kMissing;
}
} // namespace

const std::vector<FieldInfo>& fields() {
    static const std::vector<FieldInfo> all = buildFields();
    return all;
}

const FieldInfo* findField(std::string_view name) {
    for (auto& f : fields())
        if (f.name == name) return &f;
    return nullptr;
}

int slotCount() {
    return static_cast<int>(fields().size());
}

Snapshot snapshot(const ObservationRound& r, const news2::Result& n, const Stay* stay) {
    // Slots follow buildFields() exactly; the order below must match it.
    Snapshot s{r.takenAt, {}};
    auto& v = s.values;
    v.reserve(fields().size());
    for (auto& f : numberFields())
        v.push_back(number(r.*(f.member)));
    for (auto& f : flagFields())
        v.push_back(boolValue(r.*(f.member)));
    v.push_back(index(r.acvpu));
    v.push_back(index(r.bleeding));
    v.push_back(index(r.pocketSwelling));
    v.push_back(index(r.poss)); // Asleep (S) is 0, then 1..4
    v.push_back(r.spo2Scale);
    v.push_back(n.total);
    v.push_back(static_cast<double>(n.band));
    v.push_back(n.redScore ? 1 : 0);
    v.push_back(n.complete ? 1 : 0);
    const auto& p = n.parameters;
    for (auto* sub : {&p.rr, &p.spo2, &p.o2, &p.sbp, &p.hr, &p.acvpu, &p.temp})
        v.push_back(score(*sub));
    bool knownSince = stay && stay->since != TimePoint{};
    v.push_back(
        knownSince
            ? std::chrono::duration<double, std::ratio<3600>>(r.takenAt - stay->since).count()
            : kMissing);
    v.push_back(stay ? static_cast<double>(stay->procedure) : kMissing);
    v.push_back(stay ? static_cast<double>(stay->painGoal) : kMissing);
    return s;
}

std::string formatNumber(double v) {
    if (missing(v)) return "not measured";
    return v == std::floor(v) && std::abs(v) < 1e9 ? fmt::format("{:.0f}", v)
                                                   : fmt::format("{:.1f}", v);
}

std::string formatSlotValue(const FieldInfo& f, double v) {
    if (missing(v)) return "not measured";
    switch (f.type) {
    case Type::Bool: return v != 0 ? "yes" : "no";
    case Type::Text: {
        auto i = static_cast<size_t>(v);
        return i < f.codes.size() ? f.codes[i] : "?";
    }
    default:
        if (f.name == "poss") return v == 0 ? "S" : formatNumber(v);
        return formatNumber(v);
    }
}

} // namespace vigil::rules
