#pragma once
// What the desk reads besides tasks. Every query starts from the user (an index on the
// user's rows), never from the whole workspace. Thread-safe.
#include <optional>

#include "core/error.hpp"
#include "domain/desk/desk.hpp"

namespace rapport::domain::desk {

class DeskRepository {
public:
    virtual ~DeskRepository() = default;
    // Customers the user changed (history by hand or API, not imports) or logged an interaction
    // on, newest first, each once, among those `access` may read.
    virtual Result<std::vector<RecentRecord>> recent(Id workspace_id, Id user_id, const AccessFilter& access,
                                                     int limit) = 0;
    // The user's portfolio (owner = the user) with no call, meeting or email since `cutoff`.
    virtual Result<QuietCard> quiet(Id workspace_id, Id user_id, const AccessFilter& access, UnixMillis cutoff,
                                    int limit) = 0;
    // Customers whose owner became the user after `since` through someone else's write (a
    // creation for them, a hand-over, an import), newest first; `limit + 1` at most.
    virtual Result<std::vector<NewRecord>> handed_over(Id workspace_id, Id user_id, const AccessFilter& access,
                                                       UnixMillis since, int limit) = 0;
    virtual Result<std::optional<DeskVisit>> visit(Id workspace_id, Id user_id) = 0;
    virtual Status save_visit(const DeskVisit& visit) = 0;
};

}  // namespace rapport::domain::desk
