#include "domain/desk/desk_visit.hpp"

namespace rapport::domain::desk {

DeskVisit next_visit(const std::optional<DeskVisit>& last, Id workspace_id, Id user_id, UnixMillis now,
                     bool mark_all_seen) {
    DeskVisit v;
    v.workspace_id = workspace_id;
    v.user_id = user_id;
    v.last_visit_at = now;
    if (!last) {
        v.since_at = now - kFirstVisitLookback;
    } else if (now - last->last_visit_at > kVisitGap) {
        v.since_at = last->last_visit_at;  // a new visit: news since the previous one ended
    } else {
        v.since_at = last->since_at;  // the same visit (a reload, another tab)
    }
    if (mark_all_seen) v.since_at = now;
    return v;
}

UnixMillis news_since(const std::optional<DeskVisit>& visit, UnixMillis now) {
    return visit ? visit->since_at : now - kFirstVisitLookback;
}

}  // namespace rapport::domain::desk
