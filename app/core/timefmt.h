#pragma once
// Times are stored and exchanged in UTC (RFC 3339, "2026-11-22T07:05:00Z"); screens show local
// time.
#include "core/clock.h"

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace vigil {

std::string formatUtc(TimePoint t);
// A TimePoint as time_t and back, for the C library's local time. Not through system_clock's
// to_time_t/from_time_t: they pass through nanoseconds, which overflow after 2262.
std::time_t toTimeT(TimePoint t);
TimePoint fromTimeT(std::time_t t);
// Whether formatUtc(t) is RFC 3339: years 0001 to 9999 in UTC (a 5-digit or negative year is not).
bool writableAsRfc3339(TimePoint t);
// Accepts "YYYY-MM-DDTHH:MM:SS" with optional fraction, then "Z" or "+HH:MM"/"-HH:MM". Nothing
// when malformed, or when the time is not writableAsRfc3339 once in UTC
// ("9999-12-31T23:00:00-02:00" is in year 10000): what is read can always be written back.
std::optional<TimePoint> parseRfc3339(std::string_view text);
// Local wall-clock time for the screen and paper: "14:05".
std::string formatLocalTime(TimePoint t);
// "22 Nov 14:05" in local time.
std::string formatLocalDayTime(TimePoint t);
// "3 h 20 min", "45 min", "2 d 4 h": how a nurse says an interval.
std::string formatDuration(std::chrono::seconds d);

} // namespace vigil
