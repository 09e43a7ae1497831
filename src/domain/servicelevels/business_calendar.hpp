#pragma once
// Business time: due times and elapsed time that count only the minutes a calendar is open.
//
// Computation happens on real instants (UTC milliseconds): each local day's opening intervals
// are turned into instants in the calendar's time zone, so DST days are as long as the clock
// says (an opening of 00:00-24:00 on the spring-forward day in Europe/Rome counts 23 hours).
// A local time that does not exist (skipped by the spring-forward jump) means the instant of
// the jump; a local time that occurs twice (autumn) opens at its first occurrence and closes
// at its second. Holidays close the whole local day. A start outside the hours counts from
// the next opening. Immutable and thread-safe once built.
#include <limits>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "domain/servicelevels/calendar.hpp"

namespace date {
class time_zone;
}

namespace rapport::domain::servicelevels {

// A pause of the clock (waiting on the customer): [from, to), or open-ended when `to` is empty.
using Pause = std::pair<UnixMillis, std::optional<UnixMillis>>;

// The instant returned when a due time cannot be reached (a calendar with no opening within
// twenty years): never in practice, since validated calendars open every week.
inline constexpr UnixMillis kNever = std::numeric_limits<UnixMillis>::max();

class BusinessCalendar {
public:
    // Validation errors (validate_calendar) when the calendar is not usable.
    static Result<BusinessCalendar> make(const Calendar& calendar);
    // Open every minute in `time_zone` except on `holiday_dates` ("YYYY-MM-DD").
    static Result<BusinessCalendar> always_open(std::string_view time_zone,
                                                const std::vector<std::string>& holiday_dates = {});

    // The instant when `minutes` business minutes have passed since `start` (the due time).
    // Zero minutes from a closed moment is the next opening. Negative minutes count as zero.
    UnixMillis add_business_minutes(UnixMillis start, std::int64_t minutes) const;
    // The same, not counting the time inside `pauses` (they may overlap and come in any
    // order). nullopt when an open-ended pause stops the clock before the due time.
    std::optional<UnixMillis> add_business_minutes_with_pauses(UnixMillis start, std::int64_t minutes,
                                                               const std::vector<Pause>& pauses) const;
    // Whole business minutes from `a` to `b`; negative when `b` is before `a`.
    std::int64_t business_minutes_between(UnixMillis a, UnixMillis b) const;
    bool is_open_at(UnixMillis t) const;

private:
    BusinessCalendar(const date::time_zone* zone, WeeklyHours hours, std::set<std::int64_t> holidays)
        : zone_(zone), hours_(std::move(hours)), holidays_(std::move(holidays)) {}
    // Calls `visit(begin, end)` for each open span after `from`, in order, until it returns false.
    template <class Visit>
    void for_each_open_span(UnixMillis from, Visit&& visit) const;

    const date::time_zone* zone_;
    WeeklyHours hours_;
    std::set<std::int64_t> holidays_;  // local days since 1970-01-01
};

}  // namespace rapport::domain::servicelevels
