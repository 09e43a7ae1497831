#pragma once
// Use cases of companies and people: create, update, read, list, delete, history and
// custom fields, with record-level permissions applied to every read and write, every
// value validated and normalised, and every changed field's provenance and history kept.
#include <string>

#include "core/clock.hpp"
#include "domain/customers/customer_repository.hpp"
#include "domain/identity/identity_service.hpp"

namespace rapport::domain::customers {

struct RecordView {
    CustomerRecord record;
    std::vector<FieldProvenance> provenance;
};

class CustomerService {
public:
    CustomerService(CustomerRepository& repo, IdentityService& identity, const Clock& clock)
        : repo_(repo), identity_(identity), clock_(clock) {}

    Result<CustomerRecord> create(const Principal& actor, EntityType type, const CustomerInput& input,
                                  const Source& source);
    Result<CustomerRecord> update(const Principal& actor, EntityType type, Id id, const CustomerInput& input,
                                  const Source& source);
    Result<RecordView> get(const Principal& actor, EntityType type, Id id);
    // NotFound unless the record exists and the actor may read it.
    Status ensure_readable(const Principal& actor, EntityType type, Id id);
    Result<Page<CustomerRecord>> list(const Principal& actor, EntityType type, const ListRequest& request);
    Result<std::int64_t> count(const Principal& actor, EntityType type, const nlohmann::json& filter);
    Status remove(const Principal& actor, EntityType type, Id id, const std::string& ip);
    Result<Page<HistoryEntry>> history(const Principal& actor, EntityType type, Id id, const PageRequest& page);

    Result<std::vector<CustomFieldDef>> custom_fields(const Principal& actor, EntityType type);
    Result<CustomFieldDef> create_custom_field(const Principal& actor, CustomFieldDef def, const std::string& ip);
    Status delete_custom_field(const Principal& actor, EntityType type, const std::string& key, const std::string& ip);

    // The default source of a write by `actor` when the request declares none.
    static Source default_source(const Principal& actor);

private:
    // Applies `input` to `record` (validating every value) and lists the changes.
    Result<std::vector<FieldChange>> apply(const Principal& actor, const Actor& permissions, CustomerRecord& record,
                                           const CustomerInput& input, bool creating);
    Result<ListQuery> list_query(const Principal& actor, EntityType type, const ListRequest& request);
    Result<CustomerRecord> readable(const Principal& actor, const Actor& permissions, EntityType type, Id id);

    CustomerRepository& repo_;
    IdentityService& identity_;
    const Clock& clock_;
};

}  // namespace rapport::domain::customers
