#pragma once
// The signed-in user's desk: my open and overdue tasks, the records I touched recently, my
// portfolio's customers with no contact in N days, and what is new since my last visit.
// Only a user has a desk: an API key gets Forbidden.
#include "domain/desk/desk_repository.hpp"
#include "domain/tasks/task_service.hpp"

namespace rapport::domain::desk {

class DeskService {
public:
    DeskService(DeskRepository& repo, tasks::TaskService& tasks, const Clock& clock)
        : repo_(repo), tasks_(tasks), clock_(clock) {}

    Result<Desk> desk(const Principal& actor, const DeskRequest& request);
    // Marks a visit (see desk_visit.hpp); `mark_all_seen` starts the news afresh.
    Result<DeskVisit> visit(const Principal& actor, bool mark_all_seen);

private:
    DeskRepository& repo_;
    tasks::TaskService& tasks_;
    const Clock& clock_;
};

}  // namespace rapport::domain::desk
