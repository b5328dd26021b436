#include "core/rules/expr.h"

#include "core/rules/expr_lexer.h"
#include "core/rules/expr_nodes.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
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

namespace {

using namespace detail;

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
    explicit Parser(std::string_view src)
        : m_source(std::make_shared<const std::string>(src)), m_src(*m_source), m_toks(lex(m_src)) {
    }

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
        n->text = m_src.substr(from, to - from);
        n->source = m_source;
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
            n->setText = m_src.substr(listAt, m_toks[m_pos - 1].at + 1 - listAt);
            n->type = Type::Bool;
            n->text = m_src.substr(from, m_toks[m_pos - 1].at + 1 - from);
            n->source = m_source;
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
        auto first = parsePrimary();
        if (!isOp("+") && !isOp("-")) return first;
        std::vector<Sum::Term> terms;
        while (isOp("+") || isOp("-")) {
            bool plus = isOp("+");
            size_t at = peek().at;
            ++m_pos;
            auto rhs = parsePrimary();
            if (terms.empty()) {
                need(*first, Type::Number, at, plus ? "\"+\"" : "\"-\"");
                terms.push_back({true, std::move(first)});
            }
            need(*rhs, Type::Number, at, plus ? "\"+\"" : "\"-\"");
            terms.push_back({plus, std::move(rhs)});
        }
        auto n = node<Sum>(Type::Number, from);
        n->terms = std::move(terms);
        return n;
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

    std::shared_ptr<const std::string> m_source; // the one copy every node's text points into
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
