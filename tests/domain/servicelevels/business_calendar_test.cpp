// Business time: due times and elapsed business minutes over opening hours, holidays, time
// zones and their DST transitions, starts outside the hours, and pauses.
#include "domain/servicelevels/business_calendar.hpp"

#include <date/tz.h>
#include <gtest/gtest.h>

namespace rapport::domain::servicelevels {

namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr std::int64_t kMin = 60'000;
constexpr std::int64_t kHourMs = 60 * kMin;

// The instant of a local wall time in `zone` (unique times only).
UnixMillis at(const char* zone, int y, unsigned mo, unsigned d, int h, int mi = 0) {
    const auto local = date::local_days{date::year{y} / date::month{mo} / date::day{d}} + hours{h} + minutes{mi};
    const auto sys = date::locate_zone(zone)->to_sys(local, date::choose::earliest);
    return std::chrono::duration_cast<std::chrono::milliseconds>(sys.time_since_epoch()).count();
}
UnixMillis rome(int y, unsigned mo, unsigned d, int h, int mi = 0) {
    return at("Europe/Rome", y, mo, d, h, mi);
}
UnixMillis utc(int y, unsigned mo, unsigned d, int h, int mi = 0) {
    return at("UTC", y, mo, d, h, mi);
}

Calendar office(const std::string& zone = "Europe/Rome") {
    Calendar c;
    c.name = "Office";
    c.time_zone = zone;
    for (int day = 0; day < 5; ++day) c.hours[day] = {{9 * 60, 13 * 60}, {14 * 60, 18 * 60}};
    return c;
}

BusinessCalendar make(const Calendar& c) {
    auto made = BusinessCalendar::make(c);
    EXPECT_TRUE(made) << (made ? "" : made.error().detail);
    return *made;
}

}  // namespace

// 2026-01-12 is a Monday; Rome is UTC+1 in winter.
TEST(BusinessCalendar, CountsWithinOneDayAndAcrossTheLunchBreak) {
    const auto cal = make(office());
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 10), 60), rome(2026, 1, 12, 11));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 10), 180), rome(2026, 1, 12, 13));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 10), 181), rome(2026, 1, 12, 14, 1));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 10), 420), rome(2026, 1, 12, 18));
    // A full business day (8 hours) later is the next morning, same time.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 10), 480), rome(2026, 1, 13, 10));
    // Five business days are a calendar week.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 10), 5 * 480), rome(2026, 1, 19, 10));
}

TEST(BusinessCalendar, AStartOutsideTheHoursCountsFromTheNextOpening) {
    const auto cal = make(office());
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 7), 30), rome(2026, 1, 12, 9, 30));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 13, 30), 30), rome(2026, 1, 12, 14, 30));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 18), 30), rome(2026, 1, 13, 9, 30));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 23, 59), 30), rome(2026, 1, 13, 9, 30));
    // Friday evening and the weekend wait for Monday.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 16, 17, 30), 60), rome(2026, 1, 19, 9, 30));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 17, 12), 1), rome(2026, 1, 19, 9, 1));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 18, 23), 480), rome(2026, 1, 19, 18));
}

TEST(BusinessCalendar, ZeroOrNegativeMinutesAreTheStartOrTheNextOpening) {
    const auto cal = make(office());
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 10, 15), 0), rome(2026, 1, 12, 10, 15));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 10, 15), -30), rome(2026, 1, 12, 10, 15));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 17, 10), 0), rome(2026, 1, 19, 9));
    // The closing instant itself is closed: it waits for the next opening.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 13), 0), rome(2026, 1, 12, 14));
    EXPECT_TRUE(cal.is_open_at(rome(2026, 1, 12, 9)));
    EXPECT_TRUE(cal.is_open_at(rome(2026, 1, 12, 12, 59)));
    EXPECT_FALSE(cal.is_open_at(rome(2026, 1, 12, 13)));
    EXPECT_FALSE(cal.is_open_at(rome(2026, 1, 17, 10)));
}

TEST(BusinessCalendar, SecondsOfTheStartAreKept) {
    const auto cal = make(office());
    const UnixMillis start = rome(2026, 1, 12, 10) + 12'345;
    EXPECT_EQ(cal.add_business_minutes(start, 1), rome(2026, 1, 12, 10, 1) + 12'345);
}

TEST(BusinessCalendar, HolidaysCloseTheWholeLocalDay) {
    auto c = office();
    c.holidays = {{"2026-12-25", "Christmas"}, {"2026-12-28", ""}};
    const auto cal = make(c);
    // Thursday 24th 17:00: one hour that day, then Friday 25th (holiday), the weekend and
    // Monday 28th (holiday) are skipped.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 12, 24, 17), 120), rome(2026, 12, 29, 10));
    EXPECT_FALSE(cal.is_open_at(rome(2026, 12, 25, 10)));
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 12, 24, 9), rome(2026, 12, 29, 9)), 480);
    // Without the holidays the same start is due on Friday.
    EXPECT_EQ(make(office()).add_business_minutes(rome(2026, 12, 24, 17), 120), rome(2026, 12, 25, 10));
}

TEST(BusinessCalendar, HolidaysAreLocalDatesOfTheCalendarsZone) {
    // Tokyo is UTC+9: the local holiday 2026-05-04 begins at 15:00 UTC on 3 May.
    auto c = office("Asia/Tokyo");
    c.always_open = true;
    c.holidays = {{"2026-05-04", ""}};
    const auto cal = make(c);
    EXPECT_TRUE(cal.is_open_at(utc(2026, 5, 3, 14, 59)));
    EXPECT_FALSE(cal.is_open_at(utc(2026, 5, 3, 15)));
    EXPECT_EQ(cal.add_business_minutes(utc(2026, 5, 3, 14), 90), utc(2026, 5, 4, 15, 30));
}

TEST(BusinessCalendar, SpringForwardInRomeHasA23HourDay) {
    // 2026-03-29 (Sunday): 02:00 CET becomes 03:00 CEST.
    Calendar c;
    c.name = "Sundays";
    c.time_zone = "Europe/Rome";
    c.hours[6] = {{0, kMinutesPerDay}};
    const auto cal = make(c);
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 3, 29, 0), rome(2026, 3, 30, 0)), 23 * 60);
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 3, 29, 0), 23 * 60), rome(2026, 3, 30, 0));
    // 01:30 + 60 business minutes is 03:30 on the wall clock, one real hour later.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 3, 29, 1, 30), 60), rome(2026, 3, 29, 3, 30));
    EXPECT_EQ(rome(2026, 3, 29, 3, 30) - rome(2026, 3, 29, 1, 30), kHourMs);
}

TEST(BusinessCalendar, AnOpeningInsideTheSkippedHourOpensAtTheJump) {
    Calendar c;
    c.name = "Night shift";
    c.time_zone = "Europe/Rome";
    c.hours[6] = {{2 * 60 + 30, 4 * 60}};  // Sunday 02:30-04:00
    const auto cal = make(c);
    // On 29 March 2026, 02:30 does not exist: open from 03:00 CEST (01:00 UTC) to 04:00.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 3, 28, 12), 0), utc(2026, 3, 29, 1));
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 3, 28, 12), rome(2026, 3, 29, 12)), 60);
    // The next Sunday it is 90 minutes again.
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 4, 5, 0), rome(2026, 4, 5, 12)), 90);
}

TEST(BusinessCalendar, FallBackInRomeHasA25HourDay) {
    // 2026-10-25 (Sunday): 03:00 CEST becomes 02:00 CET; 02:00-03:00 happens twice.
    Calendar c;
    c.name = "Sundays";
    c.time_zone = "Europe/Rome";
    c.hours[6] = {{0, kMinutesPerDay}};
    const auto cal = make(c);
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 10, 25, 0), rome(2026, 10, 26, 0)), 25 * 60);
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 10, 25, 0), 25 * 60), rome(2026, 10, 26, 0));
    // An interval closing at 02:30 closes at its second occurrence (CET, 01:30 UTC).
    Calendar early;
    early.name = "Early";
    early.time_zone = "Europe/Rome";
    early.hours[6] = {{60, 2 * 60 + 30}};  // Sunday 01:00-02:30
    const auto e = make(early);
    EXPECT_EQ(e.business_minutes_between(rome(2026, 10, 24, 12), rome(2026, 10, 26, 0)), 150);
    EXPECT_EQ(e.add_business_minutes(rome(2026, 10, 24, 12), 150), utc(2026, 10, 25, 1, 30));
}

TEST(BusinessCalendar, OfficeHoursAcrossTheDstWeekendKeepTheWallClock) {
    const auto cal = make(office());
    // Friday 27 March 17:00 CET + 2 business hours = Monday 30 March 10:00 CEST.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 3, 27, 17), 120), rome(2026, 3, 30, 10));
    EXPECT_EQ(rome(2026, 3, 30, 10), utc(2026, 3, 30, 8));
    // And back in the autumn: Friday 23 October 17:00 CEST + 2 h = Monday 26 October 10:00 CET.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 10, 23, 17), 120), utc(2026, 10, 26, 9));
}

TEST(BusinessCalendar, OtherZonesIncludingHalfHourOffsets) {
    const auto kolkata = make(office("Asia/Kolkata"));  // UTC+5:30, no DST
    EXPECT_EQ(kolkata.add_business_minutes(utc(2026, 1, 12, 3, 30), 30), utc(2026, 1, 12, 4));
    const auto new_york = make(office("America/New_York"));
    // 2026-03-08: New York springs forward a few weeks before Rome.
    EXPECT_EQ(new_york.add_business_minutes(at("America/New_York", 2026, 3, 6, 17), 120),
              at("America/New_York", 2026, 3, 9, 10));
    EXPECT_EQ(at("America/New_York", 2026, 3, 9, 10), utc(2026, 3, 9, 14));
}

TEST(BusinessCalendar, AlwaysOpenCountsRealTimeExceptHolidays) {
    auto cal = BusinessCalendar::always_open("Europe/Rome");
    ASSERT_TRUE(cal);
    EXPECT_EQ(cal->add_business_minutes(rome(2026, 1, 17, 22), 240), rome(2026, 1, 18, 2));
    EXPECT_EQ(cal->add_business_minutes(rome(2026, 3, 28, 12), 24 * 60), rome(2026, 3, 28, 12) + 24 * kHourMs);
    EXPECT_EQ(cal->business_minutes_between(rome(2026, 1, 1, 0), rome(2026, 1, 8, 0)), 7 * 24 * 60);
    auto with_holiday = BusinessCalendar::always_open("Europe/Rome", {"2026-01-01"});
    ASSERT_TRUE(with_holiday);
    EXPECT_EQ(with_holiday->add_business_minutes(rome(2025, 12, 31, 23), 120), rome(2026, 1, 2, 1));
}

TEST(BusinessCalendar, BusinessMinutesBetween) {
    const auto cal = make(office());
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 12, 10), rome(2026, 1, 13, 10)), 480);
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 13, 10), rome(2026, 1, 12, 10)), -480);
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 16, 17), rome(2026, 1, 19, 10)), 120);
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 17, 1), rome(2026, 1, 18, 23)), 0);
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 12, 12, 30), rome(2026, 1, 12, 14, 30)), 60);
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 12, 10), rome(2026, 1, 12, 10)), 0);
    // Whole minutes: 59.9 seconds are none.
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 12, 10), rome(2026, 1, 12, 10) + 59'900), 0);
}

TEST(BusinessCalendar, BetweenUndoesAddFromAnyStart) {
    auto c = office();
    c.holidays = {{"2026-04-06", "Easter Monday"}};
    const auto cal = make(c);
    // Every 7 hours 13 minutes for three weeks around the spring transition.
    for (UnixMillis start = rome(2026, 3, 20, 0); start < rome(2026, 4, 10, 0); start += 433 * kMin) {
        for (std::int64_t minutes : {1, 59, 240, 481, 2400}) {
            const auto due = cal.add_business_minutes(start, minutes);
            EXPECT_EQ(cal.business_minutes_between(start, due), minutes) << start << " +" << minutes;
            EXPECT_GT(due, start);
        }
    }
}

TEST(BusinessCalendar, PausesDoNotCount) {
    const auto cal = make(office());
    const auto start = rome(2026, 1, 12, 10);
    // Half an hour waiting on the customer moves the due time by half an hour.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 120, {{rome(2026, 1, 12, 10, 30), rome(2026, 1, 12, 11)}}),
              rome(2026, 1, 12, 12, 30));
    // Only the business part of a pause counts: 12:00-15:00 holds back 2 business hours.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 180, {{rome(2026, 1, 12, 12), rome(2026, 1, 12, 15)}}),
              rome(2026, 1, 12, 16));
    // A pause entirely outside the hours changes nothing.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 480, {{rome(2026, 1, 12, 19), rome(2026, 1, 13, 8)}}),
              rome(2026, 1, 13, 10));
    // A pause that began before the start, overlapping pauses, and pauses in any order.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 60,
                                                   {{rome(2026, 1, 12, 10, 40), rome(2026, 1, 12, 11, 10)},
                                                    {rome(2026, 1, 12, 8), rome(2026, 1, 12, 10, 20)},
                                                    {rome(2026, 1, 12, 10, 30), rome(2026, 1, 12, 11)}}),
              rome(2026, 1, 12, 12));
    // A pause after the due time changes nothing; an empty one neither.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 60,
                                                   {{rome(2026, 1, 12, 11), rome(2026, 1, 12, 12)},
                                                    {rome(2026, 1, 12, 10, 5), rome(2026, 1, 12, 10, 5)}}),
              rome(2026, 1, 12, 11));
    // A pause that ends at the start has no effect.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 60, {{rome(2026, 1, 12, 9), start}}), rome(2026, 1, 12, 11));
}

TEST(BusinessCalendar, AnOpenPauseStopsTheClock) {
    const auto cal = make(office());
    const auto start = rome(2026, 1, 12, 10);
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 120, {{rome(2026, 1, 12, 11), std::nullopt}}), std::nullopt);
    // Begun after the due time: no effect.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 60, {{rome(2026, 1, 12, 11), std::nullopt}}),
              rome(2026, 1, 12, 11));
    // Begun at night, before the next opening that would be needed: stops the clock too.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 600, {{rome(2026, 1, 12, 20), std::nullopt}}), std::nullopt);
}

TEST(BusinessCalendar, AStartAtTheOpeningAndLargeTargets) {
    const auto cal = make(office());
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 9), 1), rome(2026, 1, 12, 9, 1));
    EXPECT_TRUE(cal.is_open_at(rome(2026, 1, 12, 9)));
    // Thirty business days (six weeks) across the spring transition keep the wall clock.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 3, 2, 10), 30 * 480), rome(2026, 4, 13, 10));
    // A year of business minutes still lands on an opening minute.
    const auto far = cal.add_business_minutes(rome(2026, 1, 12, 10), 250 * 480);
    EXPECT_TRUE(cal.is_open_at(far - kMin));
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 12, 10), far), 250 * 480);
}

TEST(BusinessCalendar, IntervalsEndingAtMidnightJoinTheNextDay) {
    Calendar c;
    c.name = "Weekend nights";
    c.time_zone = "Europe/Rome";
    c.hours[4] = {{22 * 60, kMinutesPerDay}};  // Friday 22:00-24:00
    c.hours[5] = {{0, 2 * 60}};                // Saturday 00:00-02:00
    const auto cal = make(c);
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 16, 23), 120), rome(2026, 1, 17, 1));
    EXPECT_EQ(cal.business_minutes_between(rome(2026, 1, 16, 0), rome(2026, 1, 18, 0)), 240);
    EXPECT_TRUE(cal.is_open_at(rome(2026, 1, 17, 0)));
    // The next opening after Saturday 02:00 is the next Friday 22:00.
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 17, 2), 0), rome(2026, 1, 23, 22));
}

TEST(BusinessCalendar, AWeekOfHolidaysAndALeapDay) {
    auto c = office();
    for (const char* d : {"2028-02-28", "2028-02-29", "2028-03-01", "2028-03-02", "2028-03-03"})
        c.holidays.push_back({d, ""});
    const auto cal = make(c);
    // Friday 25 February 2028 17:00 + 2 h: the whole next week is closed.
    EXPECT_EQ(cal.add_business_minutes(rome(2028, 2, 25, 17), 120), rome(2028, 3, 6, 10));
    EXPECT_FALSE(cal.is_open_at(rome(2028, 2, 29, 10)));
}

TEST(BusinessCalendar, TheSouthernHemisphereFallsBackInApril) {
    // Sydney: 5 April 2026, 03:00 AEDT becomes 02:00 AEST; that Sunday is 25 hours long.
    Calendar c;
    c.name = "Sydney";
    c.time_zone = "Australia/Sydney";
    c.always_open = true;
    const auto cal = make(c);
    EXPECT_EQ(
        cal.business_minutes_between(at("Australia/Sydney", 2026, 4, 5, 0), at("Australia/Sydney", 2026, 4, 6, 0)),
        25 * 60);
    EXPECT_EQ(
        cal.business_minutes_between(at("Australia/Sydney", 2026, 10, 4, 0), at("Australia/Sydney", 2026, 10, 5, 0)),
        23 * 60);
}

TEST(BusinessCalendar, AlwaysOpenIgnoresTheWeeklyHours) {
    auto c = office();
    c.always_open = true;
    const auto cal = make(c);
    EXPECT_TRUE(cal.is_open_at(rome(2026, 1, 17, 3)));
    EXPECT_EQ(cal.add_business_minutes(rome(2026, 1, 12, 18), 60), rome(2026, 1, 12, 19));
}

TEST(BusinessCalendar, PausesOverWholeDaysAndBackwardsPauses) {
    const auto cal = make(office());
    const auto start = rome(2026, 1, 12, 10);
    // Waiting on the customer from Monday 11:00 to Wednesday 9:00 holds back the rest of
    // Monday and all of Tuesday.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 120, {{rome(2026, 1, 12, 11), rome(2026, 1, 14, 9)}}),
              rome(2026, 1, 14, 10));
    // A pause that ends before it begins is no pause.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 60, {{rome(2026, 1, 12, 11), rome(2026, 1, 12, 10, 30)}}),
              rome(2026, 1, 12, 11));
    // Without pauses the two functions agree.
    EXPECT_EQ(cal.add_business_minutes_with_pauses(start, 777, {}), cal.add_business_minutes(start, 777));
}

TEST(CalendarValidation, ReportsEachBadField) {
    Calendar c;
    c.name = "";
    c.time_zone = "Mars/Olympus";
    c.hours[0] = {{9 * 60, 8 * 60}};
    c.hours[1] = {{9 * 60, 13 * 60}, {12 * 60, 14 * 60}};
    c.holidays = {{"2026-02-30", ""}, {"2026-12-25", ""}, {"2026-12-25", ""}};
    auto errors = validate_calendar(c);
    std::vector<std::string> pointers;
    for (const auto& e : errors) pointers.push_back(e.pointer);
    EXPECT_EQ(pointers, (std::vector<std::string>{"/name", "/time_zone", "/hours/mon/0", "/hours/tue",
                                                  "/holidays/0/date", "/holidays/2/date"}));
    EXPECT_FALSE(BusinessCalendar::make(c));
    EXPECT_EQ(BusinessCalendar::make(c).error().code, ErrorCode::Validation);
}

TEST(CalendarValidation, NeedsSomeOpeningHoursUnlessAlwaysOpen) {
    Calendar c;
    c.name = "Closed";
    auto errors = validate_calendar(c);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].pointer, "/hours");
    c.always_open = true;
    EXPECT_TRUE(validate_calendar(c).empty());
    // Intervals that touch are fine; 24:00 ends a day.
    Calendar touching = office();
    touching.hours[5] = {{0, 12 * 60}, {12 * 60, kMinutesPerDay}};
    EXPECT_TRUE(validate_calendar(touching).empty());
}

TEST(CalendarValidation, ClockTimesAndDates) {
    EXPECT_EQ(parse_clock_time("00:00"), 0);
    EXPECT_EQ(parse_clock_time("09:30"), 570);
    EXPECT_EQ(parse_clock_time("24:00"), 1440);
    EXPECT_EQ(parse_clock_time("24:01"), std::nullopt);
    EXPECT_EQ(parse_clock_time("9:30"), std::nullopt);
    EXPECT_EQ(parse_clock_time("12:60"), std::nullopt);
    EXPECT_EQ(parse_clock_time("ab:cd"), std::nullopt);
    EXPECT_EQ(format_clock_time(570), "09:30");
    EXPECT_EQ(format_clock_time(1440), "24:00");
    EXPECT_EQ(parse_local_date("1970-01-02"), 1);
    EXPECT_EQ(parse_local_date("2028-02-29"), parse_local_date("2028-03-01").value() - 1);
    EXPECT_EQ(parse_local_date("2026-02-29"), std::nullopt);
    EXPECT_EQ(parse_local_date("2026-1-01"), std::nullopt);
    EXPECT_TRUE(is_known_time_zone("Europe/Rome"));
    EXPECT_TRUE(is_known_time_zone("UTC"));
    EXPECT_FALSE(is_known_time_zone("Europe/Atlantis"));
    EXPECT_FALSE(is_known_time_zone(""));
}

}  // namespace rapport::domain::servicelevels
