#include "core/timefmt.h"

#include <cctype>
#include <charconv>
#include <ctime>
#include <fmt/chrono.h>
#include <fmt/format.h>

namespace vigil {

using namespace std::chrono;

std::string formatUtc(TimePoint t) {
    // By the calendar, not through fmt's time_point formatter: that converts to nanoseconds first,
    // which overflows after 2262 (found by fuzzing `vigil evaluate` with a round in 2640).
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss hms{t - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                       hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

std::time_t toTimeT(TimePoint t) {
    return static_cast<std::time_t>(t.time_since_epoch().count());
}
TimePoint fromTimeT(std::time_t t) {
    return TimePoint{seconds{t}};
}

bool writableAsRfc3339(TimePoint t) {
    static const TimePoint first{sys_days{year{1} / January / 1}};
    static const TimePoint last{sys_days{year{9999} / December / 31} + hours{23} + minutes{59} +
                                seconds{59}};
    return t >= first && t <= last;
}

namespace {
bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    for (size_t i = pos; i < pos + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    std::from_chars(s.data() + pos, s.data() + pos + n, out);
    return true;
}
} // namespace

std::optional<TimePoint> parseRfc3339(std::string_view s) {
    int y, mo, d, h, mi, se;
    if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) ||
        s[7] != '-' || !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' ||
        !digits(s, 17, 2, se))
        return std::nullopt;
    year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || se > 60) return std::nullopt;
    size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        size_t start = pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])))
            ++pos;
        if (pos == start) return std::nullopt;
    }
    seconds offset{0};
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = hours{oh} + minutes{om};
        if (s[pos] == '-') offset = -offset;
        pos += 6;
    } else {
        return std::nullopt; // RFC 3339 requires a zone
    }
    if (pos != s.size()) return std::nullopt;
    TimePoint t = TimePoint{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{se} - offset;
    if (!writableAsRfc3339(t)) return std::nullopt;
    return t;
}

std::string formatLocalTime(TimePoint t) {
    return fmt::format("{:%H:%M}", fmt::localtime(toTimeT(t)));
}

std::string formatLocalDayTime(TimePoint t) {
    return fmt::format("{:%d %b %H:%M}", fmt::localtime(toTimeT(t)));
}

std::string formatDuration(seconds d) {
    bool negative = d < seconds{0};
    auto m = duration_cast<minutes>(negative ? -d : d).count();
    std::string text;
    if (m < 60)
        text = fmt::format("{} min", m);
    else if (m < 48 * 60)
        text = m % 60 ? fmt::format("{} h {} min", m / 60, m % 60) : fmt::format("{} h", m / 60);
    else
        text = fmt::format("{} d {} h", m / (24 * 60), (m / 60) % 24);
    return negative ? "-" + text : text;
}

} // namespace vigil
