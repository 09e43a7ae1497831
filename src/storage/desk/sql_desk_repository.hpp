#pragma once
#include "domain/desk/desk_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// The desk's SQL. Each query starts from the user's own rows through an index of migration
// 0020/0021 (their history, the interactions they logged, their portfolio by last change), so
// its cost follows the user's activity and portfolio, not the workspace's size.
class SqlDeskRepository final : public domain::desk::DeskRepository {
public:
    explicit SqlDeskRepository(Database& db) : db_(db) {}
    Result<std::vector<domain::desk::RecentRecord>> recent(Id workspace_id, Id user_id,
                                                           const domain::AccessFilter& access, int limit) override;
    Result<domain::desk::QuietCard> quiet(Id workspace_id, Id user_id, const domain::AccessFilter& access,
                                          UnixMillis cutoff, int limit) override;
    Result<std::vector<domain::desk::NewRecord>> handed_over(Id workspace_id, Id user_id,
                                                             const domain::AccessFilter& access, UnixMillis since,
                                                             int limit) override;
    Result<std::optional<domain::desk::DeskVisit>> visit(Id workspace_id, Id user_id) override;
    Status save_visit(const domain::desk::DeskVisit& visit) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
