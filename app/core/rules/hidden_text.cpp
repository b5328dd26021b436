#include "core/rules/hidden_text.h"

#include <fmt/format.h>

namespace vigil::rules {

namespace {
bool isBidiControl(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}
bool isControl(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}
// Zero-width characters: two ids or names that look the same on screen would differ.
bool isInvisible(char32_t c) {
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}
} // namespace

std::string HiddenCharacter::describe() const {
    return fmt::format("{} (U+{:04X}) at character {}",
                       code == 0xFFFD        ? "a byte that is not UTF-8"
                       : isBidiControl(code) ? "a bidirectional control"
                       : isInvisible(code)   ? "an invisible (zero-width) character"
                                             : "a control character",
                       static_cast<unsigned>(code), character);
}

std::optional<HiddenCharacter> findHiddenCharacter(std::string_view s, bool layout) {
    size_t character = 0;
    for (size_t i = 0; i < s.size();) {
        ++character;
        auto b = static_cast<unsigned char>(s[i]);
        // Decoded here only to classify; toml++ has already refused malformed UTF-8 in a file.
        size_t length = b < 0x80           ? 1
                        : (b >> 5) == 0x6  ? 2
                        : (b >> 4) == 0xE  ? 3
                        : (b >> 3) == 0x1E ? 4
                                           : 0;
        if (length == 0 || i + length > s.size()) return HiddenCharacter{0xFFFD, character};
        char32_t c = length == 1 ? b : b & (0x7F >> length);
        for (size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0) != 0x80) return HiddenCharacter{0xFFFD, character};
            c = (c << 6) | (next & 0x3F);
        }
        bool allowed = layout && (c == '\t' || c == '\n' || c == '\r');
        if ((isControl(c) && !allowed) || isBidiControl(c) || isInvisible(c))
            return HiddenCharacter{c, character};
        i += length;
    }
    return std::nullopt;
}

} // namespace vigil::rules
