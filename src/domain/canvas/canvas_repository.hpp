#pragma once
// What the canvases read from storage: set-based aggregates of one workspace (every query
// binds the workspace id), never a record at a time. Thread-safe; reads only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/customers/customer_repository.hpp"

namespace rapport::domain::canvas {

// A half-open period [from, to) in Unix milliseconds.
struct Period {
    UnixMillis from = 0;
    UnixMillis to = 0;
};

// A set of customers: what a list query over one entity type selects (a segment's members,
// or every record the reader may read).
struct Selection {
    customers::EntityType type = customers::EntityType::Person;
    customers::ListQuery query;
};

struct KeyCount {
    std::string key;
    std::int64_t count = 0;
};

// The key profile fields whose filling gives the profile completeness, per entity type.
const std::vector<std::string>& key_fields(customers::EntityType type);

struct MemberFacts {
    std::int64_t members = 0;
    std::int64_t with_owner = 0;
    std::int64_t created_in_period = 0;
    std::int64_t not_contacted = 0;  // no interaction nor conversation message in [contact_since, contact_until)
    std::int64_t key_fields_filled = 0;
};

struct OwnerLoad {
    Id user_id = 0;
    std::string name;
    std::int64_t customers = 0;
};

// Interactions on the timeline of the selection's customers in the period (tasks excluded),
// by relationship type ("" for interactions without one).
struct TypeActivity {
    std::string relationship_type;
    std::int64_t interactions = 0;
    std::int64_t customers = 0;  // distinct customers touched
    std::int64_t minutes = 0;
};

struct ConversationFact {
    UnixMillis created_at = 0;
    std::optional<UnixMillis> first_response_at;
    std::optional<UnixMillis> resolved_at;
    std::optional<UnixMillis> first_response_due_at;
    std::optional<Id> sla_policy_id;  // its calendar gives business hours
};

struct RatingFacts {
    std::int64_t count = 0;
    std::int64_t sum = 0;
};

struct SelectionFacts {
    MemberFacts members;
    std::vector<OwnerLoad> owners;                // customers per owner, largest first
    std::vector<TypeActivity> activity;           // one row per type present
    std::int64_t customers_touched = 0;           // by any interaction in the period
    std::int64_t interactions = 0;                // every interaction in the period
    std::vector<ConversationFact> conversations;  // created in the period, not merged away
    RatingFacts csat;                             // CSAT answers given in the period
};

struct SnapshotFact {
    std::string day;
    std::int64_t members = 0;
    UnixMillis taken_at = 0;
};

struct ImportFact {
    std::string entity_type;
    Id import_id = 0;
    std::string filename;
    std::string status;
    std::optional<UnixMillis> finished_at;
    std::int64_t created = 0;
    std::int64_t updated = 0;
};

struct TeamFact {
    Id team_id = 0;
    std::string name;
    std::string kind;
    std::int64_t members = 0;
    std::int64_t hunters = 0;
    std::int64_t farmers = 0;
};

struct WorkloadFact {
    Id user_id = 0;
    std::string name;
    std::int64_t open_conversations = 0;
    std::int64_t open_tasks = 0;
    std::int64_t owned_customers = 0;
};

// The workspace facts of the CRM Model Canvas; customer figures count what `people` and
// `companies` select (the reader's records).
struct WorkspaceFacts {
    std::vector<KeyCount> companies_by_market;  // b2b, b2c
    std::vector<KeyCount> people_by_kind;       // b2b_contact, b2c_consumer
    std::int64_t consumers_of_buyers = 0;       // people with a buyer (B2B2C)
    RatingFacts csat;                           // answers in the period, of the selected people
    std::vector<KeyCount> values_by_data_kind;  // field values, by zero/first/second/third party
    std::vector<KeyCount> values_by_source;     // field values, by source kind (manual, import, api, ...)
    std::vector<KeyCount> records_by_source;    // records with a value from that source kind
    std::vector<ImportFact> last_imports;       // the last finished import per entity type
    std::vector<TeamFact> teams;
    std::vector<WorkloadFact> workload;  // active users
    std::int64_t mailboxes = 0;
    std::int64_t mailboxes_enabled = 0;
    std::vector<KeyCount> conversation_channels;  // conversations by channel
    std::int64_t api_keys_active = 0;
    std::int64_t contact_forms = 0;
};

class CanvasRepository {
public:
    virtual ~CanvasRepository() = default;

    virtual std::string engine() const = 0;  // "sqlite" or "postgres"

    virtual Result<std::int64_t> count(Id workspace_id, const Selection& selection) = 0;
    virtual Result<SelectionFacts> selection_facts(Id workspace_id, const Selection& selection, Period period,
                                                   UnixMillis contact_since, UnixMillis contact_until) = 0;
    // The segment's daily snapshots of the days up to `last_day` ("YYYY-MM-DD", inclusive),
    // oldest first.
    virtual Result<std::vector<SnapshotFact>> snapshots(Id workspace_id, Id segment_id,
                                                        const std::string& last_day) = 0;
    // `workspace_wide`: also the facts beyond the reader's records (data sources' imports,
    // executors, technology), false for partner users.
    virtual Result<WorkspaceFacts> workspace_facts(Id workspace_id, const Selection& people, const Selection& companies,
                                                   Period period, bool workspace_wide) = 0;
};

}  // namespace rapport::domain::canvas
