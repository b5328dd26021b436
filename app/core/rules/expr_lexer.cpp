#include "core/rules/expr_lexer.h"

#include "core/rules/expr.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace vigil::rules {

std::optional<double> parseDuration(std::string_view t) {
    if (t.size() < 2) return std::nullopt;
    double n = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size() - 1, n);
    // from_chars also reads "inf", "nan" and "1e300": refused here, before any cast to an integer.
    if (ec != std::errc{} || end != t.data() + t.size() - 1 || !std::isfinite(n) || n < 0)
        return std::nullopt;
    double seconds = 0;
    switch (t.back()) {
    case 'm': seconds = n * 60; break;
    case 'h': seconds = n * 3600; break;
    case 'd': seconds = n * 86400; break;
    default: return std::nullopt;
    }
    if (seconds > kMaxDurationSeconds) return std::nullopt;
    return seconds;
}

} // namespace vigil::rules

namespace vigil::rules::detail {

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
                        start, fmt::format("\"{}\" is not a duration: use m, h or d, up to 30 "
                                           "days, e.g. 30m, 2h",
                                           text));
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

} // namespace vigil::rules::detail
