#include "core/rules/expr.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <set>

namespace vigil::rules {

void Expr::explain(const Frame& f, std::vector<std::string>& out) const {
    out.push_back(fmt::format("{} = {}", text, describe(eval(f))));
}

std::string Expr::describe(double v) const {
    if (field) return formatSlotValue(*field, v);
    if (type == Type::Bool) return missing(v) ? "unknown" : v != 0 ? "yes" : "no";
    return formatNumber(v);
}

std::optional<double> parseDuration(std::string_view t) {
    if (t.size() < 2) return std::nullopt;
    double n = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size() - 1, n);
    if (ec != std::errc{} || end != t.data() + t.size() - 1 || n < 0) return std::nullopt;
    switch (t.back()) {
    case 'm': return n * 60;
    case 'h': return n * 3600;
    case 'd': return n * 86400;
    default: return std::nullopt;
    }
}

namespace {

bool truthy(double v) {
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
const char* opText(Op o) {
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
std::string side(const Expr& e, const Frame& f) {
    if (dynamic_cast<const Const*>(&e)) return e.text;
    if (dynamic_cast<const FieldRef*>(&e))
        return fmt::format("{} {}", e.text, e.describe(e.eval(f)));
    return fmt::format("{} = {}", e.text, e.describe(e.eval(f)));
}

// A patient limit on `field`, where it moves this comparison's threshold: "spo2 <= 91" with a
// limit accepting SpO2 down to 88 becomes "spo2 < 88" for this patient.
const PatientLimit* limitFor(const Frame& f, const FieldInfo* field, Op op, double threshold) {
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
    std::string setText;
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

struct Arith : Expr {
    bool plus;
    ExprPtr lhs, rhs;
    double eval(const Frame& f) const override {
        double a = lhs->eval(f), b = rhs->eval(f);
        return plus ? a + b : a - b; // NaN propagates
    }
    void lookback(size_t& r, double& w) const override { lhs->lookback(r, w), rhs->lookback(r, w); }
};

// Evaluates `inner` as it stood one round earlier.
Frame shifted(const Frame& f, size_t by) {
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
        return isDrug ? f.stay->has(static_cast<Drug>(code))
                      : f.stay->has(static_cast<RiskFactor>(code));
    }
    void explain(const Frame&, std::vector<std::string>& out) const override {
        out.push_back(text);
    }
};

// ---- lexer ----------------------------------------------------------------------------------

enum class Tok { Number, Duration, String, Ident, Op, End };
struct Token {
    Tok kind;
    std::string text;
    size_t at;
    double number = 0;
};

std::vector<Token> lex(std::string_view s) {
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        size_t start = i;
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'))
                ++i;
            double n = 0;
            auto [end, ec] = std::from_chars(s.data() + start, s.data() + i, n);
            if (ec != std::errc{} || end != s.data() + i)
                throw CompileError(
                    start, fmt::format("\"{}\" is not a number", s.substr(start, i - start)));
            if (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) {
                while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
                    ++i;
                auto text = s.substr(start, i - start);
                auto d = parseDuration(text);
                if (!d)
                    throw CompileError(
                        start,
                        fmt::format("\"{}\" is not a duration: use m, h or d, e.g. 30m, 2h", text));
                out.push_back({Tok::Duration, std::string(text), start, *d});
            } else {
                out.push_back({Tok::Number, std::string(s.substr(start, i - start)), start, n});
            }
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_'))
                ++i;
            out.push_back({Tok::Ident, std::string(s.substr(start, i - start)), start});
            continue;
        }
        if (c == '"' || c == '\'') {
            size_t close = s.find(c, i + 1);
            if (close == std::string_view::npos)
                throw CompileError(start, "a quoted text is not closed");
            out.push_back({Tok::String, std::string(s.substr(i + 1, close - i - 1)), start});
            i = close + 1;
            continue;
        }
        static const char* two[] = {"<=", ">=", "==", "!="};
        bool matched = false;
        for (auto* t : two)
            if (s.substr(i, 2) == t) {
                out.push_back({Tok::Op, t, start});
                i += 2;
                matched = true;
                break;
            }
        if (matched) continue;
        if (std::string_view("<>()[],+-").find(c) != std::string_view::npos) {
            out.push_back({Tok::Op, std::string(1, c), start});
            ++i;
            continue;
        }
        if (c == '=')
            throw CompileError(start, "use == to compare (a single = is not a comparison)");
        throw CompileError(start, fmt::format("unexpected character '{}'", c));
    }
    out.push_back({Tok::End, "", s.size()});
    return out;
}

// ---- parser and type checker ----------------------------------------------------------------

size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] != b[j - 1])});
            prev = cur;
        }
    }
    return row[b.size()];
}

std::string codeList(const std::vector<std::string>& codes) {
    std::string out;
    for (auto& c : codes)
        out += (out.empty() ? "" : ", ") + c;
    return out;
}

class Parser {
public:
    Parser(std::string_view src) : m_src(src), m_toks(lex(src)) {}

    ExprPtr parseAll(std::optional<Type> expect) {
        auto e = parseOr();
        if (peek().kind != Tok::End)
            throw CompileError(peek().at, fmt::format("unexpected \"{}\"", peek().text));
        if (expect && e->type != *expect)
            throw CompileError(0, fmt::format("the condition must be true/false, but \"{}\" is {}",
                                              e->text, typeName(e->type)));
        return e;
    }

private:
    const Token& peek() const { return m_toks[m_pos]; }
    bool isOp(const char* op) const { return peek().kind == Tok::Op && peek().text == op; }
    bool isWord(const char* w) const { return peek().kind == Tok::Ident && peek().text == w; }
    void expectOp(const char* op) {
        if (!isOp(op)) throw CompileError(peek().at, fmt::format("expected \"{}\" here", op));
        ++m_pos;
    }
    template <class N> std::unique_ptr<N> node(Type t, size_t from) {
        auto n = std::make_unique<N>();
        n->type = t;
        size_t to = m_pos > 0 ? m_toks[m_pos - 1].at + m_toks[m_pos - 1].text.size() : from;
        if (m_pos > 0 && m_toks[m_pos - 1].kind == Tok::String) to += 2; // the quotes
        n->text = std::string(m_src.substr(from, to - from));
        return n;
    }
    void need(const Expr& e, Type t, size_t at, std::string_view what) {
        if (e.type != t)
            throw CompileError(at, fmt::format("{} needs {}, but \"{}\" is {}", what, typeName(t),
                                               e.text, typeName(e.type)));
    }

    // Nesting is bounded so that a hostile or broken file cannot exhaust the stack (found by
    // fuzzing: thousands of "(").
    struct Depth {
        Parser& p;
        explicit Depth(Parser& parser) : p(parser) {
            if (++p.m_depth > kMaxDepth)
                throw CompileError(p.peek().at,
                                   "the condition nests too deeply (more than 32 levels)");
        }
        ~Depth() { --p.m_depth; }
    };
    static constexpr int kMaxDepth = 32;

    ExprPtr parseOr() {
        Depth guard(*this);
        return parseLogic(false);
    }
    ExprPtr parseLogic(bool isAnd) {
        size_t from = peek().at;
        auto first = isAnd ? parseNot() : parseLogic(true);
        if (!isWord(isAnd ? "and" : "or")) return first;
        std::vector<ExprPtr> parts;
        need(*first, Type::Bool, from, isAnd ? "\"and\"" : "\"or\"");
        parts.push_back(std::move(first));
        while (isWord(isAnd ? "and" : "or")) {
            ++m_pos;
            size_t at = peek().at;
            auto next = isAnd ? parseNot() : parseLogic(true);
            need(*next, Type::Bool, at, isAnd ? "\"and\"" : "\"or\"");
            parts.push_back(std::move(next));
        }
        auto n = node<Logic>(Type::Bool, from);
        n->isAnd = isAnd;
        n->parts = std::move(parts);
        return n;
    }
    ExprPtr parseNot() {
        if (!isWord("not")) return parseCompare();
        Depth guard(*this);
        size_t from = peek().at;
        ++m_pos;
        auto inner = parseNot();
        need(*inner, Type::Bool, from, "\"not\"");
        auto n = node<Not>(Type::Bool, from);
        n->inner = std::move(inner);
        return n;
    }

    // A text constant compared with a choice field becomes the code's index.
    void resolveText(ExprPtr& constant, const Expr& against) {
        auto* c = dynamic_cast<Const*>(constant.get());
        if (!c || constant->type != Type::Text || against.type != Type::Text || !against.field)
            return;
        const auto& codes = against.field->codes;
        auto it = std::find(codes.begin(), codes.end(), m_stringValues[c]);
        if (it == codes.end())
            throw CompileError(m_stringAt[c],
                               fmt::format("\"{}\" is not a {} code: one of {}", m_stringValues[c],
                                           against.field->name, codeList(codes)));
        c->value = static_cast<double>(it - codes.begin());
        c->field = against.field;
    }

    ExprPtr parseCompare() {
        size_t from = peek().at;
        auto lhs = parseSum();
        if (isWord("in")) {
            ++m_pos;
            size_t listAt = peek().at;
            expectOp("[");
            auto n = std::make_unique<In>();
            while (!isOp("]")) {
                size_t at = peek().at;
                auto item = parseSum();
                auto* c = dynamic_cast<Const*>(item.get());
                if (!c)
                    throw CompileError(
                        at, "a list after \"in\" holds constants only, e.g. [\"V\", \"P\", \"U\"]");
                if (lhs->type == Type::Text)
                    resolveText(item, *lhs);
                else
                    need(*item, lhs->type, at, fmt::format("\"{}\" in [...]", lhs->text));
                n->set.push_back(c->value);
                if (!isOp("]")) expectOp(",");
            }
            ++m_pos;
            n->setText = std::string(m_src.substr(listAt, m_toks[m_pos - 1].at + 1 - listAt));
            n->type = Type::Bool;
            n->text = std::string(m_src.substr(from, m_toks[m_pos - 1].at + 1 - from));
            n->lhs = std::move(lhs);
            return n;
        }
        static const std::pair<const char*, Op> ops[] = {{"<", Op::Lt},  {"<=", Op::Le},
                                                         {">", Op::Gt},  {">=", Op::Ge},
                                                         {"==", Op::Eq}, {"!=", Op::Ne}};
        for (auto& [text, op] : ops) {
            if (!isOp(text)) continue;
            size_t opAt = peek().at;
            ++m_pos;
            auto rhs = parseSum();
            resolveText(rhs, *lhs);
            resolveText(lhs, *rhs);
            if (lhs->type == Type::Duration || rhs->type == Type::Duration)
                throw CompileError(opAt, "a duration (e.g. 2h) only goes inside drop() or rise(); "
                                         "hours_since_fill is a plain number of hours");
            if (lhs->type != rhs->type)
                throw CompileError(opAt, fmt::format("cannot compare \"{}\" ({}) with \"{}\" ({})",
                                                     lhs->text, typeName(lhs->type), rhs->text,
                                                     typeName(rhs->type)));
            if (lhs->type == Type::Bool && op != Op::Eq && op != Op::Ne)
                throw CompileError(opAt, "true/false values compare only with == or !=");
            auto n = node<Compare>(Type::Bool, from);
            n->op = op;
            if (dynamic_cast<FieldRef*>(lhs.get()) && dynamic_cast<Const*>(rhs.get()) &&
                lhs->type == Type::Number)
                n->limitField = lhs->field;
            n->lhs = std::move(lhs);
            n->rhs = std::move(rhs);
            return n;
        }
        return lhs;
    }

    ExprPtr parseSum() {
        size_t from = peek().at;
        auto lhs = parsePrimary();
        while (isOp("+") || isOp("-")) {
            bool plus = isOp("+");
            size_t at = peek().at;
            ++m_pos;
            auto rhs = parsePrimary();
            need(*lhs, Type::Number, at, plus ? "\"+\"" : "\"-\"");
            need(*rhs, Type::Number, at, plus ? "\"+\"" : "\"-\"");
            auto n = node<Arith>(Type::Number, from);
            n->plus = plus;
            n->lhs = std::move(lhs);
            n->rhs = std::move(rhs);
            lhs = std::move(n);
        }
        return lhs;
    }

    ExprPtr parsePrimary() {
        const Token t = peek();
        if (isOp("(")) {
            ++m_pos;
            auto e = parseOr();
            expectOp(")");
            return e;
        }
        if (isOp("-") && m_toks[m_pos + 1].kind == Tok::Number) { // negative constant (RASS -3)
            ++m_pos;
            auto n = constant(Type::Number, -m_toks[m_pos].number, t.at);
            return n;
        }
        switch (t.kind) {
        case Tok::Number: return constant(Type::Number, t.number, t.at);
        case Tok::Duration: return constant(Type::Duration, t.number, t.at);
        case Tok::String: {
            auto n = constant(Type::Text, kMissing, t.at);
            m_stringValues[n.get()] = t.text;
            m_stringAt[n.get()] = t.at;
            return n;
        }
        case Tok::Ident: break;
        default:
            throw CompileError(t.at, t.kind == Tok::End ? "the condition ends too early"
                                                        : fmt::format("unexpected \"{}\"", t.text));
        }
        ++m_pos;
        if (t.text == "true" || t.text == "false")
            return constantAt(Type::Bool, t.text == "true", t.at);
        if (isOp("(")) return call(t);
        const FieldInfo* f = findField(t.text);
        if (!f) {
            std::string best;
            size_t bestDistance = 3;
            for (auto& candidate : fields())
                if (size_t d = editDistance(t.text, candidate.name); d < bestDistance)
                    bestDistance = d, best = candidate.name;
            for (auto* fn : {"prev", "drop", "rise", "new", "persist", "missing", "drug", "risk"})
                if (t.text == fn)
                    throw CompileError(t.at,
                                       fmt::format("{} is a function: write {}(...)", fn, fn));
            throw CompileError(
                t.at,
                fmt::format("unknown field \"{}\"{}", t.text,
                            best.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", best)));
        }
        auto n = node<FieldRef>(f->type, t.at);
        n->slot = f->slot;
        n->field = f;
        return n;
    }

    ExprPtr constant(Type type, double value, size_t at) {
        ++m_pos;
        return constantAt(type, value, at);
    }
    ExprPtr constantAt(Type type, double value, size_t at) {
        auto n = node<Const>(type, at);
        n->value = value;
        return n;
    }

    ExprPtr call(const Token& name) {
        size_t from = name.at;
        expectOp("(");
        std::vector<ExprPtr> args;
        std::vector<size_t> argAt;
        while (!isOp(")")) {
            argAt.push_back(peek().at);
            args.push_back(parseOr());
            if (!isOp(")")) expectOp(",");
        }
        ++m_pos;
        const std::string& fn = name.text;
        auto arity = [&](size_t n, const char* example) {
            if (args.size() != n)
                throw CompileError(name.at, fmt::format("{}() takes {} argument{}, e.g. {}", fn, n,
                                                        n == 1 ? "" : "s", example));
        };
        if (fn == "prev") {
            arity(1, "prev(rr)");
            auto n = node<Prev>(args[0]->type, from);
            n->field = args[0]->field;
            n->inner = std::move(args[0]);
            return n;
        }
        if (fn == "drop" || fn == "rise") {
            arity(2, fn == "drop" ? "drop(rr, 2h)" : "rise(hr, 1h)");
            need(*args[0], Type::Number, argAt[0], fn + "()");
            need(*args[1], Type::Duration, argAt[1], fn + "()'s second argument");
            auto n = node<Change>(Type::Number, from);
            n->isDrop = fn == "drop";
            n->window = static_cast<Const&>(*args[1]).value;
            n->inner = std::move(args[0]);
            return n;
        }
        if (fn == "new") {
            arity(1, "new(new_weakness)");
            if (args[0]->type != Type::Bool && args[0]->type != Type::Number)
                throw CompileError(argAt[0],
                                   "new() takes a yes/no or a number, e.g. new(new_weakness)");
            auto n = node<New>(Type::Bool, from);
            n->inner = std::move(args[0]);
            return n;
        }
        if (fn == "persist") {
            arity(2, "persist(nausea >= 2, 2)");
            need(*args[0], Type::Bool, argAt[0], "persist()");
            auto* count = dynamic_cast<Const*>(args[1].get());
            if (!count || count->type != Type::Number || count->value < 1 ||
                count->value != std::floor(count->value) || count->value > 48)
                throw CompileError(argAt[1],
                                   "persist()'s second argument is a number of rounds, 1 to 48");
            auto n = node<Persist>(Type::Bool, from);
            n->rounds = static_cast<size_t>(count->value);
            n->inner = std::move(args[0]);
            return n;
        }
        if (fn == "missing") {
            arity(1, "missing(temp)");
            if (!dynamic_cast<FieldRef*>(args[0].get()))
                throw CompileError(argAt[0], "missing() takes a field name, e.g. missing(temp)");
            auto n = node<Missing>(Type::Bool, from);
            n->inner = std::move(args[0]);
            return n;
        }
        if (fn == "drug" || fn == "risk") {
            arity(1, fn == "drug" ? "drug(\"baclofen\")" : "risk(\"sleep_apnoea\")");
            auto it = m_stringValues.find(args[0].get());
            if (it == m_stringValues.end())
                throw CompileError(argAt[0], fmt::format("{}() takes a quoted code", fn));
            std::optional<int> code;
            std::vector<std::string> codes;
            if (fn == "drug") {
                if (auto d = fromCode(drugs(), it->second)) code = static_cast<int>(*d);
                for (auto& d : drugs())
                    codes.emplace_back(d.code);
            } else {
                if (auto r = fromCode(riskFactors(), it->second)) code = static_cast<int>(*r);
                for (auto& r : riskFactors())
                    codes.emplace_back(r.code);
            }
            if (!code)
                throw CompileError(argAt[0], fmt::format("\"{}\" is not a {} code: one of {}",
                                                         it->second, fn, codeList(codes)));
            auto n = node<StayFact>(Type::Bool, from);
            n->isDrug = fn == "drug";
            n->code = *code;
            return n;
        }
        throw CompileError(
            name.at,
            fmt::format(
                "unknown function \"{}\": prev, drop, rise, new, persist, missing, drug, risk",
                fn));
    }

    std::string_view m_src;
    std::vector<Token> m_toks;
    size_t m_pos = 0;
    int m_depth = 0;
    std::map<const Expr*, std::string> m_stringValues;
    std::map<const Expr*, size_t> m_stringAt;
};

} // namespace

ExprPtr compile(std::string_view text, std::optional<Type> expect) {
    Parser p(text);
    return p.parseAll(expect);
}

} // namespace vigil::rules
