#pragma once
// When "new since your last visit" begins. A visit is marked by the desk itself (POST
// /desk/visit when it is opened), not by reading it, so a reload shows the same news: marks
// closer together than kVisitGap are one visit, and only a mark after a longer gap moves the
// start of "new" to the end of the previous visit. "Mark all as seen" moves it to now.
#include <optional>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::desk {

constexpr UnixMillis kVisitGap = 30LL * 60 * 1000;                     // 30 minutes
constexpr UnixMillis kFirstVisitLookback = 7LL * 24 * 60 * 60 * 1000;  // a first visit shows the last 7 days

struct DeskVisit {
    Id workspace_id = 0;
    Id user_id = 0;
    UnixMillis since_at = 0;       // news are what happened after this
    UnixMillis last_visit_at = 0;  // the latest mark
};

// The visit after a mark at `now` (pure).
DeskVisit next_visit(const std::optional<DeskVisit>& last, Id workspace_id, Id user_id, UnixMillis now,
                     bool mark_all_seen);

// Where news begin for a user who has `visit` (none yet: the lookback before now).
UnixMillis news_since(const std::optional<DeskVisit>& visit, UnixMillis now);

}  // namespace rapport::domain::desk
