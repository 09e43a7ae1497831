#include "domain/costs/calendar.hpp"

#include <cstdio>

namespace rapport::domain::costs {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
Day days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t y;
    unsigned m;
    unsigned d;
};

Civil civil_from_days(Day z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

bool digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

std::optional<Day> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto ys = text.substr(0, 4), ms = text.substr(5, 2), ds = text.substr(8, 2);
    if (!digits(ys) || !digits(ms) || !digits(ds)) return std::nullopt;
    const int y = number(ys), m = number(ms), d = number(ds);
    if (y < 1900 || m < 1 || m > 12 || d < 1) return std::nullopt;
    const Day day = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    const Civil back = civil_from_days(day);
    if (back.m != static_cast<unsigned>(m) || back.d != static_cast<unsigned>(d)) return std::nullopt;  // 31 April
    return day;
}

std::string format_day(Day day) {
    const Civil c = civil_from_days(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.y), c.m, c.d);
    return buf;
}

Day day_of(UnixMillis ms) {
    Day d = ms / kDayMillis;
    if (ms % kDayMillis < 0) --d;
    return d;
}

Day month_start(Day day) {
    const Civil c = civil_from_days(day);
    return days_from_civil(c.y, c.m, 1);
}

Day next_month_start(Day day) {
    const Civil c = civil_from_days(day);
    return c.m == 12 ? days_from_civil(c.y + 1, 1, 1) : days_from_civil(c.y, c.m + 1, 1);
}

}  // namespace rapport::domain::costs
