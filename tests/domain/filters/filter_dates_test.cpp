// Dates of the filter language: ISO parsing, instants with zones, relative dates and their
// resolution against an injected `now`.
#include <gtest/gtest.h>

#include <string>

#include "domain/filters/dates.hpp"

namespace rapport::domain::filters {
namespace {

UnixMillis at(const char* iso) {
    auto instant = parse_iso_instant(iso);
    EXPECT_TRUE(instant) << iso;
    return instant ? instant->ms : 0;
}

std::string resolved(const char* spec, UnixMillis now) {
    auto relative = parse_relative_date(spec);
    EXPECT_TRUE(relative) << spec;
    return relative ? format_iso_date(resolve(*relative, now)) : "";
}

TEST(FilterDates, IsoDates) {
    EXPECT_EQ(parse_iso_date("1970-01-01")->days, 0);
    EXPECT_EQ(parse_iso_date("2000-01-01")->days, 10957);
    EXPECT_EQ(parse_iso_date("2026-11-23")->days, 20780);
    EXPECT_EQ(parse_iso_date("1969-12-31")->days, -1);
    EXPECT_TRUE(parse_iso_date("2024-02-29"));
    for (const char* bad : {"2023-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026-01-1", "0000-01-01",
                            "2026/01/01", "2026-01-01T00:00:00Z", "", " 2026-01-01", "２０２６-01-01"}) {
        EXPECT_FALSE(parse_iso_date(bad)) << bad;
    }
    for (const char* text : {"0001-01-01", "1969-12-31", "2024-02-29", "9999-12-31"}) {
        EXPECT_EQ(format_iso_date(*parse_iso_date(text)), text);
    }
}

TEST(FilterDates, InstantsNeedAZone) {
    EXPECT_EQ(at("2026-11-23T09:30:00Z"), 1795426200000);
    EXPECT_EQ(at("2026-11-23T10:30:00+01:00"), 1795426200000);
    EXPECT_EQ(at("2026-11-23T04:00-05:30"), 1795426200000);
    EXPECT_EQ(at("2026-11-23 09:30:00.250Z"), 1795426200250);
    EXPECT_EQ(at("2026-11-23T09:30:00.1234567z"), 1795426200123);
    EXPECT_EQ(at("1969-12-31T23:59:59.999Z"), -1);
    for (const char* bad : {"2026-11-23T09:30:00", "2026-11-23", "2026-11-23T24:00:00Z", "2026-11-23T09:60Z",
                            "2026-11-23T09:30:00+0100", "2026-11-23T09:30:00.Z", "2026-11-23T09:30:00Z junk"}) {
        EXPECT_FALSE(parse_iso_instant(bad)) << bad;
    }
}

TEST(FilterDates, DayOfAnInstantFloors) {
    EXPECT_EQ(date_of(0).days, 0);
    EXPECT_EQ(date_of(kMillisPerDay - 1).days, 0);
    EXPECT_EQ(date_of(-1).days, -1);
    EXPECT_EQ(date_of(-kMillisPerDay).days, -1);
    EXPECT_EQ(date_of(-kMillisPerDay - 1).days, -2);
    EXPECT_EQ(start_of(CalendarDate{20780}), at("2026-11-23T00:00:00Z"));
}

TEST(FilterDates, RelativeGrammar) {
    auto r = parse_relative_date("-30d");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->anchor, RelativeDate::Anchor::Today);
    EXPECT_EQ(r->amount, -30);
    EXPECT_EQ(r->unit, RelativeDate::Unit::Day);
    EXPECT_EQ(r->text, "-30d");
    auto m = parse_relative_date("start_of_year+2m");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->anchor, RelativeDate::Anchor::StartOfYear);
    EXPECT_EQ(m->amount, 2);
    EXPECT_EQ(m->unit, RelativeDate::Unit::Month);
    for (const char* good : {"+7d", "-2w", "-6m", "-1y", "today", "start_of_week", "start_of_month", "today-1d", "+0d",
                             "-100000d", "-10000w", "+10000m", "-1000y"}) {
        EXPECT_TRUE(parse_relative_date(good)) << good;
    }
    for (const char* bad :
         {"", "30d", "-d", "-30", "-30x", "-30D", "yesterday", "today+", "- 3d", "-3dd", "-100001d", "-10001w",
          "+10001m", "-1001y", "start_of_month-", "Today", "-99999999999999999999d", "start_of_month start_of_year"}) {
        EXPECT_FALSE(parse_relative_date(bad)) << bad;
    }
}

TEST(FilterDates, ResolvesAgainstNow) {
    const UnixMillis now = at("2026-03-31T23:59:59Z");  // a Tuesday, the last day of a long month
    EXPECT_EQ(resolved("today", now), "2026-03-31");
    EXPECT_EQ(resolved("-30d", now), "2026-03-01");
    EXPECT_EQ(resolved("+7d", now), "2026-04-07");
    EXPECT_EQ(resolved("-2w", now), "2026-03-17");
    EXPECT_EQ(resolved("-1m", now), "2026-02-28") << "months clamp to the last day";
    EXPECT_EQ(resolved("-6m", now), "2025-09-30");
    EXPECT_EQ(resolved("+1m", now), "2026-04-30");
    EXPECT_EQ(resolved("-1y", now), "2025-03-31");
    EXPECT_EQ(resolved("start_of_week", now), "2026-03-30");
    EXPECT_EQ(resolved("start_of_month", now), "2026-03-01");
    EXPECT_EQ(resolved("start_of_month-1m", now), "2026-02-01");
    EXPECT_EQ(resolved("start_of_year", now), "2026-01-01");
    EXPECT_EQ(resolved("start_of_year-1d", now), "2025-12-31");

    // A UTC day: one second later it is April.
    EXPECT_EQ(resolved("today", now + 1000), "2026-04-01");
    EXPECT_EQ(resolved("start_of_month", now + 1000), "2026-04-01");

    const UnixMillis leap = at("2024-02-29T12:00:00Z");
    EXPECT_EQ(resolved("-1y", leap), "2023-02-28");
    EXPECT_EQ(resolved("+4y", leap), "2028-02-29");
    EXPECT_EQ(resolved("+12m", leap), "2025-02-28");

    const UnixMillis monday = at("2026-11-23T00:00:00Z");
    EXPECT_EQ(resolved("start_of_week", monday), "2026-11-23");
    EXPECT_EQ(resolved("start_of_week", monday - 1), "2026-11-16") << "Sunday belongs to the week before";
}

}  // namespace
}  // namespace rapport::domain::filters
