#pragma once
// Persistence of companies and people with their tags, per-field provenance and history,
// and of custom field definitions. Thread-safe; each method atomic.
#include <functional>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/customers/custom_field.hpp"
#include "domain/customers/customer_record.hpp"
#include "domain/customers/list_query.hpp"
#include "domain/page.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain::customers {

// One write of a record: its complete new state, what changed (for history) and the source
// that the changed fields' provenance now points to (a new record's fields share one row,
// record_provenance.hpp). Stored in one transaction.
struct RecordWrite {
    CustomerRecord record;
    std::vector<FieldChange> changes;
    Source source;
    std::optional<Id> actor_user_id;
    std::string actor_label;
    UnixMillis at = 0;
    // The record's flags (record.flags) differ from the stored ones and replace them.
    bool flags_changed = false;
    // The flags this write raised (a subset of record.flags), for import reports.
    std::vector<FieldFlag> raised_flags = {};
    // For an update judged on the stored state read at this updated_at: update() applies it
    // only if the record is still so, and otherwise fails with Conflict (NotFound if deleted).
    std::optional<UnixMillis> expected_updated_at = std::nullopt;
    // How the permissions judged the result (record_access.hpp): HandedOver when the writer
    // passed the record to a colleague and may no longer be able to see it.
    WriteVerdict verdict = WriteVerdict::Allowed;
    // Invalid values the write let go instead of flagging them, because the field already held
    // a valid value (an invalid value never replaces a valid one); not stored, for import reports.
    std::vector<FieldFlag> ignored_values = {};
};

struct ListQuery {
    AccessFilter access;
    std::optional<filters::FilterNode> filter;
    UnixMillis now = 0;  // "today" for relative dates in the filter
    std::string sort;    // a sortable field (list_query.hpp) or empty for id order
    bool descending = false;
    int limit = 50;
    std::optional<SortCursor> after;
    std::optional<Id> member_of;  // only members of this static segment
    // Quick search words (quick_search.hpp), lower-cased: each must begin one of the
    // entity's quick-search columns.
    std::vector<std::string> quick_words = {};
    // Only these records (empty: no such restriction); bulk changes name their records.
    std::vector<Id> ids = {};
};

class CustomerRepository {
public:
    virtual ~CustomerRepository() = default;

    virtual Status insert(const RecordWrite& write) = 0;
    // NotFound when the record is gone.
    virtual Status update(const RecordWrite& write) = 0;
    virtual Result<std::optional<CustomerRecord>> find(Id workspace_id, EntityType type, Id id) = 0;
    // The record that `id` was merged into (domain/duplicates), nullopt when it never was.
    virtual Result<std::optional<Id>> merged_into(Id workspace_id, EntityType type, Id id) = 0;
    // The records whose built-in `field` (a catalog name such as "email", never user input)
    // equals one of `values`, with their tags; any number of values, looked up in chunks.
    virtual Result<std::vector<CustomerRecord>> find_by_field(Id workspace_id, EntityType type,
                                                              const std::string& field,
                                                              const std::vector<std::string>& values) = 0;
    virtual Status remove(Id workspace_id, EntityType type, Id id, const AuditEntry& audit) = 0;
    // Keyset-paged; next_cursor is an encoded SortCursor.
    virtual Result<Page<CustomerRecord>> list(Id workspace_id, EntityType type, const ListQuery& query) = 0;
    // How many records the query's access and filter select (paging ignored).
    virtual Result<std::int64_t> count(Id workspace_id, EntityType type, const ListQuery& query) = 0;
    // The records `query` selects in its order, after `query.after`, at most `query.limit`
    // (tags included): one statement whose rows go to `on_record` as the database delivers
    // them (Connection::query_each), never collected. Returns the keyset position of the last
    // record delivered, nullopt when there was none.
    virtual Result<std::optional<SortCursor>> scan(Id workspace_id, EntityType type, const ListQuery& query,
                                                   const std::function<void(const CustomerRecord&)>& on_record) = 0;

    // The stored rows, the creation's row (kCreatedFields) included: resolve_provenance
    // (record_provenance.hpp) turns them into one entry per field.
    virtual Result<std::vector<FieldProvenance>> provenance(Id workspace_id, EntityType type, Id id) = 0;
    // Newest first; `page.after` means older than that history id.
    virtual Result<Page<HistoryEntry>> history(Id workspace_id, EntityType type, Id id, const PageRequest& page) = 0;

    virtual Result<std::vector<CustomFieldDef>> custom_fields(Id workspace_id, EntityType type) = 0;
    // Conflict when the key exists for that type.
    virtual Status create_custom_field(const CustomFieldDef& def, const AuditEntry& audit) = 0;
    virtual Status delete_custom_field(Id workspace_id, EntityType type, const std::string& key,
                                       const AuditEntry& audit) = 0;

    // Reference checks, so a record never points at another workspace's users, teams or companies.
    virtual Result<bool> user_exists(Id workspace_id, Id user_id) = 0;
    virtual Result<bool> team_exists(Id workspace_id, Id team_id) = 0;
    virtual Result<bool> buyer_exists(Id workspace_id, Id company_id) = 0;

    // A person's company affiliations (B2B contacts), replaced as a whole with history.
    virtual Result<std::vector<Affiliation>> affiliations(Id workspace_id, Id person_id) = 0;
    virtual Status set_affiliations(const RecordWrite& person, const std::vector<Affiliation>& affiliations) = 0;
    // The people affiliated with a company (its contacts, with their job titles) or belonging
    // to a buyer (its consumers), in id order, keyset-paged.
    virtual Result<Page<RelatedPerson>> related_people(Id workspace_id, Id company_id, bool consumers,
                                                       const PageRequest& page) = 0;
};

}  // namespace rapport::domain::customers
