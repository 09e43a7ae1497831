#pragma once
// Dates for the filter language: calendar dates, instants and relative dates.
//
// Contract:
// - A CalendarDate is a proleptic Gregorian day, counted from 1970-01-01. Its text form is
//   ISO 8601 "YYYY-MM-DD" with a four-digit year (0001..9999), which is also how Date fields
//   are stored, so text order equals date order.
// - Relative dates are kept unresolved in a parsed filter and resolved against the `now`
//   given at evaluation time, so a saved segment "created in the last 30 days" moves with
//   the clock. Days are UTC days: "today" is the UTC calendar day containing `now`.
// - Relative grammar: [anchor][(+|-)N(d|w|m|y)], at least one of the two parts, where
//   anchor is today (the default), start_of_week (Monday), start_of_month or start_of_year;
//   e.g. "-30d", "+7d", "-2w", "-6m", "-1y", "today", "start_of_month", "start_of_month-1m".
//   Months and years step by calendar and clamp to the month's last day (Mar 31 - 1m = Feb 28).
//
// Thread-safety: pure functions and value types; safe from any thread.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace rapport::domain::filters {

inline constexpr UnixMillis kMillisPerDay = 86'400'000;

struct CalendarDate {
    std::int32_t days = 0;  // since 1970-01-01
    friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

// An exact point in time, written in a filter as "2026-11-23T10:30:00Z" (zone required).
struct Instant {
    UnixMillis ms = 0;
    friend auto operator<=>(const Instant&, const Instant&) = default;
};

struct RelativeDate {
    enum class Anchor { Today, StartOfWeek, StartOfMonth, StartOfYear };
    enum class Unit { Day, Week, Month, Year };
    Anchor anchor = Anchor::Today;
    std::int32_t amount = 0;  // signed offset applied after the anchor
    Unit unit = Unit::Day;
    std::string text;  // as written, for messages and round trips
    friend bool operator==(const RelativeDate&, const RelativeDate&) = default;
};

// "YYYY-MM-DD" with a real day of a real month; nothing else (no time, no zone).
std::optional<CalendarDate> parse_iso_date(std::string_view text);
std::string format_iso_date(CalendarDate date);

// "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)"; a space may replace the 'T'.
std::optional<Instant> parse_iso_instant(std::string_view text);

// nullopt when `text` does not follow the relative grammar or its offset is absurdly large
// (beyond 100000 days, 10000 weeks, 10000 months or 1000 years).
std::optional<RelativeDate> parse_relative_date(std::string_view text);

CalendarDate resolve(const RelativeDate& relative, UnixMillis now);

// The UTC calendar day containing `ms` (floor division, so instants before 1970 work too).
CalendarDate date_of(UnixMillis ms);
// The instant a UTC day begins.
UnixMillis start_of(CalendarDate date);

}  // namespace rapport::domain::filters
