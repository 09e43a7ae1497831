#include "domain/servicelevels/calendar.hpp"

#include <date/tz.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "core/utf8.hpp"

namespace rapport::domain::servicelevels {

namespace {

std::optional<int> digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<int> parse_clock_time(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    auto h = digits(text.substr(0, 2));
    auto m = digits(text.substr(3, 2));
    if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
    return *h * 60 + *m;
}

std::string format_clock_time(int minute_of_day) {
    const int h = minute_of_day / 60;
    const int m = minute_of_day % 60;
    std::string out;
    out += static_cast<char>('0' + h / 10);
    out += static_cast<char>('0' + h % 10);
    out += ':';
    out += static_cast<char>('0' + m / 10);
    out += static_cast<char>('0' + m % 10);
    return out;
}

std::optional<std::int64_t> parse_local_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = digits(text.substr(0, 4));
    auto m = digits(text.substr(5, 2));
    auto d = digits(text.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return date::local_days{ymd}.time_since_epoch().count();
}

bool is_known_time_zone(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    try {
        return date::locate_zone(name) != nullptr;
    } catch (const std::exception&) {
        return false;
    }
}

std::vector<FieldError> validate_calendar(const Calendar& c) {
    std::vector<FieldError> errors;
    if (c.name.empty() || code_points(c.name) > kMaxNameLength)
        errors.push_back(FieldError::localized("/name", "servicelevels.name_length"));
    if (!is_known_time_zone(c.time_zone))
        errors.push_back(FieldError::localized("/time_zone", "servicelevels.time_zone_unknown"));
    bool any_open = c.always_open;
    for (std::size_t day = 0; day < c.hours.size(); ++day) {
        const auto& intervals = c.hours[day];
        const std::string at = "/hours/" + std::string(kWeekdayKeys[day]);
        if (intervals.size() > kMaxIntervalsPerDay) {
            errors.push_back(FieldError::localized(at, "servicelevels.too_many_intervals",
                                                   {{"max", std::to_string(kMaxIntervalsPerDay)}}));
            continue;
        }
        std::vector<OpeningInterval> sorted = intervals;
        for (std::size_t i = 0; i < intervals.size(); ++i) {
            const auto& iv = intervals[i];
            if (iv.start_minute < 0 || iv.end_minute > kMinutesPerDay || iv.start_minute >= iv.end_minute) {
                errors.push_back(FieldError::localized(at + "/" + std::to_string(i), "servicelevels.interval_order"));
            }
        }
        std::sort(sorted.begin(), sorted.end(),
                  [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
        for (std::size_t i = 1; i < sorted.size(); ++i) {
            if (sorted[i].start_minute < sorted[i - 1].end_minute) {
                errors.push_back(FieldError::localized(at, "servicelevels.intervals_overlap"));
                break;
            }
        }
        if (!intervals.empty()) any_open = true;
    }
    if (!any_open) errors.push_back(FieldError::localized("/hours", "servicelevels.no_opening_hours"));
    if (c.holidays.size() > kMaxHolidays) {
        errors.push_back(FieldError::localized("/holidays", "servicelevels.too_many_holidays",
                                               {{"max", std::to_string(kMaxHolidays)}}));
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < c.holidays.size() && i < kMaxHolidays; ++i) {
        const auto& h = c.holidays[i];
        const std::string at = "/holidays/" + std::to_string(i);
        if (!parse_local_date(h.date)) {
            errors.push_back(FieldError::localized(at + "/date", "servicelevels.date_invalid"));
        } else if (!seen.insert(h.date).second) {
            errors.push_back(FieldError::localized(at + "/date", "common.listed_twice"));
        }
        if (code_points(h.name) > kMaxNameLength)
            errors.push_back(
                FieldError::localized(at + "/name", "common.too_long", {{"max", std::to_string(kMaxNameLength)}}));
    }
    return errors;
}

}  // namespace rapport::domain::servicelevels
