#include "domain/servicelevels/business_calendar.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>

namespace rapport::domain::servicelevels {

namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

constexpr std::int64_t kMinuteMs = 60'000;
// How far ahead an opening is looked for before giving up (kNever).
constexpr std::int64_t kSearchDays = 366 * 20;

UnixMillis ms_of(date::sys_time<milliseconds> t) {
    return t.time_since_epoch().count();
}

// The instant a local time names in `zone`: a skipped local time is the instant of the jump;
// a repeated one is its first occurrence when opening, its second when closing.
UnixMillis instant_of(const date::time_zone* zone, date::local_time<milliseconds> local, bool closing) {
    const auto info = zone->get_info(date::floor<std::chrono::seconds>(local));
    switch (info.result) {
        case date::local_info::nonexistent:
            return ms_of(date::sys_time<milliseconds>{info.first.end.time_since_epoch()});
        case date::local_info::ambiguous: {
            const auto offset = closing ? info.second.offset : info.first.offset;
            return local.time_since_epoch().count() - milliseconds{offset}.count();
        }
        case date::local_info::unique:
        default: return local.time_since_epoch().count() - milliseconds{info.first.offset}.count();
    }
}

std::int64_t local_day_of(const date::time_zone* zone, UnixMillis t) {
    const auto local = zone->to_local(date::sys_time<milliseconds>{milliseconds{t}});
    return date::floor<date::days>(local).time_since_epoch().count();
}

struct Span {
    UnixMillis from;
    UnixMillis to;  // kNever: open-ended
};

// Sorted, merged pauses.
std::vector<Span> merged(const std::vector<Pause>& pauses) {
    std::vector<Span> spans;
    for (const auto& [from, to] : pauses) {
        const UnixMillis end = to.value_or(kNever);
        if (end > from) spans.push_back({from, end});
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<Span> out;
    for (const auto& s : spans) {
        if (!out.empty() && s.from <= out.back().to) {
            out.back().to = std::max(out.back().to, s.to);
        } else {
            out.push_back(s);
        }
    }
    return out;
}

}  // namespace

Result<BusinessCalendar> BusinessCalendar::make(const Calendar& calendar) {
    if (auto errors = validate_calendar(calendar); !errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "servicelevels.calendar_invalid", {}, std::move(errors)));
    }
    WeeklyHours hours = calendar.hours;
    if (calendar.always_open) {
        for (auto& day : hours) day = {{0, kMinutesPerDay}};
    }
    for (auto& day : hours) {
        std::sort(day.begin(), day.end(), [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
    }
    std::set<std::int64_t> holidays;
    for (const auto& h : calendar.holidays) holidays.insert(*parse_local_date(h.date));
    return BusinessCalendar(date::locate_zone(calendar.time_zone), std::move(hours), std::move(holidays));
}

Result<BusinessCalendar> BusinessCalendar::always_open(std::string_view time_zone,
                                                       const std::vector<std::string>& holiday_dates) {
    Calendar c;
    c.name = "24/7";
    c.time_zone = std::string(time_zone);
    c.always_open = true;
    for (const auto& d : holiday_dates) c.holidays.push_back({d, ""});
    return make(c);
}

template <class Visit>
void BusinessCalendar::for_each_open_span(UnixMillis from, Visit&& visit) const {
    // Spans never go back: each begins where the last ended at the earliest (two intervals can
    // overlap in real time around an autumn transition).
    UnixMillis cursor = from;
    const std::int64_t first_day = local_day_of(zone_, from) - 1;
    for (std::int64_t day = first_day; day <= first_day + kSearchDays; ++day) {
        if (holidays_.count(day) != 0) continue;
        const date::local_days local_day{date::days{day}};
        const auto weekday = date::weekday{local_day}.iso_encoding() - 1;
        for (const auto& iv : hours_[weekday]) {
            const UnixMillis open = instant_of(zone_, local_day + minutes{iv.start_minute}, false);
            const UnixMillis close = instant_of(zone_, local_day + minutes{iv.end_minute}, true);
            const UnixMillis begin = std::max(open, cursor);
            if (close <= begin) continue;
            cursor = close;
            if (!visit(begin, close)) return;
        }
    }
}

UnixMillis BusinessCalendar::add_business_minutes(UnixMillis start, std::int64_t minutes_to_add) const {
    auto due = add_business_minutes_with_pauses(start, minutes_to_add, {});
    return due.value_or(kNever);
}

std::optional<UnixMillis> BusinessCalendar::add_business_minutes_with_pauses(UnixMillis start,
                                                                             std::int64_t minutes_to_add,
                                                                             const std::vector<Pause>& pauses) const {
    std::int64_t remaining = std::max<std::int64_t>(0, minutes_to_add) * kMinuteMs;
    const auto paused = merged(pauses);
    std::size_t next_pause = 0;
    std::optional<UnixMillis> due;
    bool stopped = false;  // an open-ended pause holds the clock for good
    for_each_open_span(start, [&](UnixMillis begin, UnixMillis end) {
        UnixMillis at = begin;
        while (at < end) {
            while (next_pause < paused.size() && paused[next_pause].to <= at) ++next_pause;
            UnixMillis until = end;
            if (next_pause < paused.size()) {
                const auto& p = paused[next_pause];
                if (p.from <= at) {
                    if (p.to == kNever) {
                        stopped = true;
                        return false;
                    }
                    at = p.to;
                    continue;
                }
                until = std::min(end, p.from);
            }
            if (until - at >= remaining) {
                due = at + remaining;
                return false;
            }
            remaining -= until - at;
            at = until;
        }
        return true;
    });
    if (stopped) return std::nullopt;
    return due.value_or(kNever);
}

std::int64_t BusinessCalendar::business_minutes_between(UnixMillis a, UnixMillis b) const {
    if (b < a) return -business_minutes_between(b, a);
    std::int64_t total = 0;
    for_each_open_span(a, [&](UnixMillis begin, UnixMillis end) {
        if (begin >= b) return false;
        total += std::min(end, b) - begin;
        return end < b;
    });
    return total / kMinuteMs;
}

bool BusinessCalendar::is_open_at(UnixMillis t) const {
    bool open = false;
    for_each_open_span(t, [&](UnixMillis begin, UnixMillis) {
        open = begin == t;
        return false;
    });
    return open;
}

}  // namespace rapport::domain::servicelevels
