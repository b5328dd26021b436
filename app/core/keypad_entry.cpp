#include "core/keypad_entry.h"

#include <charconv>

namespace vigil {

namespace {
constexpr std::size_t kMaxLength = 5; // no vital sign needs more characters

double valueOf(std::string_view text) {
    double v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}
bool hasPoint(std::string_view text) {
    return text.find('.') != std::string_view::npos;
}
bool isDigit(std::string_view key) {
    return key.size() == 1 && key[0] >= '0' && key[0] <= '9';
}

// Could another digit follow the whole part and still be a possible value? A leading zero
// never takes more whole digits ("05" is not how a value is read).
bool wholeDigitPossible(const NumberField& f, std::string_view text) {
    if (text.empty()) return true;
    if (text == "0" || text.size() + 1 > kMaxLength) return false;
    return valueOf(std::string(text) + "0") <= f.rejectHigh;
}

// The point comes by itself only after a possible whole part: "36" on temperature, never "9",
// which is how a Fahrenheit "98.6" begins and must be typed as read, to be named as such on
// Save ("looks like Fahrenheit") rather than turned into "9.8".
bool autoPoint(const NumberField& f, std::string_view text) {
    if (f.whole || text.empty() || wholeDigitPossible(f, text)) return false;
    double v = valueOf(text);
    return v >= f.rejectLow && v <= f.rejectHigh;
}
} // namespace

std::string applyEntryKey(const NumberField& f, std::string text, std::string_view key) {
    if (key == "back") {
        if (!text.empty()) text.pop_back();
        return text;
    }
    if (key == "clear") return "";
    if (key == ".") {
        if (f.whole || hasPoint(text)) return text;
        return (text.empty() ? "0" : text) + ".";
    }
    if (!isDigit(key)) return text;
    if (hasPoint(text)) {
        // One decimal place: clinical-reference §2 records temperature and flow to 0.1.
        if (text.size() - text.find('.') > 1) return text;
        return text + std::string(key);
    }
    if (autoPoint(f, text)) {
        // "36" + "9" on temperature: 369 is impossible, 36.9 is what was read.
        if (text.size() + 2 <= kMaxLength) return text + "." + std::string(key);
        return text;
    }
    // An impossible whole number is typed as it is: the entry check names it on Save ("RR 95 is
    // not possible"), rather than a dropped key sending the next digit somewhere else.
    if (text.size() >= kMaxLength) return text;
    text += key;
    // The point appears by itself once no more whole digits fit, so the nurse sees "36." and
    // types the tenth; tapping "." as well changes nothing.
    if (autoPoint(f, text)) text += ".";
    return text;
}

bool entryComplete(const NumberField& f, std::string_view text) {
    if (text.empty() || text.back() == '.') return false;
    // An impossible value keeps its field, so the nurse sees it where it was typed.
    double v = valueOf(text);
    if (v < f.rejectLow || v > f.rejectHigh) return false;
    if (hasPoint(text)) return true;
    // One digit is never taken as complete: RR "9" may be the start of a mistaken "95", whose
    // "5" must not land in SpO2.
    return f.whole && text.size() >= 2 && !wholeDigitPossible(f, text);
}

} // namespace vigil
