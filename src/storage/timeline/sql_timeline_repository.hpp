#pragma once
#include "domain/timeline/timeline_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlTimelineRepository final : public domain::timeline::TimelineRepository {
public:
    explicit SqlTimelineRepository(Database& db) : db_(db) {}
    Status insert(const domain::timeline::Interaction& interaction) override;
    Status update(const domain::timeline::Interaction& interaction, const domain::AuditEntry& audit) override;
    Status remove(Id workspace_id, Id interaction_id) override;
    Result<std::optional<domain::timeline::Interaction>> find(Id workspace_id, Id interaction_id) override;
    Result<domain::timeline::TimelinePage> of_person(Id workspace_id, Id person_id,
                                                     std::optional<domain::timeline::TimelineCursor> before,
                                                     int limit) override;
    Result<domain::timeline::TimelinePage> of_company(Id workspace_id, Id company_id,
                                                      std::optional<domain::timeline::TimelineCursor> before,
                                                      int limit) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
