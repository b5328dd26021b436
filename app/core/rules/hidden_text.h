#pragma once
// Characters a rule file's texts may not hold: control characters, and the bidirectional controls
// that make text display in another order than it is stored ("Trojan Source"), so that an id or
// a message cannot read one way on screen and mean another.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::rules {

struct HiddenCharacter {
    char32_t code;    // U+0000..U+009F controls, U+061C, U+200E/F, U+202A-202E, U+2066-2069,
                      // zero-width U+200B-200D, U+2060, U+FEFF;
                      // 0xFFFD for bytes that are not UTF-8
    size_t character; // 1-based position in characters (code points)
    std::string describe() const; // "a bidirectional control (U+202E) at character 3"
};

// `layout`: tab, line feed and carriage return are allowed (a condition may be spread over lines).
std::optional<HiddenCharacter> findHiddenCharacter(std::string_view utf8, bool layout = false);

} // namespace vigil::rules
