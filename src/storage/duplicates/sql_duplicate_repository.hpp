#pragma once
#include "domain/duplicates/duplicate_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// The review queue lives in `duplicate_candidates`, merge redirects in `merged_records`;
// match data is read from `companies` and `people` (people with their first affiliation,
// primary first, as company).
class SqlDuplicateRepository final : public domain::duplicates::DuplicateRepository {
public:
    explicit SqlDuplicateRepository(Database& db) : db_(db) {}

    Result<std::vector<domain::duplicates::MatchRecord>> match_records(Id workspace_id,
                                                                       domain::customers::EntityType type,
                                                                       const std::vector<Id>& ids) override;
    Result<std::vector<domain::duplicates::MatchRecord>> neighbours(
        Id workspace_id, domain::customers::EntityType type, const std::vector<domain::duplicates::MatchRecord>& probes,
        domain::duplicates::BlockLimits limits) override;
    Status for_each_match_record(Id workspace_id, domain::customers::EntityType type,
                                 const std::function<void(const domain::duplicates::MatchRecord&)>& on_record) override;
    Status record_pairs(Id workspace_id, domain::customers::EntityType type,
                        const std::vector<domain::duplicates::FoundPair>& pairs,
                        const std::optional<std::vector<Id>>& scope, UnixMillis now) override;
    Result<domain::Page<domain::duplicates::DuplicateCandidate>> list(
        Id workspace_id, const domain::duplicates::CandidateQuery& query) override;
    Result<std::optional<domain::duplicates::DuplicateCandidate>> find(Id workspace_id, Id candidate_id) override;
    Status dismiss(Id workspace_id, Id candidate_id, std::optional<Id> user_id, UnixMillis now,
                   const domain::AuditEntry& audit) override;
    Status merge(const domain::duplicates::MergeWrite& merge) override;

private:
    Status record_scan(Id workspace_id, const std::string& type_name,
                       const std::vector<domain::duplicates::FoundPair>& pairs, Id round, UnixMillis now);
    Database& db_;
};

}  // namespace rapport::storage
