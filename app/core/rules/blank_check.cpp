#include "core/rules/blank_check.h"

#include "core/rules/expr_lexer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <random>

namespace vigil::rules {

namespace {
using namespace std::chrono;

// The answer that means "nothing wrong" for each item a nurse may leave blank: the checklist of
// §6 and the vitals (their NEWS2-0 values, §2). Derived values (news2...) and stay facts are not
// boxes on the form and are not listed.
const std::map<std::string, double, std::less<>>& reassuring() {
    static const std::map<std::string, double, std::less<>> m{{"headache_postural", 0},
                                                              {"neck_stiffness", 0},
                                                              {"wound_leak", 0},
                                                              {"new_weakness", 0},
                                                              {"new_numbness", 0},
                                                              {"bladder_bowel_change", 0},
                                                              {"rash", 0},
                                                              {"bowels_opened", 1},
                                                              {"o2", 0},
                                                              {"nausea", 0},
                                                              {"vomits", 0},
                                                              {"itching", 0},
                                                              {"headache", 0},
                                                              {"rass", 0},
                                                              {"bromage", 0},
                                                              {"pain", 0},
                                                              {"bleeding", 0},
                                                              {"pocket_swelling", 0},
                                                              {"acvpu", 0},
                                                              {"poss", 1},
                                                              {"rr", 16},
                                                              {"spo2", 97},
                                                              {"sbp", 120},
                                                              {"dbp", 75},
                                                              {"hr", 70},
                                                              {"temp", 37.0}};
    return m;
}

struct Slot {
    const FieldInfo* field;
    std::vector<double> candidates; // missing first
};

// The fields a condition names, each with the values worth trying: missing, the codes of a
// choice or yes/no, and for numbers 0 and each number compared with it, one step either side.
std::vector<Slot> slotsOf(std::string_view text) {
    std::vector<Slot> out;
    std::vector<double> loose; // numbers not next to a field: tried on every number field
    auto tokens = detail::lex(text);
    auto slotFor = [&](const FieldInfo* f) -> Slot& {
        for (auto& s : out)
            if (s.field == f) return s;
        out.push_back({f, {kMissing}});
        return out.back();
    };
    const FieldInfo* last = nullptr;
    for (size_t i = 0; i < tokens.size(); ++i) {
        auto& t = tokens[i];
        bool call = i + 1 < tokens.size() && tokens[i + 1].text == "(";
        if (t.kind == detail::Tok::Ident && !call) {
            const FieldInfo* f = findField(t.text); // "and", "or", "not" are not fields
            if (f) slotFor(f);
            last = f;
        } else if (t.kind == detail::Tok::Number) {
            double step = t.number == std::floor(t.number) ? 1 : 0.1;
            for (double v : {t.number - step, t.number, t.number + step, t.number + 1})
                (last ? slotFor(last).candidates : loose).push_back(v);
            last = nullptr;
        } else if (t.kind != detail::Tok::Op) {
            last = nullptr;
        }
    }
    for (auto& s : out) {
        if (s.field->type == Type::Bool)
            s.candidates = {kMissing, 0, 1};
        else if (s.field->type == Type::Text) {
            s.candidates = {kMissing};
            for (size_t c = 0; c < s.field->codes.size(); ++c)
                s.candidates.push_back(static_cast<double>(c));
        } else {
            s.candidates.push_back(0);
            s.candidates.insert(s.candidates.end(), loose.begin(), loose.end());
            if (auto r = reassuring().find(s.field->name); r != reassuring().end())
                s.candidates.push_back(r->second);
            std::sort(s.candidates.begin() + 1, s.candidates.end());
            s.candidates.erase(std::unique(s.candidates.begin() + 1, s.candidates.end()),
                               s.candidates.end());
        }
    }
    return out;
}

// Whether `when` can be true with slot `fixed` held at `value`, trying every combination of the
// other slots (a deterministic sample when there are too many), with no history and with the
// same round repeated as history, for a stay with every drug and risk and for one with none.
bool canFire(const Expr& when, const std::vector<Slot>& slots, size_t fixed, double value) {
    static const Stay everything = [] {
        Stay s;
        for (auto& d : drugs())
            s.drugs.push_back(d.value);
        for (auto& r : riskFactors())
            s.risks.push_back(r.value);
        return s;
    }();
    static const Stay nothing;
    size_t combos = 1;
    for (size_t i = 0; i < slots.size(); ++i)
        if (i != fixed) combos = std::min<size_t>(combos * slots[i].candidates.size(), 1u << 30);
    constexpr size_t kMost = 100000;
    std::mt19937 random(7);
    Snapshot now{TimePoint{} + hours(24),
                 std::vector<double>(static_cast<size_t>(slotCount()), kMissing)};
    std::array<Snapshot, 3> history{now, now, now};
    for (size_t k = 0; k < std::min(combos, kMost); ++k) {
        size_t code = combos <= kMost ? k : random() % combos;
        for (size_t i = 0; i < slots.size(); ++i) {
            double v = value;
            if (i != fixed) {
                auto& c = slots[i].candidates;
                v = c[code % c.size()];
                code /= c.size();
            }
            now.values[static_cast<size_t>(slots[i].field->slot)] = v;
        }
        for (size_t h = 0; h < history.size(); ++h)
            history[h].values = now.values, history[h].at = now.at - hours(static_cast<int>(h) + 1);
        for (const Stay* stay : {&everything, &nothing})
            for (size_t earlier : {size_t(0), history.size()}) {
                Frame f{&now, std::span<const Snapshot>(history.data(), earlier), stay};
                double r = when.eval(f);
                if (!missing(r) && r != 0) return true;
            }
    }
    return false;
}
} // namespace

std::vector<BlankTrap> blankTraps(const RuleSet& set) {
    std::vector<BlankTrap> out;
    for (const Rule& rule : set.rules) {
        if (!rule.when) continue;
        auto slots = slotsOf(rule.when->text);
        for (size_t i = 0; i < slots.size(); ++i) {
            const FieldInfo& f = *slots[i].field;
            auto r = reassuring().find(f.name);
            if (r == reassuring().end()) continue;
            if (canFire(*rule.when, slots, i, kMissing)) continue;
            if (!canFire(*rule.when, slots, i, r->second)) continue;
            std::string answer = formatSlotValue(f, r->second);
            out.push_back(
                {rule.id, f.name, answer,
                 fmt::format(
                     "rule \"{}\" can never fire when {} is not recorded, yet it fires when "
                     "{} is {}: a blank box silences it. If a blank should count as {}, "
                     "write (missing({}) or ...) where the condition needs it; if that "
                     "part only keeps out what a higher rule covers, leave it out: the "
                     "higher rule fires too and its level wins",
                     rule.id, f.name, f.name, answer, answer, f.name)});
        }
    }
    return out;
}

} // namespace vigil::rules
