#pragma once
// Days of the proleptic Gregorian calendar as a count from 1970-01-01 (UTC), for periods and
// pro-rating. Pure functions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace rapport::domain::costs {

using Day = std::int64_t;  // days since 1970-01-01
inline constexpr UnixMillis kDayMillis = 24LL * 60 * 60 * 1000;

// "YYYY-MM-DD" (a real date, years 1900 to 9999); nullopt otherwise.
std::optional<Day> parse_day(std::string_view text);
std::string format_day(Day day);
Day day_of(UnixMillis ms);  // the UTC day holding the instant
inline UnixMillis start_of(Day day) {
    return day * kDayMillis;
}
// The first day of the month holding `day`, and the first day of the next month.
Day month_start(Day day);
Day next_month_start(Day day);

}  // namespace rapport::domain::costs
