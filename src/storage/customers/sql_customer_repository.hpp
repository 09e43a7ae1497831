#pragma once
#include "domain/customers/customer_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// Companies live in `companies`, people in `people`; built-in fields map to columns named
// by the field catalog (code constants, never user input), custom values to the JSON text
// column `custom`, tags to `tags`, provenance and history to their tables.
class SqlCustomerRepository final : public domain::customers::CustomerRepository {
public:
    explicit SqlCustomerRepository(Database& db) : db_(db) {}

    Status insert(const domain::customers::RecordWrite& write) override;
    Status update(const domain::customers::RecordWrite& write) override;
    Result<std::optional<domain::customers::CustomerRecord>> find(Id workspace_id, domain::customers::EntityType type,
                                                                  Id id) override;
    Result<std::optional<Id>> merged_into(Id workspace_id, domain::customers::EntityType type, Id id) override;
    Result<std::vector<domain::customers::CustomerRecord>> find_by_field(
        Id workspace_id, domain::customers::EntityType type, const std::string& field,
        const std::vector<std::string>& values) override;
    Status remove(Id workspace_id, domain::customers::EntityType type, Id id, const domain::AuditEntry& audit) override;
    Result<domain::Page<domain::customers::CustomerRecord>> list(Id workspace_id, domain::customers::EntityType type,
                                                                 const domain::customers::ListQuery& query) override;
    Result<std::int64_t> count(Id workspace_id, domain::customers::EntityType type,
                               const domain::customers::ListQuery& query) override;
    Result<std::optional<domain::customers::SortCursor>> scan(
        Id workspace_id, domain::customers::EntityType type, const domain::customers::ListQuery& query,
        const std::function<void(const domain::customers::CustomerRecord&)>& on_record) override;
    Result<std::vector<domain::customers::FieldProvenance>> provenance(Id workspace_id,
                                                                       domain::customers::EntityType type,
                                                                       Id id) override;
    Result<domain::Page<domain::customers::HistoryEntry>> history(Id workspace_id, domain::customers::EntityType type,
                                                                  Id id, const domain::PageRequest& page) override;
    Result<std::vector<domain::customers::CustomFieldDef>> custom_fields(Id workspace_id,
                                                                         domain::customers::EntityType type) override;
    Status create_custom_field(const domain::customers::CustomFieldDef& def, const domain::AuditEntry& audit) override;
    Status delete_custom_field(Id workspace_id, domain::customers::EntityType type, const std::string& key,
                               const domain::AuditEntry& audit) override;
    Result<bool> user_exists(Id workspace_id, Id user_id) override;
    Result<bool> team_exists(Id workspace_id, Id team_id) override;
    Result<bool> buyer_exists(Id workspace_id, Id company_id) override;
    Result<std::vector<domain::customers::Affiliation>> affiliations(Id workspace_id, Id person_id) override;
    Status set_affiliations(const domain::customers::RecordWrite& person,
                            const std::vector<domain::customers::Affiliation>& affiliations) override;
    Result<domain::Page<domain::customers::RelatedPerson>> related_people(Id workspace_id, Id company_id,
                                                                          bool consumers,
                                                                          const domain::PageRequest& page) override;

private:
    Database& db_;
};

// Writes many records inside the caller's transaction, as insert() and update() write one
// (record row, tags, provenance and history of every change), with multi-row statements:
// a batch of a thousand records costs tens of statements, not tens of thousands. A record
// appears at most once in `inserts` + `updates`. NotFound when an updated record is gone.
// Used by imports, which commit each batch together with its checkpoint.
Status write_records(Connection& c, const std::vector<domain::customers::RecordWrite>& inserts,
                     const std::vector<domain::customers::RecordWrite>& updates);

// Deletes a record inside the caller's transaction, as remove() does (tags, provenance,
// flags and static segment memberships with it; field history stays). NotFound when gone.
Status remove_record(Connection& c, Id workspace_id, domain::customers::EntityType type, Id id);

// "SELECT <columns> FROM <people|companies> r WHERE <what `query` selects>": the workspace, the
// read permissions, the filter, the ids and the static segment membership of a list (paging
// and sort ignored), for other areas' set-based reads (the canvases). `columns` is the
// caller's constant SQL over alias r; the values are appended to `params`.
Result<std::string> select_records(Connection& c, Id workspace_id, domain::customers::EntityType type,
                                   const domain::customers::ListQuery& query, const std::string& columns,
                                   Params& params);

}  // namespace rapport::storage
