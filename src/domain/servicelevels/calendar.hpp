#pragma once
// A business-hours calendar as it is stored and edited: an IANA time zone, the weekly opening
// hours (one or more intervals per weekday, in local time) and the holidays (local dates on
// which it stays closed). "Always open" calendars count every minute (24/7) except holidays.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"

namespace rapport::domain::servicelevels {

inline constexpr int kMinutesPerDay = 24 * 60;
inline constexpr std::size_t kMaxIntervalsPerDay = 8;
inline constexpr std::size_t kMaxHolidays = 400;
inline constexpr std::size_t kMaxNameLength = 100;

// Local minutes of the day: [start_minute, end_minute), 0..1440 (1440 is "24:00").
struct OpeningInterval {
    int start_minute = 0;
    int end_minute = 0;
    bool operator==(const OpeningInterval&) const = default;
};

// Monday first (index 0) to Sunday (index 6).
using WeeklyHours = std::array<std::vector<OpeningInterval>, 7>;
inline constexpr std::array<std::string_view, 7> kWeekdayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

struct Holiday {
    std::string date;  // "YYYY-MM-DD", local
    std::string name;  // optional label ("Christmas")
    bool operator==(const Holiday&) const = default;
};

struct Calendar {
    Id workspace_id = 0;
    Id calendar_id = 0;
    std::string name;
    std::string time_zone = "UTC";
    bool always_open = false;
    WeeklyHours hours;
    std::vector<Holiday> holidays;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
};

// "HH:MM" (00:00..24:00) as minutes of the day; nullopt when malformed.
std::optional<int> parse_clock_time(std::string_view text);
std::string format_clock_time(int minute_of_day);
// "YYYY-MM-DD" as days since 1970-01-01; nullopt when malformed or not a real date.
std::optional<std::int64_t> parse_local_date(std::string_view text);
// True when `name` is a time zone of the tz database (e.g. "Europe/Rome", "UTC").
bool is_known_time_zone(std::string_view name);

// Field errors of a calendar (empty when valid), with pointers into the request body:
// /name, /time_zone, /hours/<day>/<i>, /holidays/<i>/date.
std::vector<FieldError> validate_calendar(const Calendar& calendar);

}  // namespace rapport::domain::servicelevels
