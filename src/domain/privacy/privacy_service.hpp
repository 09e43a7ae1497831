#pragma once
// Data subjects' rights for people (GDPR art. 15 and 17):
//  * access: everything Rapport holds about a person, as one JSON document;
//  * erasure: personal data removed (names replaced by a placeholder, personal fields,
//    custom values, tags and the text of interactions cleared, personal values removed from
//    field history), while aggregates survive: the record id, its company links and the
//    interactions' kind, channel, relationship type and minutes, so costs and counts stay true;
//    the other areas erase their part in the same transaction (the service desk's messages,
//    the surveys' comments: storage/person_erasure_steps.hpp).
// Both are audited. Admins and owners only.
#include <nlohmann/json.hpp>

#include "domain/customers/customer_service.hpp"
#include "domain/timeline/timeline_service.hpp"

namespace rapport::domain::privacy {

class PrivacyRepository {
public:
    virtual ~PrivacyRepository() = default;
    // Applies the erasure in one transaction with its audit entry. `personal_fields` are
    // the person's columns to clear (never first_name/last_name, which get `placeholder`).
    virtual Status erase_person(Id workspace_id, Id person_id, const std::vector<std::string>& personal_columns,
                                const std::vector<std::string>& personal_fields, UnixMillis now,
                                const AuditEntry& audit) = 0;
    virtual Status record_access_export(const AuditEntry& audit) = 0;
    // Company ids and job titles the person is affiliated with.
    virtual Result<nlohmann::json> affiliations_of(Id workspace_id, Id person_id) = 0;
};

class PrivacyService {
public:
    PrivacyService(PrivacyRepository& repo, customers::CustomerService& customers, timeline::TimelineService& timeline,
                   const Clock& clock)
        : repo_(repo), customers_(customers), timeline_(timeline), clock_(clock) {}

    Result<nlohmann::json> export_person(const Principal& actor, Id person_id, const std::string& ip);
    Status erase_person(const Principal& actor, Id person_id, const std::string& ip);

private:
    AuditEntry audit(const Principal& actor, std::string action, Id person_id, const std::string& ip) const;

    PrivacyRepository& repo_;
    customers::CustomerService& customers_;
    timeline::TimelineService& timeline_;
    const Clock& clock_;
};

}  // namespace rapport::domain::privacy
