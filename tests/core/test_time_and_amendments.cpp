#include "core/amendment.h"
#include "core/shift.h"
#include "core/stay.h"
#include "core/timefmt.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

TEST_CASE("RFC 3339 round trip and zones", "[time]") {
    auto t = parseRfc3339("2026-11-22T07:05:00Z");
    REQUIRE(t);
    CHECK(formatUtc(*t) == "2026-11-22T07:05:00Z");
    CHECK(parseRfc3339("2026-11-22T08:05:00+01:00") == t);
    CHECK(parseRfc3339("2026-11-22T02:05:00.250-05:00") == t);
    CHECK_FALSE(parseRfc3339("2026-11-22T07:05:00"));  // no zone
    CHECK_FALSE(parseRfc3339("2026-02-30T07:05:00Z")); // no such day
    CHECK_FALSE(parseRfc3339("yesterday"));
}

TEST_CASE("what is read as a time can always be written back as RFC 3339", "[time]") {
    auto last = parseRfc3339("9999-12-31T23:59:59Z");
    REQUIRE(last);
    CHECK(formatUtc(*last) == "9999-12-31T23:59:59Z");
    CHECK(writableAsRfc3339(*last));
    CHECK_FALSE(writableAsRfc3339(*last + std::chrono::seconds(1)));
    CHECK_FALSE(parseRfc3339("9999-12-31T23:00:00-01:00")); // 10000-01-01 in UTC
    CHECK_FALSE(parseRfc3339("0001-01-01T00:30:00+01:00")); // year 0 in UTC
    CHECK_FALSE(parseRfc3339("0000-06-01T00:00:00Z"));
    auto first = parseRfc3339("0001-01-01T00:00:00Z");
    REQUIRE(first);
    CHECK(formatUtc(*first) == "0001-01-01T00:00:00Z");
}

TEST_CASE("times after 2262 format and convert without overflow (fuzzing regression)", "[time]") {
    // fmt's time_point formatter and system_clock::to_time_t pass through nanoseconds, whose
    // 64 bits end in April 2262.
    for (auto text : {"2262-04-11T23:47:17Z", "2640-11-22T13:00:00Z", "9999-12-31T23:59:59Z",
                      "1600-02-29T12:00:00Z"}) {
        auto t = parseRfc3339(text);
        REQUIRE(t);
        CHECK(formatUtc(*t) == text);
        CHECK(fromTimeT(toTimeT(*t)) == *t);
    }
    CHECK(toTimeT(*parseRfc3339("2640-11-22T13:00:00Z")) == 21171330000);
    // The shift of a time that far out is found like any other (it goes through local time).
    auto far = *parseRfc3339("2640-11-22T13:00:00Z");
    Shift s = shiftAt(far, ShiftPattern{});
    CHECK(s.contains(far));
    CHECK(s.end - s.start == hours(12));
}

TEST_CASE("durations read the way a nurse says them", "[time]") {
    CHECK(formatDuration(minutes(45)) == "45 min");
    CHECK(formatDuration(minutes(200)) == "3 h 20 min");
    CHECK(formatDuration(hours(5)) == "5 h");
    CHECK(formatDuration(hours(52)) == "2 d 4 h");
    CHECK(formatDuration(-minutes(10)) == "-10 min");
}

TEST_CASE("fields by key: text in, text out, errors named", "[amendment]") {
    ObservationRound r;
    CHECK_FALSE(setField(r, "rr", std::string("12")));
    CHECK(fieldText(r, "rr") == "12");
    CHECK_FALSE(setField(r, "acvpu", std::string("V")));
    CHECK(r.acvpu == Acvpu::Voice);
    CHECK_FALSE(setField(r, "new_weakness", std::string("yes")));
    CHECK(fieldText(r, "new_weakness") == "yes");
    CHECK_THAT(*setField(r, "acvpu", std::string("X")), Catch::Contains("A, C, V, P, U"));
    CHECK_THAT(*setField(r, "rr", std::string("twelve")), Catch::Contains("not a number"));
    CHECK(setField(r, "colour", std::string("1")).has_value());
    CHECK_FALSE(setField(r, "rr", std::nullopt));
    CHECK_FALSE(r.rr.has_value());
}

TEST_CASE("amendments apply in order and keep their history", "[amendment]") {
    ObservationRound r;
    r.id = 7;
    r.rr = 18;
    std::vector<Amendment> all{
        {1, 7, Amendment::Kind::Corrected, "rr", "16", "miscounted", 1, {}},
        {2, 8, Amendment::Kind::Corrected, "rr", "30", "other round", 1, {}},
        {3, 7, Amendment::Kind::Corrected, "rr", "15", "recounted", 1, {}},
    };
    auto a = applyAmendments(r, all);
    CHECK(*a.current.rr == 15);
    CHECK(a.history.size() == 2);
    CHECK(a.amended("rr"));
    CHECK_FALSE(a.amended("hr"));
    CHECK_FALSE(a.enteredInError);
    all.push_back({4,
                   7,
                   Amendment::Kind::EnteredInError,
                   std::nullopt,
                   std::nullopt,
                   "wrong patient",
                   1,
                   {}});
    CHECK(applyAmendments(r, all).enteredInError);
}

TEST_CASE("an admission names each missing or wrong field", "[stay]") {
    TimePoint now = sys_days{2026y / 11 / 22};
    Stay s;
    s.spo2Scale = 2;
    s.dateOfBirth = "2030-01-01";
    auto ps = checkStay(s, now);
    std::vector<std::string> fields;
    for (auto& p : ps)
        fields.push_back(p.field);
    CHECK(fields == std::vector<std::string>{"bed", "name", "mrn", "date_of_birth", "spo2_scale"});
    s.bed = "3";
    s.name = "Ada Lovelace";
    s.mrn = "D1234567";
    s.dateOfBirth = "1950-12-10";
    s.scale2PrescribedBy = "Dr Okafor";
    CHECK(checkStay(s, now).empty());
}
