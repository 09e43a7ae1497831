#pragma once
// Use cases of companies and people: create, update, read, list, delete, history and
// custom fields, with record-level permissions applied to every read and write, every
// value validated and normalised, and every changed field's provenance and history kept.
#include <functional>
#include <string>

#include "core/clock.hpp"
#include "domain/customers/customer_repository.hpp"
#include "domain/identity/actor_directory.hpp"

namespace rapport::domain::customers {

struct RecordView {
    CustomerRecord record;
    std::vector<FieldProvenance> provenance;
    // Set when the id asked for was merged into `record` (see get()).
    std::optional<Id> merged_from;
};

// What validating a write needs besides the record: the actor's permissions and the
// workspace's custom field definitions. create/update load it per call; imports load it once
// per batch, so that thousands of rows cost one round of look-ups.
struct WriteContext {
    Actor permissions;
    RoleGrants grants;
    std::vector<CustomFieldDef> custom_defs;
};

// What a list request selects, read in batches for exports: each next() is one keyset query
// whose rows stream from the database straight to the caller, and nothing is held between
// batches (no rows, no connection), so an export of any size keeps one batch in memory and a
// slow download never pins a pooled connection. Batches join seamlessly (no row twice, none
// skipped); rows written while an export runs may or may not appear, as no snapshot spans
// the batches. Permissions and the filter are fixed when the stream is made.
class RecordStream {
public:
    // Calls `on_record` for the next records, at most `max_rows` (≥ 1); returns false once
    // the end has been reached (possibly after delivering some records in this call).
    Result<bool> next(int max_rows, const std::function<void(const CustomerRecord&)>& on_record);

private:
    friend class CustomerService;
    RecordStream(CustomerRepository& repo, Id workspace_id, EntityType type, ListQuery query)
        : repo_(&repo), workspace_id_(workspace_id), type_(type), query_(std::move(query)) {}

    CustomerRepository* repo_;
    Id workspace_id_;
    EntityType type_;
    ListQuery query_;
    bool done_ = false;
};

class CustomerService {
public:
    CustomerService(CustomerRepository& repo, ActorDirectory& actors, const Clock& clock)
        : repo_(repo), actors_(actors), clock_(clock) {}

    Result<CustomerRecord> create(const Principal& actor, EntityType type, const CustomerInput& input,
                                  const Source& source);
    // The saved record as its writer sees it: `readable` is false when the write handed it
    // to a colleague outside the writer's read scope (the write still succeeded).
    struct Updated {
        RecordView view;
        bool readable = true;
    };
    Result<Updated> update(const Principal& actor, EntityType type, Id id, const CustomerInput& input,
                           const Source& source);
    // A record merged into another (domain/duplicates) answers with the survivor, and
    // merged_from names the id asked for; the survivor's permissions apply.
    Result<RecordView> get(const Principal& actor, EntityType type, Id id);
    // NotFound unless the record exists and the actor may read it.
    Status ensure_readable(const Principal& actor, EntityType type, Id id);
    Result<Page<CustomerRecord>> list(const Principal& actor, EntityType type, const ListRequest& request);
    Result<std::int64_t> count(const Principal& actor, EntityType type, const nlohmann::json& filter);
    // Counts what `request` selects (filter, member_of; paging ignored) among the records the
    // actor may read.
    Result<std::int64_t> count(const Principal& actor, EntityType type, const ListRequest& request);
    // Counts what `request` selects among every record of the workspace, whoever may read
    // them: for system jobs that act for the workspace rather than a user (segment snapshots).
    Result<std::int64_t> count_all(Id workspace_id, EntityType type, const ListRequest& request);
    // Everything `request` selects (limit and cursor ignored) in its sort order, for exports;
    // the request is checked here, so a bad filter fails before anything is streamed.
    Result<RecordStream> stream(const Principal& actor, EntityType type, const ListRequest& request);
    Status remove(const Principal& actor, EntityType type, Id id, const std::string& ip);
    Result<Page<HistoryEntry>> history(const Principal& actor, EntityType type, Id id, const PageRequest& page);

    Result<std::vector<Affiliation>> affiliations(const Principal& actor, Id person_id);
    // Replaces the person's affiliations; every company must exist and be readable; at most
    // one primary (the first is made primary when none is marked).
    Result<std::vector<Affiliation>> set_affiliations(const Principal& actor, Id person_id,
                                                      std::vector<Affiliation> affiliations, const Source& source);
    // A company's contacts (with their job titles there), or a buyer's consumers, that the
    // actor may read.
    Result<Page<RelatedRecord>> related_people(const Principal& actor, Id company_id, bool consumers,
                                               const PageRequest& page);

    Result<std::vector<CustomFieldDef>> custom_fields(const Principal& actor, EntityType type);
    Result<CustomFieldDef> create_custom_field(const Principal& actor, CustomFieldDef def, const std::string& ip);
    Status delete_custom_field(const Principal& actor, EntityType type, const std::string& key, const std::string& ip);

    // The default source of a write by `actor` when the request declares none.
    static Source default_source(const Principal& actor);

    // The validation path of create() and update(), without storing anything, for callers
    // that write many records at once (imports) and for dry runs. create() and update() are
    // exactly write_context + prepare_* + one repository write, so a row an import accepts
    // is a row the API accepts, with the same messages.
    Result<WriteContext> write_context(const Principal& actor, EntityType type);
    // The write create() would store: a fresh id, the actor as default owner, defaults filled,
    // every value normalised. Validation errors and Forbidden exactly as create().
    Result<RecordWrite> prepare_create(const Principal& actor, const WriteContext& context, EntityType type,
                                       const CustomerInput& input, const Source& source);
    // The write update() would store for `current` (a record as stored, e.g. from
    // find_by_field): NotFound when the actor may not read it, Forbidden when they may not
    // change it, validation errors as update(). `changes` is empty when nothing would change
    // (and updated_at is then left alone).
    Result<RecordWrite> prepare_update(const Principal& actor, const WriteContext& context, CustomerRecord current,
                                       const CustomerInput& input, const Source& source);
    // The records of the actor's workspace whose built-in `field` (e.g. external_id, email,
    // vat_id) equals one of `values` (normalised values, as stored). Not filtered by what the
    // actor may read: an import must know that a key is taken, and prepare_update decides.
    Result<std::vector<CustomerRecord>> find_by_field(const Principal& actor, EntityType type, const std::string& field,
                                                      const std::vector<std::string>& values);

    // Refuses (Forbidden, with the reason) a write whose result `after` the actor could not
    // create, judged by judge_write (for every write path: API, imports, merges); `before` is the stored state's ref,
    // nullopt for a create.
    Result<WriteVerdict> check_result(const Principal& actor, const WriteContext& context,
                                      const std::optional<RecordRef>& before, const CustomerRecord& after,
                                      const std::string& verb);

    // The query a list request makes for `actor`: the read permissions, the filter, the quick
    // search and the sort checked (Validation naming every problem).
    Result<ListQuery> list_query(const Principal& actor, EntityType type, const ListRequest& request);

private:
    // Applies `input` to `record` (validating every value) and returns the write it makes:
    // changes, and the flags raised or cleared (field_flag.hpp) with `source` as their origin.
    Result<RecordWrite> apply(const Principal& actor, const Actor& permissions, CustomerRecord record,
                              const CustomerInput& input, bool creating, const std::vector<CustomFieldDef>& defs,
                              const Source& source);
    // list_query for a given record-level restriction.
    Result<ListQuery> build_query(Id workspace_id, AccessFilter access, EntityType type, const ListRequest& request);
    Result<CustomerRecord> readable(const Principal& actor, const Actor& permissions, EntityType type, Id id);

    CustomerRepository& repo_;
    ActorDirectory& actors_;
    const Clock& clock_;
};

}  // namespace rapport::domain::customers
