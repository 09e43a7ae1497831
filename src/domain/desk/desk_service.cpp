#include "domain/desk/desk_service.hpp"

namespace rapport::domain::desk {

namespace {
constexpr UnixMillis kDay = 24LL * 60 * 60 * 1000;

Status user_only(const Principal& actor) {
    if (!actor.user_id) return fail(Error::localized(ErrorCode::Forbidden, "desk.users_only"));
    return {};
}
}  // namespace

Result<Desk> DeskService::desk(const Principal& actor, const DeskRequest& request) {
    RAPPORT_CHECK(user_only(actor));
    const Id ws = actor.workspace_id;
    const Id me = *actor.user_id;
    Desk out;
    out.now = clock_.now_ms();
    const AccessFilter access = RAPPORT_TRY(tasks_.access(actor));
    if (request.wants("tasks")) {
        auto mine = RAPPORT_TRY(tasks_.mine(actor, request.limit));
        out.tasks = TasksCard{mine.counts, std::move(mine.first)};
    }
    if (request.wants("recent")) {
        out.recent = RecentCard{RAPPORT_TRY(repo_.recent(ws, me, access, request.limit))};
    }
    if (request.wants("quiet")) {
        const UnixMillis cutoff = out.now - static_cast<UnixMillis>(request.quiet_days) * kDay;
        out.quiet = RAPPORT_TRY(repo_.quiet(ws, me, access, cutoff, request.limit));
        out.quiet->days = request.quiet_days;
    }
    if (request.wants("new")) {
        NewCard card;
        card.since = news_since(RAPPORT_TRY(repo_.visit(ws, me)), out.now);
        card.records = RAPPORT_TRY(repo_.handed_over(ws, me, access, card.since, request.limit));
        card.tasks = RAPPORT_TRY(tasks_.assigned_since(actor, card.since, request.limit + 1));
        const auto limit = static_cast<std::size_t>(request.limit);
        if (card.records.size() > limit || card.tasks.size() > limit) card.more = true;
        if (card.records.size() > limit) card.records.resize(limit);
        if (card.tasks.size() > limit) card.tasks.resize(limit);
        out.news = std::move(card);
    }
    return out;
}

Result<DeskVisit> DeskService::visit(const Principal& actor, bool mark_all_seen) {
    RAPPORT_CHECK(user_only(actor));
    const auto last = RAPPORT_TRY(repo_.visit(actor.workspace_id, *actor.user_id));
    DeskVisit next = next_visit(last, actor.workspace_id, *actor.user_id, clock_.now_ms(), mark_all_seen);
    RAPPORT_CHECK(repo_.save_visit(next));
    return next;
}

}  // namespace rapport::domain::desk
