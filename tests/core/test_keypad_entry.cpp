#include "core/keypad_entry.h"

#include <catch2/catch.hpp>
#include <initializer_list>

using namespace vigil;

namespace {
std::string typed(std::string_view key, std::initializer_list<const char*> keys) {
    std::string text;
    for (auto* k : keys)
        text = applyEntryKey(*findNumberField(key), text, k);
    return text;
}
bool complete(std::string_view key, std::string_view text) {
    return entryComplete(*findNumberField(key), text);
}
} // namespace

TEST_CASE("whole-number fields never take a decimal point", "[keypad]") {
    // A "37.0" once landed in diastolic BP and was saved (issue 14).
    for (auto* key : {"rr", "spo2", "sbp", "dbp", "hr", "vomits"}) {
        INFO(key);
        CHECK(typed(key, {"3", ".", "0"}) == "30"); // the point is not taken
        CHECK(typed(key, {"."}).empty());
    }
    CHECK(typed("pain", {"1", ".", "0"}) == "10");
}

TEST_CASE("temperature and oxygen flow take one decimal place", "[keypad]") {
    CHECK(typed("temp", {"3", "6", ".", "9"}) == "36.9");
    CHECK(typed("temp", {"3", "6", "9"}) == "36.9"); // 369 is impossible: the point is implied
    CHECK(typed("temp", {"3", "6"}) == "36.");       // shown before the tenth is typed
    CHECK(typed("temp", {"3", "6", "9", "5"}) == "36.9");
    CHECK(typed("temp", {"3", "6", "back", "9"}) == "36.9");
    CHECK(typed("o2_flow", {".", "5"}) == "0.5");
    CHECK(typed("o2_flow", {"2", ".", "5"}) == "2.5");
    CHECK(typed("o2_flow", {"1"}) == "1"); // up to 60 L/min: 10-19 may follow
    CHECK(typed("o2_flow", {"1", "5"}) == "15.");
    CHECK(typed("o2_flow", {"1", "5", ".", "."}) == "15.");
}

TEST_CASE("a Fahrenheit temperature is typed as read, to be named on Save", "[keypad]") {
    // No point after "9" (no temperature in °C starts there): 98.6 stays 98.6, never 9.8.
    CHECK(typed("temp", {"9"}) == "9");
    CHECK(typed("temp", {"9", "8", ".", "6"}) == "98.6");
    CHECK(typed("temp", {"9", "8", "6"}) == "986"); // impossible, typed as it is
    CHECK_FALSE(complete("temp", "98.6"));          // the keypad stays on it
    CHECK(typed("temp", {"1", "9"}) == "19");       // below 25: no point either
}

TEST_CASE("back and clear edit what was typed", "[keypad]") {
    CHECK(typed("hr", {"7", "2", "back"}) == "7");
    CHECK(typed("hr", {"7", "2", "clear"}).empty());
    CHECK(typed("hr", {"back"}).empty());
}

TEST_CASE("an impossible whole number is typed as it is, to be named on Save", "[keypad]") {
    CHECK(typed("rr", {"9", "5"}) == "95");
    CHECK(typed("spo2", {"1", "0", "0", "1"}) == "1001");
    CHECK(typed("hr", {"1", "2", "3", "4", "5", "6"}) == "12345"); // five characters at most
}

TEST_CASE("a value is complete when no further digit could make a possible one", "[keypad]") {
    CHECK(complete("rr", "14"));
    CHECK_FALSE(complete("rr", "1"));
    CHECK_FALSE(complete("rr", "9"));  // one digit: maybe the start of a mistaken "95"
    CHECK_FALSE(complete("rr", "95")); // impossible: stays in its field
    CHECK(complete("sbp", "95"));
    CHECK(complete("spo2", "97"));
    CHECK_FALSE(complete("spo2", "10"));
    CHECK(complete("spo2", "100"));
    CHECK(complete("sbp", "120"));
    CHECK_FALSE(complete("sbp", "12"));
    CHECK(complete("dbp", "76"));
    CHECK_FALSE(complete("dbp", "12"));
    CHECK(complete("hr", "72"));
    CHECK(complete("pain", "10"));
    CHECK_FALSE(complete("pain", "0"));
    CHECK_FALSE(complete("temp", "5.5")); // impossible
    CHECK(complete("temp", "36.9"));
    CHECK_FALSE(complete("temp", "36."));
    CHECK_FALSE(complete("temp", "3"));
    CHECK_FALSE(complete("o2_flow", "2"));
    CHECK_FALSE(complete("rr", ""));
}
