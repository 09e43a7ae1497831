#pragma once
#include "domain/privacy/privacy_service.hpp"
#include "storage/database.hpp"
#include "storage/person_erasure_steps.hpp"

namespace rapport::storage {

class SqlPrivacyRepository final : public domain::privacy::PrivacyRepository {
public:
    // `others`: what the other areas erase with a person, run in the same transaction.
    SqlPrivacyRepository(Database& db, const PersonErasureSteps& others) : db_(db), others_(others) {}
    Status erase_person(Id workspace_id, Id person_id, const std::vector<std::string>& personal_columns,
                        const std::vector<std::string>& personal_fields, UnixMillis now,
                        const domain::AuditEntry& audit) override;
    Status record_access_export(const domain::AuditEntry& audit) override;
    Result<nlohmann::json> affiliations_of(Id workspace_id, Id person_id) override;

private:
    Database& db_;
    const PersonErasureSteps& others_;
};

}  // namespace rapport::storage
