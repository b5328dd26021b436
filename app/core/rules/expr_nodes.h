#pragma once
// The compiled form of a condition: one node type per construct of the language. Internal to the
// rules engine (expr.cpp builds them; nothing else includes this).
#include "core/rules/expr.h"

#include <algorithm>
#include <fmt/format.h>

namespace vigil::rules::detail {

inline bool truthy(double v) {
    return !missing(v) && v != 0;
}

// ---- nodes ----------------------------------------------------------------------------------

struct Const : Expr {
    double value;
    double eval(const Frame&) const override { return value; }
};

struct FieldRef : Expr {
    int slot;
    double eval(const Frame& f) const override { return (*f.now)[slot]; }
    void explain(const Frame& f, std::vector<std::string>& out) const override {
        out.push_back(fmt::format("{} {}", text, describe(eval(f))));
    }
};

enum class Op { Lt, Le, Gt, Ge, Eq, Ne };
inline const char* opText(Op o) {
    switch (o) {
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    }
    return "?";
}

// "rr 8" for a field, "12" for a constant, "drop(rr, 2h) = 6" for anything else.
inline std::string side(const Expr& e, const Frame& f) {
    if (dynamic_cast<const Const*>(&e)) return std::string(e.text);
    if (dynamic_cast<const FieldRef*>(&e))
        return fmt::format("{} {}", e.text, e.describe(e.eval(f)));
    return fmt::format("{} = {}", e.text, e.describe(e.eval(f)));
}

// A patient limit on `field`, where it moves this comparison's threshold: "spo2 <= 91" with a
// limit accepting SpO2 down to 88 becomes "spo2 < 88" for this patient.
inline const PatientLimit* limitFor(const Frame& f, const FieldInfo* field, Op op,
                                    double threshold) {
    if (!field || f.limits.empty()) return nullptr;
    for (auto& l : f.limits) {
        if (l.field != field->name) continue;
        if ((op == Op::Lt || op == Op::Le) && l.low && *l.low < threshold) return &l;
        if ((op == Op::Gt || op == Op::Ge) && l.high && *l.high > threshold) return &l;
    }
    return nullptr;
}

struct Compare : Expr {
    Op op;
    ExprPtr lhs, rhs;
    const FieldInfo* limitField = nullptr; // set when this compares a field with a number
    double eval(const Frame& f) const override {
        double a = lhs->eval(f), b = rhs->eval(f);
        if (missing(a) || missing(b)) return kMissing;
        if (limitField)
            if (const PatientLimit* l = limitFor(f, limitField, op, b))
                return op == Op::Lt || op == Op::Le ? a < *l->low : a > *l->high;
        switch (op) {
        case Op::Lt: return a < b;
        case Op::Le: return a <= b;
        case Op::Gt: return a > b;
        case Op::Ge: return a >= b;
        case Op::Eq: return a == b;
        case Op::Ne: return a != b;
        }
        return kMissing;
    }
    void explain(const Frame& f, std::vector<std::string>& out) const override {
        if (limitField)
            if (const PatientLimit* l = limitFor(f, limitField, op, rhs->eval(f))) {
                bool low = op == Op::Lt || op == Op::Le;
                out.push_back(fmt::format("{} {} {} instead of {} {}: {}", side(*lhs, f),
                                          low ? "<" : ">", formatNumber(low ? *l->low : *l->high),
                                          opText(op), rhs->text, l->describe()));
                return;
            }
        out.push_back(fmt::format("{} {} {}", side(*lhs, f), opText(op), side(*rhs, f)));
    }
    void lookback(size_t& r, double& w) const override { lhs->lookback(r, w), rhs->lookback(r, w); }
};

struct In : Expr {
    ExprPtr lhs;
    std::vector<double> set;
    std::string_view setText;
    double eval(const Frame& f) const override {
        double a = lhs->eval(f);
        if (missing(a)) return kMissing;
        return std::find(set.begin(), set.end(), a) != set.end();
    }
    void explain(const Frame& f, std::vector<std::string>& out) const override {
        out.push_back(fmt::format("{} in {}", side(*lhs, f), setText));
    }
    void lookback(size_t& r, double& w) const override { lhs->lookback(r, w); }
};

struct Logic : Expr {
    bool isAnd;
    std::vector<ExprPtr> parts;
    double eval(const Frame& f) const override {
        bool unknown = false;
        for (auto& p : parts) {
            double v = p->eval(f);
            if (missing(v))
                unknown = true;
            else if ((v != 0) != isAnd)
                return isAnd ? 0 : 1; // and: a false decides; or: a true
        }
        return unknown ? kMissing : (isAnd ? 1 : 0);
    }
    void explain(const Frame& f, std::vector<std::string>& out) const override {
        for (auto& p : parts) {
            if (!truthy(p->eval(f))) continue;
            p->explain(f, out);
            if (!isAnd) return; // for "or", the first part that held is the reason
        }
    }
    void lookback(size_t& r, double& w) const override {
        for (auto& p : parts)
            p->lookback(r, w);
    }
};

struct Not : Expr {
    ExprPtr inner;
    double eval(const Frame& f) const override {
        double v = inner->eval(f);
        return missing(v) ? kMissing : (v != 0 ? 0 : 1);
    }
    void explain(const Frame& f, std::vector<std::string>& out) const override {
        if (dynamic_cast<const FieldRef*>(inner.get()))
            inner->explain(f, out); // "bowels_opened no"
        else
            out.push_back(fmt::format("{} held", text));
    }
    void lookback(size_t& r, double& w) const override { inner->lookback(r, w); }
};

// "a + b - c": one node for the whole chain, so a long sum is neither a deep tree to recurse
// through nor a node per term.
struct Sum : Expr {
    struct Term {
        bool plus;
        ExprPtr value;
    };
    std::vector<Term> terms; // the first is always plus
    double eval(const Frame& f) const override {
        double total = 0;
        for (auto& t : terms) {
            double v = t.value->eval(f);
            total = t.plus ? total + v : total - v; // NaN propagates
        }
        return total;
    }
    void lookback(size_t& r, double& w) const override {
        for (auto& t : terms)
            t.value->lookback(r, w);
    }
};

// Evaluates `inner` as it stood one round earlier.
inline Frame shifted(const Frame& f, size_t by) {
    if (f.earlier.size() < by) return {nullptr, {}, f.stay};
    return {&f.earlier[by - 1], f.earlier.subspan(by), f.stay};
}

struct Prev : Expr {
    ExprPtr inner;
    double eval(const Frame& f) const override {
        Frame p = shifted(f, 1);
        return p.now ? inner->eval(p) : kMissing;
    }
    void lookback(size_t& r, double& w) const override {
        size_t inner_ = 0;
        inner->lookback(inner_, w);
        r = std::max(r, inner_ + 1);
    }
};

// drop(x, 2h): the highest x in the window before this round, less x now (positive: it fell).
// rise(x, 2h): x now, less the lowest x in the window.
struct Change : Expr {
    bool isDrop;
    ExprPtr inner;
    double window; // seconds
    double eval(const Frame& f) const override {
        double now = inner->eval(f);
        if (missing(now)) return kMissing;
        double best = kMissing;
        for (size_t i = 0; i < f.earlier.size(); ++i) {
            if ((f.now->at - f.earlier[i].at).count() > window) break;
            double v = inner->eval({&f.earlier[i], f.earlier.subspan(i + 1), f.stay});
            if (missing(v)) continue;
            if (missing(best) || (isDrop ? v > best : v < best)) best = v;
        }
        if (missing(best)) return kMissing;
        return isDrop ? best - now : now - best;
    }
    void lookback(size_t& r, double& w) const override {
        inner->lookback(r, w);
        w = std::max(w, window);
    }
};

struct New : Expr {
    ExprPtr inner;
    double eval(const Frame& f) const override {
        if (!truthy(inner->eval(f))) return 0;
        Frame p = shifted(f, 1);
        return p.now && truthy(inner->eval(p)) ? 0 : 1;
    }
    void explain(const Frame&, std::vector<std::string>& out) const override {
        out.push_back(fmt::format("{} held (present now, not last round)", text));
    }
    void lookback(size_t& r, double& w) const override {
        size_t inner_ = 0;
        inner->lookback(inner_, w);
        r = std::max(r, inner_ + 1);
    }
};

struct Persist : Expr {
    ExprPtr inner;
    size_t rounds;
    double eval(const Frame& f) const override {
        if (f.earlier.size() + 1 < rounds) return 0;
        for (size_t i = 0; i < rounds; ++i)
            if (!truthy(inner->eval(i == 0 ? f : shifted(f, i)))) return 0;
        return 1;
    }
    void explain(const Frame&, std::vector<std::string>& out) const override {
        out.push_back(fmt::format("{} held (in each of the last {} rounds)", text, rounds));
    }
    void lookback(size_t& r, double& w) const override {
        size_t inner_ = 0;
        inner->lookback(inner_, w);
        r = std::max(r, inner_ + rounds - 1);
    }
};

struct Missing : Expr {
    ExprPtr inner;
    double eval(const Frame& f) const override { return missing(inner->eval(f)) ? 1 : 0; }
    void explain(const Frame&, std::vector<std::string>& out) const override {
        out.push_back(fmt::format("{} not measured", inner->text));
    }
    void lookback(size_t& r, double& w) const override { inner->lookback(r, w); }
};

struct StayFact : Expr {
    bool isDrug;
    int code;
    double eval(const Frame& f) const override {
        if (!f.stay) return kMissing;
        if (isDrug) return f.stay->has(static_cast<Drug>(code));
        // As of this round: an age over 65 comes from the date of birth, and is unknown when
        // no age was recorded.
        auto held = riskAt(*f.stay, static_cast<RiskFactor>(code), f.now->at);
        return held ? static_cast<double>(*held) : kMissing;
    }
    void explain(const Frame&, std::vector<std::string>& out) const override {
        out.emplace_back(text);
    }
};

} // namespace vigil::rules::detail
