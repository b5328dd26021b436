#pragma once
// Splits a condition into tokens; a duration ("2h") is one token, a quoted code another.
#include <string>
#include <string_view>
#include <vector>

namespace vigil::rules::detail {

enum class Tok { Number, Duration, String, Ident, Op, End };
struct Token {
    Tok kind;
    std::string text;
    size_t at;
    double number = 0;
};

// Throws CompileError at the offending character.
std::vector<Token> lex(std::string_view s);

} // namespace vigil::rules::detail
