#include "domain/filters/dates.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace rapport::domain::filters {

namespace {

namespace chr = std::chrono;

chr::year_month_day to_ymd(CalendarDate date) {
    return chr::year_month_day{chr::sys_days{chr::days{date.days}}};
}

CalendarDate from_ymd(const chr::year_month_day& ymd) {
    return CalendarDate{static_cast<std::int32_t>(chr::sys_days{ymd}.time_since_epoch().count())};
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads exactly `count` digits at `pos`; nullopt on anything else.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(text[i])) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// Steps by calendar months, clamping to the last day of the target month.
chr::year_month_day add_months(const chr::year_month_day& ymd, int months) {
    const chr::year_month_day moved = ymd + chr::months{months};
    if (moved.ok()) return moved;
    return chr::year_month_day{chr::year_month_day_last{moved.year(), chr::month_day_last{moved.month()}}};
}

struct AnchorName {
    std::string_view name;
    RelativeDate::Anchor anchor;
};
constexpr std::array<AnchorName, 4> kAnchors = {{
    {"today", RelativeDate::Anchor::Today},
    {"start_of_week", RelativeDate::Anchor::StartOfWeek},
    {"start_of_month", RelativeDate::Anchor::StartOfMonth},
    {"start_of_year", RelativeDate::Anchor::StartOfYear},
}};

}  // namespace

std::optional<CalendarDate> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = digits(text, 0, 4);
    const auto m = digits(text, 5, 2);
    const auto d = digits(text, 8, 2);
    if (!y || !m || !d || *y < 1) return std::nullopt;
    const chr::year_month_day ymd{chr::year{*y}, chr::month{static_cast<unsigned>(*m)},
                                  chr::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return from_ymd(ymd);
}

std::string format_iso_date(CalendarDate date) {
    const auto ymd = to_ymd(date);
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return std::string(buf.data());
}

std::optional<Instant> parse_iso_instant(std::string_view text) {
    if (text.size() < 17) return std::nullopt;
    const auto date = parse_iso_date(text.substr(0, 10));
    if (!date || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) return std::nullopt;
    const auto hh = digits(text, 11, 2);
    const auto mm = digits(text, 14, 2);
    if (!hh || !mm || text[13] != ':' || *hh > 23 || *mm > 59) return std::nullopt;
    std::size_t pos = 16;
    int ss = 0;
    int millis = 0;
    if (pos < text.size() && text[pos] == ':') {
        const auto s = digits(text, pos + 1, 2);
        if (!s || *s > 59) return std::nullopt;  // leap seconds are not worth the trouble here
        ss = *s;
        pos += 3;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            const std::size_t begin = pos;
            int scale = 100;
            while (pos < text.size() && is_digit(text[pos])) {
                millis += (text[pos] - '0') * scale;  // digits past milliseconds are truncated
                scale /= 10;
                ++pos;
            }
            if (pos == begin) return std::nullopt;
        }
    }
    if (pos >= text.size()) return std::nullopt;  // the zone is required: no guessing
    int offset_minutes = 0;
    if (text[pos] == 'Z' || text[pos] == 'z') {
        ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
        const auto oh = digits(text, pos + 1, 2);
        const auto om = digits(text, pos + 4, 2);
        if (!oh || !om || pos + 3 >= text.size() || text[pos + 3] != ':' || *oh > 23 || *om > 59) {
            return std::nullopt;
        }
        offset_minutes = (*oh * 60 + *om) * (text[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt;
    const UnixMillis local = start_of(*date) + ((*hh * 60 + *mm) * 60 + ss) * UnixMillis{1000} + millis;
    return Instant{local - offset_minutes * UnixMillis{60'000}};
}

std::optional<RelativeDate> parse_relative_date(std::string_view text) {
    RelativeDate out;
    out.text = std::string(text);
    std::string_view rest = text;
    bool anchored = false;
    for (const auto& a : kAnchors) {
        if (rest.substr(0, a.name.size()) == a.name) {
            out.anchor = a.anchor;
            rest.remove_prefix(a.name.size());
            anchored = true;
            break;
        }
    }
    if (rest.empty()) {
        if (!anchored) return std::nullopt;
        return out;
    }
    if (rest.front() != '+' && rest.front() != '-') return std::nullopt;
    const int sign = rest.front() == '-' ? -1 : 1;
    rest.remove_prefix(1);
    std::int64_t amount = 0;
    std::size_t n = 0;
    while (n < rest.size() && is_digit(rest[n])) {
        amount = amount * 10 + (rest[n] - '0');
        if (amount > 100000) return std::nullopt;
        ++n;
    }
    if (n == 0 || n + 1 != rest.size()) return std::nullopt;
    std::int64_t limit = 0;
    switch (rest[n]) {
        case 'd':
            out.unit = RelativeDate::Unit::Day;
            limit = 100000;
            break;
        case 'w':
            out.unit = RelativeDate::Unit::Week;
            limit = 10000;
            break;
        case 'm':
            out.unit = RelativeDate::Unit::Month;
            limit = 10000;
            break;
        case 'y':
            out.unit = RelativeDate::Unit::Year;
            limit = 1000;
            break;
        default: return std::nullopt;
    }
    if (amount > limit) return std::nullopt;
    out.amount = static_cast<std::int32_t>(sign * amount);
    return out;
}

CalendarDate resolve(const RelativeDate& relative, UnixMillis now) {
    const CalendarDate today = date_of(now);
    const chr::year_month_day ymd = to_ymd(today);
    CalendarDate anchor = today;
    switch (relative.anchor) {
        case RelativeDate::Anchor::Today: break;
        case RelativeDate::Anchor::StartOfWeek: {
            // c_encoding: Sunday = 0 ... Saturday = 6; ISO weeks start on Monday.
            const unsigned since_monday = (chr::weekday{chr::sys_days{chr::days{today.days}}}.c_encoding() + 6) % 7;
            anchor = CalendarDate{today.days - static_cast<std::int32_t>(since_monday)};
            break;
        }
        case RelativeDate::Anchor::StartOfMonth: anchor = from_ymd(ymd.year() / ymd.month() / chr::day{1}); break;
        case RelativeDate::Anchor::StartOfYear: anchor = from_ymd(ymd.year() / chr::January / chr::day{1}); break;
    }
    switch (relative.unit) {
        case RelativeDate::Unit::Day: return CalendarDate{anchor.days + relative.amount};
        case RelativeDate::Unit::Week: return CalendarDate{anchor.days + 7 * relative.amount};
        case RelativeDate::Unit::Month: return from_ymd(add_months(to_ymd(anchor), relative.amount));
        case RelativeDate::Unit::Year: return from_ymd(add_months(to_ymd(anchor), 12 * relative.amount));
    }
    return anchor;
}

CalendarDate date_of(UnixMillis ms) {
    UnixMillis days = ms / kMillisPerDay;
    if (ms % kMillisPerDay < 0) --days;  // floor, not truncation, for instants before 1970
    return CalendarDate{static_cast<std::int32_t>(days)};
}

UnixMillis start_of(CalendarDate date) {
    return UnixMillis{date.days} * kMillisPerDay;
}

}  // namespace rapport::domain::filters
