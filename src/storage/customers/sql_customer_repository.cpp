#include "storage/customers/sql_customer_repository.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/customers/quick_search.hpp"
#include "domain/customers/record_provenance.hpp"
#include "storage/access_filter_sql.hpp"
#include "storage/audit_sql.hpp"
#include "storage/batch_sql.hpp"
#include "storage/customers/provenance_sql.hpp"
#include "storage/filter_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;
using namespace rapport::domain::customers;

namespace {

// The SQL of one entity type, built once from the field catalog.
struct EntitySql {
    std::string table;
    std::string id_column;
    std::vector<const FieldDef*> fields;
    // "workspace_id, <id>, <fields...>, custom, owner_user_id, team_id, created_at, updated_at"
    std::string select_columns;
    std::string qualified_columns;  // the same, each prefixed with the alias "r."
    std::string write_columns;      // select_columns, then tag_list (written, never read back)
    std::string insert;
    std::string update;
    std::string update_if_unchanged;  // update, only while updated_at is still the one read
    std::string find;
    std::string remove;
};

const EntitySql& sql_of(EntityType type) {
    static const auto build = [](EntityType t) {
        EntitySql s;
        s.table = t == EntityType::Company ? "companies" : "people";
        s.id_column = t == EntityType::Company ? "company_id" : "person_id";
        for (const auto& f : fields_of(t)) s.fields.push_back(&f);
        std::string cols = "workspace_id, " + s.id_column;
        for (const auto* f : s.fields) cols += ", " + f->column;
        cols += ", custom, owner_user_id, team_id, created_at, updated_at";
        s.select_columns = cols;
        s.qualified_columns = "r.workspace_id, r." + s.id_column;
        for (const auto* f : s.fields) s.qualified_columns += ", r." + f->column;
        s.qualified_columns += ", r.custom, r.owner_user_id, r.team_id, r.created_at, r.updated_at";
        s.write_columns = cols + ", tag_list";
        std::string placeholders;
        const std::size_t n = s.fields.size() + 8;
        for (std::size_t i = 1; i <= n; ++i) placeholders += (i > 1 ? ", $" : "$") + std::to_string(i);
        s.insert = "INSERT INTO " + s.table + " (" + s.write_columns + ") VALUES (" + placeholders + ")";
        std::string sets;
        std::size_t p = 3;
        for (const auto* f : s.fields) sets += (sets.empty() ? "" : ", ") + f->column + " = $" + std::to_string(p++);
        sets += ", custom = $" + std::to_string(p++);
        sets += ", owner_user_id = $" + std::to_string(p++);
        sets += ", team_id = $" + std::to_string(p++);
        sets += ", updated_at = $" + std::to_string(p++);
        sets += ", tag_list = $" + std::to_string(p++);
        s.update = "UPDATE " + s.table + " SET " + sets + " WHERE workspace_id = $1 AND " + s.id_column + " = $2";
        s.update_if_unchanged = s.update + " AND updated_at = $" + std::to_string(p);
        s.find = "SELECT " + cols + " FROM " + s.table + " WHERE workspace_id = $1 AND " + s.id_column + " = $2";
        s.remove = "DELETE FROM " + s.table + " WHERE workspace_id = $1 AND " + s.id_column + " = $2";
        return s;
    };
    static const EntitySql company = build(EntityType::Company);
    static const EntitySql person = build(EntityType::Person);
    return type == EntityType::Company ? company : person;
}

constexpr const char* kTagsOf =
    "SELECT tag FROM tags WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3 ORDER BY tag";
constexpr const char* kClearTags = "DELETE FROM tags WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3";
constexpr const char* kInsertTag =
    "INSERT INTO tags (workspace_id, entity_type, entity_id, tag) VALUES ($1, $2, $3, $4)";
constexpr const char* kInsertHistory =
    "INSERT INTO field_history (workspace_id, history_id, entity_type, entity_id, field, old_value, new_value,"
    " changed_at, actor_user_id, actor_label, source_kind, source_ref)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
constexpr const char* kProvenanceOf =
    "SELECT field, source_kind, source_ref, data_kind, recorded_at FROM field_provenance"
    " WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3 ORDER BY field";
constexpr const char* kHistoryOf =
    "SELECT history_id, field, old_value, new_value, changed_at, actor_user_id, actor_label, source_kind, source_ref"
    " FROM field_history WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3"
    " AND (CAST($4 AS BIGINT) IS NULL OR history_id < $4) ORDER BY history_id DESC LIMIT $5";
constexpr const char* kDeleteEntityRows[] = {
    "DELETE FROM tags WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3",
    "DELETE FROM field_provenance WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3",
    "DELETE FROM field_flags WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3",
};
constexpr const char* kFlagsOf =
    "SELECT entity_id, field, rule, raw_value, source_kind, source_ref, import_id, flagged_at FROM field_flags"
    " WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3 ORDER BY field";
constexpr const char* kFlagsIn =
    "SELECT entity_id, field, rule, raw_value, source_kind, source_ref, import_id, flagged_at FROM field_flags"
    " WHERE workspace_id = $1 AND entity_type = $2 AND entity_id IN ";
constexpr const char* kClearFlags =
    "DELETE FROM field_flags WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3";
constexpr const char* kInsertFlags =
    "INSERT INTO field_flags (workspace_id, entity_type, entity_id, field, rule, raw_value, source_kind, source_ref,"
    " import_id, flagged_at)";
constexpr const char* kCustomFields =
    "SELECT field_key, label, field_type, options, currency, required, created_at FROM custom_field_defs"
    " WHERE workspace_id = $1 AND entity_type = $2 ORDER BY created_at, field_key";
constexpr const char* kInsertCustomField =
    "INSERT INTO custom_field_defs (workspace_id, entity_type, field_key, label, field_type, options, currency,"
    " required, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
constexpr const char* kDeleteCustomField =
    "DELETE FROM custom_field_defs WHERE workspace_id = $1 AND entity_type = $2 AND field_key = $3";
constexpr const char* kMergedInto =
    "SELECT survivor_id FROM merged_records WHERE workspace_id = $1 AND entity_type = $2 AND merged_id = $3";
constexpr const char* kUserExists = "SELECT 1 FROM users WHERE workspace_id = $1 AND user_id = $2";
constexpr const char* kTeamExists = "SELECT 1 FROM teams WHERE workspace_id = $1 AND team_id = $2";
constexpr const char* kBuyerExists =
    "SELECT 1 FROM companies WHERE workspace_id = $1 AND company_id = $2 AND buyer_kind IS NOT NULL";

Value field_value(const FieldDef& f, const nlohmann::json& v) {
    if (v.is_null()) return Value{};
    if (f.type == FieldType::Reference) return Value{static_cast<std::int64_t>(std::stoll(v.get<std::string>()))};
    if (v.is_string()) return Value{v.get<std::string>()};
    return Value{v.dump()};
}

nlohmann::json json_of(const FieldDef& f, const Value& v) {
    if (is_null(v)) return nullptr;
    if (f.type == FieldType::Reference) return id_to_string(as_int(v));
    if (f.type == FieldType::ContactList) {
        auto list = nlohmann::json::parse(as_text(v), nullptr, false);
        return list.is_array() ? list : nlohmann::json(nullptr);
    }
    return as_text(v);
}

// A record's tags also as one column of its row, for filters only: "" without tags, else each
// tag in ASCII lower case (the case filters ignore; see domain/filters/evaluate.hpp) between
// unit separators (U+001F, which tags cannot hold), e.g. "\x1fnewsletter\x1fvip\x1f". A tag
// condition is then one string search on the row (filter_sql.cpp): a segment count scans
// people once instead of probing the tags table once per person. The tags table keeps each
// tag as written and stays the index by tag.
std::string tag_list(const std::vector<std::string>& tags) {
    if (tags.empty()) return {};
    constexpr char kSeparator = '\x1f';
    std::string out(1, kSeparator);
    for (const auto& t : tags) {
        for (const char ch : t) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        out += kSeparator;
    }
    return out;
}

Params row_params(const EntitySql& s, const CustomerRecord& r, bool for_update) {
    Params p{r.workspace_id, r.id};
    for (const auto* f : s.fields) {
        p.push_back(field_value(*f, r.fields.contains(f->name) ? r.fields.at(f->name) : nlohmann::json(nullptr)));
    }
    p.push_back(r.custom.dump());
    p.push_back(opt(r.owner_user_id));
    p.push_back(opt(r.team_id));
    if (!for_update) p.push_back(r.created_at);
    p.push_back(r.updated_at);
    p.push_back(tag_list(r.tags));
    return p;
}

CustomerRecord record_from(EntityType type, const EntitySql& s, const Row& row) {
    CustomerRecord r;
    r.type = type;
    r.workspace_id = as_int(row[0]);
    r.id = as_int(row[1]);
    std::size_t i = 2;
    for (const auto* f : s.fields) {
        auto v = json_of(*f, row[i++]);
        if (!v.is_null()) r.fields[f->name] = v;
    }
    r.custom = nlohmann::json::parse(as_text(row[i++]), nullptr, false);
    if (!r.custom.is_object()) r.custom = nlohmann::json::object();
    r.owner_user_id = as_opt_int(row[i++]);
    r.team_id = as_opt_int(row[i++]);
    r.created_at = as_int(row[i++]);
    r.updated_at = as_int(row[i++]);
    return r;
}

Status write_tags(Connection& c, const CustomerRecord& r) {
    const std::string type(to_string(r.type));
    RAPPORT_CHECK(c.execute(kClearTags, {r.workspace_id, type, r.id}));
    for (const auto& t : r.tags) RAPPORT_CHECK(c.execute(kInsertTag, {r.workspace_id, type, r.id, t}));
    return {};
}

// `created`: the write creates the record, whose fields then share one provenance row
// (record_provenance.hpp).
Status write_changes(Connection& c, const RecordWrite& w, bool created) {
    const auto& r = w.record;
    const std::string type(to_string(r.type));
    const std::string kind(to_string(w.source.kind));
    const std::string data_kind(to_string(w.source.data_kind));
    if (created && !w.changes.empty()) {
        RAPPORT_CHECK(c.execute(kUpsertProvenance, {r.workspace_id, type, r.id, std::string(kCreatedFields), kind,
                                                    w.source.ref, data_kind, w.at}));
    }
    for (const auto& ch : w.changes) {
        if (!created) {
            RAPPORT_CHECK(c.execute(kUpsertProvenance,
                                    {r.workspace_id, type, r.id, ch.field, kind, w.source.ref, data_kind, w.at}));
        }
        RAPPORT_CHECK(c.execute(kInsertHistory, {r.workspace_id, new_id(), type, r.id, ch.field,
                                                 ch.old_value.empty() ? Value{} : Value{ch.old_value},
                                                 ch.new_value.empty() ? Value{} : Value{ch.new_value}, w.at,
                                                 opt(w.actor_user_id), w.actor_label, kind, w.source.ref}));
    }
    return {};
}

// A row of kFlagsOf / kFlagsIn, without its entity_id (column 0).
FieldFlag flag_from(const Row& row) {
    FieldFlag f;
    f.field = as_text(row[1]);
    f.rule = as_text(row[2]);
    f.value = as_text(row[3]);
    f.source_kind = parse_source_kind(as_text(row[4])).value_or(SourceKind::Import);
    f.source_ref = as_text(row[5]);
    f.import_id = as_opt_int(row[6]);
    f.flagged_at = as_int(row[7]);
    return f;
}

void add_flag_rows(const CustomerRecord& r, std::vector<Params>& rows) {
    for (const auto& f : r.flags) {
        rows.push_back({r.workspace_id, std::string(to_string(r.type)), r.id, f.field, f.rule, f.value,
                        std::string(to_string(f.source_kind)), f.source_ref, opt(f.import_id), f.flagged_at});
    }
}

// Replaces the stored flags of the record with record.flags.
Status write_flags(Connection& c, const CustomerRecord& r) {
    RAPPORT_CHECK(c.execute(kClearFlags, {r.workspace_id, std::string(to_string(r.type)), r.id}));
    std::vector<Params> rows;
    add_flag_rows(r, rows);
    return insert_rows(c, kInsertFlags, 10, "", std::move(rows));
}

Result<std::vector<std::string>> tags_of(Connection& c, Id ws, EntityType type, Id id) {
    auto rs = RAPPORT_TRY(c.query(kTagsOf, {ws, std::string(to_string(type)), id}));
    std::vector<std::string> out;
    for (const auto& row : rs.rows) out.push_back(as_text(row[0]));
    return out;
}

}  // namespace

Status SqlCustomerRepository::insert(const RecordWrite& w) {
    const auto& s = sql_of(w.record.type);
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(c.execute(s.insert, row_params(s, w.record, false)));
        RAPPORT_CHECK(write_tags(c, w.record));
        if (!w.record.flags.empty()) RAPPORT_CHECK(write_flags(c, w.record));
        return write_changes(c, w, true);
    });
}

Status SqlCustomerRepository::update(const RecordWrite& w) {
    const auto& s = sql_of(w.record.type);
    return write_transaction(db_, [&](Connection& c) -> Status {
        Params params = row_params(s, w.record, true);
        if (w.expected_updated_at) params.push_back(*w.expected_updated_at);
        auto changed = RAPPORT_TRY(c.execute(w.expected_updated_at ? s.update_if_unchanged : s.update, params));
        if (changed == 0) {
            auto still = RAPPORT_TRY(c.query(s.find, {w.record.workspace_id, w.record.id}));
            if (still.empty()) return fail(Error::localized(ErrorCode::NotFound, "customers.deleted_meanwhile"));
            return fail(Error::localized(ErrorCode::Conflict, "customers.changed_meanwhile"));
        }
        for (const auto& ch : w.changes) {
            if (ch.field == "tags") {
                RAPPORT_CHECK(write_tags(c, w.record));
                break;
            }
        }
        if (w.flags_changed) RAPPORT_CHECK(write_flags(c, w.record));
        return write_changes(c, w, false);
    });
}

Result<std::optional<CustomerRecord>> SqlCustomerRepository::find(Id ws, EntityType type, Id id) {
    const auto& s = sql_of(type);
    return read(db_, [&](Connection& c) -> Result<std::optional<CustomerRecord>> {
        auto rs = RAPPORT_TRY(c.query(s.find, {ws, id}));
        if (rs.empty()) return std::optional<CustomerRecord>{};
        CustomerRecord r = record_from(type, s, rs.rows[0]);
        r.tags = RAPPORT_TRY(tags_of(c, ws, type, id));
        auto flags = RAPPORT_TRY(c.query(kFlagsOf, {ws, std::string(to_string(type)), id}));
        for (const auto& row : flags.rows) r.flags.push_back(flag_from(row));
        return std::optional<CustomerRecord>{std::move(r)};
    });
}

Result<std::optional<Id>> SqlCustomerRepository::merged_into(Id ws, EntityType type, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<Id>> {
        auto rs = RAPPORT_TRY(c.query(kMergedInto, {ws, std::string(to_string(type)), id}));
        if (rs.empty()) return std::optional<Id>{};
        return std::optional<Id>{as_int(rs.rows[0][0])};
    });
}

Status SqlCustomerRepository::remove(Id ws, EntityType type, Id id, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(remove_record(c, ws, type, id));
        return insert_audit(c, audit);
    });
}

Status remove_record(Connection& c, Id ws, EntityType type, Id id) {
    const auto& s = sql_of(type);
    {
        if (type == EntityType::Company) {
            // Consumers of a buyer keep existing; they just no longer belong to it.
            RAPPORT_CHECK(
                c.execute("UPDATE people SET buyer_company_id = NULL WHERE workspace_id = $1 AND "
                          "buyer_company_id = $2",
                          {ws, id}));
        }
        auto changed = RAPPORT_TRY(c.execute(s.remove, {ws, id}));
        if (changed == 0) return fail(Error::localized(ErrorCode::NotFound, "customers.already_gone"));
        for (const char* sql : kDeleteEntityRows) {
            RAPPORT_CHECK(c.execute(sql, {ws, std::string(to_string(type)), id}));
        }
        // Record ids are unique across entity types, so the id alone names the membership.
        RAPPORT_CHECK(c.execute("DELETE FROM segment_members WHERE workspace_id = $1 AND entity_id = $2", {ws, id}));
        return {};
    }
}

namespace {

// How the filter language reaches each field of `type` in a query over table alias r.
SqlFieldMap field_map(EntityType type, const EntitySql& s, const std::vector<CustomFieldDef>& custom) {
    SqlFieldMap map;
    for (const auto* f : s.fields) {
        // Country and language codes are normalised to one case on every write (fields.cpp).
        auto stored_case = SqlField::StoredCase::Mixed;
        if (f->type == FieldType::Country) stored_case = SqlField::StoredCase::Upper;
        if (f->type == FieldType::Language) stored_case = SqlField::StoredCase::Lower;
        map.add(SqlField::column(f->name, "r." + f->column, stored_case));
    }
    map.add(SqlField::column("created_at", "r.created_at"));
    map.add(SqlField::column("updated_at", "r.updated_at"));
    map.add(SqlField::column("owner_user_id", "r.owner_user_id"));
    map.add(SqlField::column("team_id", "r.team_id"));
    map.add(SqlField::tag_set("tags", "tags", std::string(to_string(type)), "r.workspace_id", "r." + s.id_column,
                              "r.tag_list"));
    map.add(SqlField::tag_set("flags", "field_flags", std::string(to_string(type)), "r.workspace_id",
                              "r." + s.id_column, "", "field"));
    map.add(SqlField::tag_set("imports", "import_records", std::string(to_string(type)), "r.workspace_id",
                              "r." + s.id_column, "", "import_id"));
    for (const auto& d : custom) map.add(SqlField::custom_json("custom." + d.key, "r.custom", d.key));
    return map;
}

// Every quick-search word (domain/customers/quick_search.hpp) begins one of the entity's
// quick-search columns: "lower(col) >= word AND lower(col) < word || U+10FFFF" for each, a
// range of the expression indexes of migration 0022 (PostgreSQL compares in the "C"
// collation, as those indexes are built, so the range is exactly the prefix).
std::string quick_search_condition(Dialect dialect, EntityType type, const std::vector<std::string>& words,
                                   Params& params) {
    const std::string collate = dialect == Dialect::Postgres ? " COLLATE \"C\"" : "";
    std::string out;
    for (const auto& word : words) {
        params.push_back(word);
        const std::string low = "lower($" + std::to_string(params.size()) + ")" + collate;
        params.push_back(word + "\xF4\x8F\xBF\xBF");
        const std::string high = "lower($" + std::to_string(params.size()) + ")" + collate;
        std::string any;
        for (const auto& name : quick_search_fields(type)) {
            const std::string column = "lower(r." + find_field(type, name)->column + ")" + collate;
            any += (any.empty() ? "" : " OR ") + std::string("(") + column + " >= " + low + " AND " + column + " < " +
                   high + ")";
        }
        out += (out.empty() ? "" : " AND ") + std::string("(") + any + ")";
    }
    return out;
}

// The WHERE clause shared by list and count: workspace, access, filter.
Result<std::string> where_clause(Connection& c, Id ws, EntityType type, const EntitySql& s, const ListQuery& q,
                                 const std::vector<CustomFieldDef>& custom, Params& params) {
    params.push_back(ws);
    std::string where = "r.workspace_id = $" + std::to_string(params.size());
    PartitionColumns partition;
    if (type == EntityType::Person) partition.consumer_of = "r.buyer_company_id";
    if (type == EntityType::Company) partition.company_id = "r.company_id";
    where += " AND " + access_condition(q.access, params, "r.owner_user_id", "r.team_id", partition);
    if (q.filter) {
        where +=
            " AND " + RAPPORT_TRY(filter_condition(*q.filter, field_map(type, s, custom), c.dialect(), q.now, params));
    }
    if (!q.ids.empty()) {
        std::string list;
        for (Id id : q.ids) {
            params.push_back(id);
            list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
        }
        where += " AND r." + s.id_column + " IN (" + list + ")";
    }
    if (!q.quick_words.empty()) where += " AND " + quick_search_condition(c.dialect(), type, q.quick_words, params);
    if (q.member_of) {
        params.push_back(*q.member_of);
        where +=
            " AND EXISTS (SELECT 1 FROM segment_members m WHERE m.workspace_id = r.workspace_id AND m.segment_id = $" +
            std::to_string(params.size()) + " AND m.entity_id = r." + s.id_column + ")";
    }
    return where;
}

const FieldDef* sort_field(EntityType type, const std::string& name) {
    return find_field(type, name);
}

Result<std::vector<CustomFieldDef>> custom_defs_of(Connection& c, Id ws, EntityType type) {
    auto rs =
        RAPPORT_TRY(c.query("SELECT field_key FROM custom_field_defs WHERE workspace_id = $1 AND entity_type = $2",
                            {ws, std::string(to_string(type))}));
    std::vector<CustomFieldDef> out;
    for (const auto& r : rs.rows) {
        CustomFieldDef d;
        d.key = as_text(r[0]);
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace

namespace {

// The keyset query of list and scan: the rows `q` selects after q.after, in its order, at
// most `limit`. Columns: qualified_columns, then the record's tags as a JSON array (one
// statement instead of one per row), then the sort value when sorting on a column.
struct KeysetSelect {
    std::string sql;
    Params params;
    bool sorted_on_column = false;
};

Result<KeysetSelect> keyset_select(Connection& c, Id ws, EntityType type, const EntitySql& s, const ListQuery& q,
                                   std::int64_t limit) {
    const auto custom = RAPPORT_TRY(custom_defs_of(c, ws, type));
    KeysetSelect out;
    Params& params = out.params;
    std::string where = RAPPORT_TRY(where_clause(c, ws, type, s, q, custom, params));
    // The sort key: the id alone, or a column plus the id as tie-breaker. Nullable text
    // sorts as '' so keyset comparisons never meet NULL; timestamps are never null.
    const std::string id = "r." + s.id_column;
    std::string key;
    bool numeric = false;
    if (q.sort == "created_at" || q.sort == "updated_at") {
        key = "r." + q.sort;
        numeric = true;
    } else if (!q.sort.empty()) {
        const FieldDef* f = sort_field(type, q.sort);
        if (!f) return fail(Error::internal("unsortable field reached storage: " + q.sort));
        key = f->required ? "r." + f->column : "COALESCE(r." + f->column + ", '')";
    }
    const std::string cmp = q.descending ? "<" : ">";
    const std::string dir = q.descending ? " DESC" : "";
    if (q.after) {
        params.push_back(q.after->id);
        const std::string after_id = "$" + std::to_string(params.size());
        if (key.empty()) {
            where += " AND " + id + " " + cmp + " " + after_id;
        } else {
            if (numeric) {
                params.push_back(static_cast<std::int64_t>(std::stoll(q.after->value.empty() ? "0" : q.after->value)));
            } else {
                params.push_back(q.after->value);
            }
            const std::string v = "$" + std::to_string(params.size());
            // A row-value comparison, which both engines turn into a range of the index on
            // (..., key, id): spelled "key > v OR (key = v AND id > after)" it was a filter,
            // and PostgreSQL fetched every row of the city before the cursor from the heap to
            // test it (71 ms for a page of Milano's people after "M"; 0.1 ms as a range).
            where += " AND (" + key + ", " + id + ") " + cmp + " (" + v + ", " + after_id + ")";
        }
    }
    params.push_back(std::string(to_string(type)));
    const std::string tags_of_row = "FROM tags t WHERE t.workspace_id = r.workspace_id AND t.entity_type = $" +
                                    std::to_string(params.size()) + " AND t.entity_id = " + id;
    const std::string tags =
        c.dialect() == Dialect::Postgres
            ? "(SELECT CAST(COALESCE(json_agg(t.tag), CAST('[]' AS JSON)) AS TEXT) " + tags_of_row + ")"
            : "(SELECT json_group_array(t.tag) " + tags_of_row + ")";
    params.push_back(limit);
    const std::string order = key.empty() ? id + dir : key + dir + ", " + id + dir;
    std::string select = "SELECT " + s.qualified_columns + ", " + tags;
    if (!key.empty()) select += ", " + key;
    out.sql = select + " FROM " + s.table + " r WHERE " + where + " ORDER BY " + order + " LIMIT $" +
              std::to_string(params.size());
    out.sorted_on_column = !key.empty();
    return out;
}

// A row of keyset_select: the record with its tags, and the row's keyset position.
CustomerRecord keyset_record(EntityType type, const EntitySql& s, const Row& row, bool sorted_on_column,
                             SortCursor& position) {
    CustomerRecord r = record_from(type, s, row);
    const std::size_t tags_at = s.fields.size() + 7;
    const auto tags = nlohmann::json::parse(as_opt_text(row.at(tags_at)).value_or("[]"), nullptr, false);
    if (tags.is_array()) {
        for (const auto& t : tags) {
            if (t.is_string()) r.tags.push_back(t.get<std::string>());
        }
    }
    std::sort(r.tags.begin(), r.tags.end());
    position = {sorted_on_column ? as_text(row.back()) : std::string(), r.id};
    return r;
}

}  // namespace

Result<Page<CustomerRecord>> SqlCustomerRepository::list(Id ws, EntityType type, const ListQuery& q) {
    const auto& s = sql_of(type);
    return read(db_, [&](Connection& c) -> Result<Page<CustomerRecord>> {
        const auto select = RAPPORT_TRY(keyset_select(c, ws, type, s, q, std::int64_t{q.limit} + 1));
        auto rs = RAPPORT_TRY(c.query(select.sql, select.params));
        Page<CustomerRecord> page;
        SortCursor position;
        for (const auto& row : rs.rows) {
            if (static_cast<int>(page.items.size()) == q.limit) {
                // One row beyond the page proves there is a next one, which starts after the last shown.
                page.next_cursor = encode_cursor(position);
                break;
            }
            page.items.push_back(keyset_record(type, s, row, select.sorted_on_column, position));
        }
        return page;
    });
}

Result<std::optional<SortCursor>> SqlCustomerRepository::scan(
    Id ws, EntityType type, const ListQuery& q, const std::function<void(const CustomerRecord&)>& on_record) {
    const auto& s = sql_of(type);
    return read(db_, [&](Connection& c) -> Result<std::optional<SortCursor>> {
        const auto select = RAPPORT_TRY(keyset_select(c, ws, type, s, q, std::int64_t{q.limit}));
        std::optional<SortCursor> last;
        SortCursor position;
        RAPPORT_CHECK(c.query_each(select.sql, select.params, [&](const Row& row) {
            on_record(keyset_record(type, s, row, select.sorted_on_column, position));
            last = position;
            return true;
        }));
        return last;
    });
}

Result<std::string> select_records(Connection& c, Id ws, EntityType type, const ListQuery& q,
                                   const std::string& columns, Params& params) {
    const auto& s = sql_of(type);
    const auto custom = RAPPORT_TRY(custom_defs_of(c, ws, type));
    const std::string where = RAPPORT_TRY(where_clause(c, ws, type, s, q, custom, params));
    return "SELECT " + columns + " FROM " + s.table + " r WHERE " + where;
}

Result<std::int64_t> SqlCustomerRepository::count(Id ws, EntityType type, const ListQuery& q) {
    const auto& s = sql_of(type);
    return read(db_, [&](Connection& c) -> Result<std::int64_t> {
        const auto custom = RAPPORT_TRY(custom_defs_of(c, ws, type));
        Params params;
        const std::string where = RAPPORT_TRY(where_clause(c, ws, type, s, q, custom, params));
        auto rs = RAPPORT_TRY(c.query("SELECT COUNT(*) FROM " + s.table + " r WHERE " + where, params));
        return as_int(rs.rows.at(0).at(0));
    });
}

Result<std::vector<FieldProvenance>> SqlCustomerRepository::provenance(Id ws, EntityType type, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::vector<FieldProvenance>> {
        auto rs = RAPPORT_TRY(c.query(kProvenanceOf, {ws, std::string(to_string(type)), id}));
        std::vector<FieldProvenance> out;
        for (const auto& r : rs.rows) {
            FieldProvenance p;
            p.field = as_text(r[0]);
            p.source.kind = parse_source_kind(as_text(r[1])).value_or(SourceKind::System);
            p.source.ref = as_text(r[2]);
            p.source.data_kind = parse_data_kind(as_text(r[3])).value_or(DataKind::FirstParty);
            p.recorded_at = as_int(r[4]);
            out.push_back(std::move(p));
        }
        return out;
    });
}

Result<Page<HistoryEntry>> SqlCustomerRepository::history(Id ws, EntityType type, Id id, const PageRequest& page) {
    return read(db_, [&](Connection& c) -> Result<Page<HistoryEntry>> {
        auto rs = RAPPORT_TRY(
            c.query(kHistoryOf, {ws, std::string(to_string(type)), id, opt(page.after), std::int64_t{page.limit + 1}}));
        Page<HistoryEntry> out;
        for (const auto& r : rs.rows) {
            HistoryEntry h;
            h.history_id = as_int(r[0]);
            h.field = as_text(r[1]);
            h.old_value = as_opt_text(r[2]);
            h.new_value = as_opt_text(r[3]);
            h.changed_at = as_int(r[4]);
            h.actor_user_id = as_opt_int(r[5]);
            h.actor_label = as_text(r[6]);
            h.source.kind = parse_source_kind(as_text(r[7])).value_or(SourceKind::System);
            h.source.ref = as_text(r[8]);
            out.items.push_back(std::move(h));
        }
        finish_page(out.items, page.limit, out.next_cursor, [](const HistoryEntry& h) { return h.history_id; });
        return out;
    });
}

Result<std::vector<CustomFieldDef>> SqlCustomerRepository::custom_fields(Id ws, EntityType type) {
    return read(db_, [&](Connection& c) -> Result<std::vector<CustomFieldDef>> {
        auto rs = RAPPORT_TRY(c.query(kCustomFields, {ws, std::string(to_string(type))}));
        std::vector<CustomFieldDef> out;
        for (const auto& r : rs.rows) {
            CustomFieldDef d;
            d.workspace_id = ws;
            d.entity_type = type;
            d.key = as_text(r[0]);
            d.label = as_text(r[1]);
            d.type = parse_field_type(as_text(r[2])).value_or(FieldType::Text);
            auto options = nlohmann::json::parse(as_text(r[3]), nullptr, false);
            if (options.is_array()) {
                for (const auto& o : options) {
                    if (o.is_string()) d.options.push_back(o.get<std::string>());
                }
            }
            d.currency = as_opt_text(r[4]).value_or("");
            d.required = as_bool(r[5]);
            d.created_at = as_int(r[6]);
            out.push_back(std::move(d));
        }
        return out;
    });
}

Status SqlCustomerRepository::create_custom_field(const CustomFieldDef& d, const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        auto inserted =
            c.execute(kInsertCustomField, {d.workspace_id, std::string(to_string(d.entity_type)), d.key, d.label,
                                           std::string(to_string(d.type)), nlohmann::json(d.options).dump(),
                                           d.currency.empty() ? Value{} : Value{d.currency}, d.required, d.created_at});
        if (!inserted) {
            if (inserted.error().code == ErrorCode::Conflict) {
                return fail(Error::localized(ErrorCode::Conflict, "customers.custom_field_exists", {{"key", d.key}},
                                             {FieldError::localized("/key", "common.already_used")}));
            }
            return fail(std::move(inserted).error());
        }
        return insert_audit(c, audit);
    });
}

Status SqlCustomerRepository::delete_custom_field(Id ws, EntityType type, const std::string& key,
                                                  const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        auto changed = RAPPORT_TRY(c.execute(kDeleteCustomField, {ws, std::string(to_string(type)), key}));
        if (changed == 0)
            return fail(Error::localized(ErrorCode::NotFound, "customers.no_custom_field", {{"key", key}}));
        return insert_audit(c, audit);
    });
}

namespace {
Result<bool> exists(Database& db, const char* sql, Id ws, Id id) {
    return read(db, [&](Connection& c) -> Result<bool> {
        auto rs = RAPPORT_TRY(c.query(sql, {ws, id}));
        return !rs.empty();
    });
}
}  // namespace

Result<bool> SqlCustomerRepository::user_exists(Id ws, Id user_id) {
    return exists(db_, kUserExists, ws, user_id);
}
Result<bool> SqlCustomerRepository::team_exists(Id ws, Id team_id) {
    return exists(db_, kTeamExists, ws, team_id);
}
Result<bool> SqlCustomerRepository::buyer_exists(Id ws, Id company_id) {
    return exists(db_, kBuyerExists, ws, company_id);
}

Result<std::vector<CustomerRecord>> SqlCustomerRepository::find_by_field(Id ws, EntityType type,
                                                                         const std::string& field,
                                                                         const std::vector<std::string>& values) {
    const auto& s = sql_of(type);
    const FieldDef* def = find_field(type, field);
    if (!def || def->column.empty()) return fail(Error::internal("no column for field '" + field + "'"));
    return read(db_, [&](Connection& c) -> Result<std::vector<CustomerRecord>> {
        std::vector<CustomerRecord> out;
        std::map<Id, std::size_t> index;
        const std::string select =
            "SELECT " + s.select_columns + " FROM " + s.table + " WHERE workspace_id = $1 AND " + def->column + " IN ";
        RAPPORT_CHECK(for_in_chunks(values, {ws}, [&](const std::string& list, const Params& params) -> Status {
            auto rs = RAPPORT_TRY(c.query(select + list, params));
            for (const auto& row : rs.rows) {
                CustomerRecord r = record_from(type, s, row);
                if (index.emplace(r.id, out.size()).second) out.push_back(std::move(r));
            }
            return {};
        }));
        std::vector<Id> ids;
        for (const auto& r : out) ids.push_back(r.id);
        const std::string tags_sql =
            "SELECT entity_id, tag FROM tags WHERE workspace_id = $1 AND entity_type = $2 AND entity_id IN ";
        RAPPORT_CHECK(for_in_chunks(ids, {ws, std::string(to_string(type))},
                                    [&](const std::string& list, const Params& params) -> Status {
                                        auto rs = RAPPORT_TRY(c.query(tags_sql + list + " ORDER BY tag", params));
                                        for (const auto& row : rs.rows) {
                                            out[index.at(as_int(row[0]))].tags.push_back(as_text(row[1]));
                                        }
                                        return {};
                                    }));
        // Flags too: an import must not take a flagged value for a key, nor re-check it.
        RAPPORT_CHECK(for_in_chunks(ids, {ws, std::string(to_string(type))},
                                    [&](const std::string& list, const Params& params) -> Status {
                                        auto rs = RAPPORT_TRY(c.query(kFlagsIn + list, params));
                                        for (const auto& row : rs.rows) {
                                            out[index.at(as_int(row[0]))].flags.push_back(flag_from(row));
                                        }
                                        return {};
                                    }));
        return out;
    });
}

namespace {

// Inserts records of one table. On SQLite they go through a staging table (temporary, of
// this connection, without triggers) and then into the table in one INSERT ... SELECT:
// each statement that fires the search triggers ends by flushing FTS5's pending terms into
// a new index segment, and a thousand records in ten statements make ten small segments
// that FTS5 then spends most of its time merging. Same rows, same triggers, same
// transaction: only the number of statements that reach the table changes.
Status insert_records(Connection& c, const EntitySql& s, std::vector<Params>&& rows) {
    const std::string into = "INSERT INTO " + s.table + " (" + s.write_columns + ")";
    const std::size_t width = rows.front().size();
    if (c.dialect() != Dialect::Sqlite || rows.size() == 1) return insert_rows(c, into, width, "", std::move(rows));
    const std::string staged = "staged_" + s.table;
    RAPPORT_CHECK(c.execute_script("CREATE TEMP TABLE IF NOT EXISTS " + staged + " AS SELECT " + s.write_columns +
                                   " FROM main." + s.table + " WHERE 0"));
    RAPPORT_CHECK(
        insert_rows(c, "INSERT INTO temp." + staged + " (" + s.write_columns + ")", width, "", std::move(rows)));
    RAPPORT_CHECK(c.execute(into + " SELECT " + s.write_columns + " FROM temp." + staged));
    RAPPORT_CHECK(c.execute("DELETE FROM temp." + staged));
    return {};
}

}  // namespace

Status write_records(Connection& c, const std::vector<RecordWrite>& inserts, const std::vector<RecordWrite>& updates) {
    std::vector<Params> tag_rows, provenance_rows, history_rows, flag_rows;
    const auto add_changes = [&](const RecordWrite& w, bool created) {
        const auto& r = w.record;
        const std::string type(to_string(r.type));
        const std::string kind(to_string(w.source.kind));
        const std::string data_kind(to_string(w.source.data_kind));
        if (created) {
            // One row for the fields of a new record (record_provenance.hpp).
            if (!w.changes.empty()) {
                provenance_rows.push_back(
                    {r.workspace_id, type, r.id, std::string(kCreatedFields), kind, w.source.ref, data_kind, w.at});
            }
        } else {
            // One provenance row per field (the last change wins): a multi-row upsert may not
            // touch the same row twice on PostgreSQL.
            std::set<std::string> seen;
            for (auto ch = w.changes.rbegin(); ch != w.changes.rend(); ++ch) {
                if (!seen.insert(ch->field).second) continue;
                provenance_rows.push_back({r.workspace_id, type, r.id, ch->field, kind, w.source.ref, data_kind, w.at});
            }
        }
        for (const auto& ch : w.changes) {
            history_rows.push_back({r.workspace_id, new_id(), type, r.id, ch.field,
                                    ch.old_value.empty() ? Value{} : Value{ch.old_value},
                                    ch.new_value.empty() ? Value{} : Value{ch.new_value}, w.at, opt(w.actor_user_id),
                                    w.actor_label, kind, w.source.ref});
        }
    };
    const auto add_tags = [&](const CustomerRecord& r) {
        for (const auto& t : r.tags) tag_rows.push_back({r.workspace_id, std::string(to_string(r.type)), r.id, t});
    };

    for (const EntityType type : {EntityType::Company, EntityType::Person}) {
        const auto& s = sql_of(type);
        std::vector<Params> rows;
        for (const auto& w : inserts) {
            if (w.record.type != type) continue;
            rows.push_back(row_params(s, w.record, false));
            add_tags(w.record);
            add_flag_rows(w.record, flag_rows);
            add_changes(w, true);
        }
        if (!rows.empty()) RAPPORT_CHECK(insert_records(c, s, std::move(rows)));
    }
    for (const auto& w : updates) {
        const auto& s = sql_of(w.record.type);
        auto changed = RAPPORT_TRY(c.execute(s.update, row_params(s, w.record, true)));
        if (changed == 0) return fail(Error::localized(ErrorCode::NotFound, "customers.deleted_meanwhile"));
        const bool tags_changed =
            std::any_of(w.changes.begin(), w.changes.end(), [](const FieldChange& ch) { return ch.field == "tags"; });
        if (tags_changed) {
            RAPPORT_CHECK(
                c.execute(kClearTags, {w.record.workspace_id, std::string(to_string(w.record.type)), w.record.id}));
            add_tags(w.record);
        }
        if (w.flags_changed) {
            RAPPORT_CHECK(
                c.execute(kClearFlags, {w.record.workspace_id, std::string(to_string(w.record.type)), w.record.id}));
            add_flag_rows(w.record, flag_rows);
        }
        add_changes(w, false);
    }
    RAPPORT_CHECK(insert_rows(c, kInsertFlags, 10, "", std::move(flag_rows)));
    RAPPORT_CHECK(
        insert_rows(c, "INSERT INTO tags (workspace_id, entity_type, entity_id, tag)", 4, "", std::move(tag_rows)));
    RAPPORT_CHECK(insert_rows(c, kProvenanceInsertHead, 8, kProvenanceOnConflict, std::move(provenance_rows)));
    return insert_rows(c,
                       "INSERT INTO field_history (workspace_id, history_id, entity_type, entity_id, field, old_value,"
                       " new_value, changed_at, actor_user_id, actor_label, source_kind, source_ref)",
                       12, "", std::move(history_rows));
}

namespace {
constexpr const char* kAffiliationsOf =
    "SELECT company_id, job_title, is_primary FROM affiliations WHERE workspace_id = $1 AND person_id = $2"
    " ORDER BY is_primary DESC, company_id";
constexpr const char* kClearAffiliations = "DELETE FROM affiliations WHERE workspace_id = $1 AND person_id = $2";
constexpr const char* kInsertAffiliation =
    "INSERT INTO affiliations (workspace_id, person_id, company_id, job_title, is_primary) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kTouchPerson = "UPDATE people SET updated_at = $3 WHERE workspace_id = $1 AND person_id = $2";
constexpr const char* kContactsOf =
    "SELECT person_id, job_title, is_primary FROM affiliations WHERE workspace_id = $1 AND company_id = $2"
    " AND (CAST($3 AS BIGINT) IS NULL OR person_id > $3) ORDER BY person_id LIMIT $4";
constexpr const char* kConsumersOf =
    "SELECT person_id, NULL, FALSE FROM people WHERE workspace_id = $1 AND buyer_company_id = $2"
    " AND (CAST($3 AS BIGINT) IS NULL OR person_id > $3) ORDER BY person_id LIMIT $4";
}  // namespace

Result<std::vector<Affiliation>> SqlCustomerRepository::affiliations(Id ws, Id person_id) {
    return read(db_, [&](Connection& c) -> Result<std::vector<Affiliation>> {
        auto rs = RAPPORT_TRY(c.query(kAffiliationsOf, {ws, person_id}));
        std::vector<Affiliation> out;
        for (const auto& r : rs.rows) out.push_back({as_int(r[0]), as_opt_text(r[1]).value_or(""), as_bool(r[2])});
        return out;
    });
}

Status SqlCustomerRepository::set_affiliations(const RecordWrite& w, const std::vector<Affiliation>& list) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        const Id ws = w.record.workspace_id, person = w.record.id;
        RAPPORT_CHECK(c.execute(kClearAffiliations, {ws, person}));
        for (const auto& a : list) {
            RAPPORT_CHECK(c.execute(
                kInsertAffiliation,
                {ws, person, a.company_id, a.job_title.empty() ? Value{} : Value{a.job_title}, a.is_primary}));
        }
        if (!w.changes.empty()) RAPPORT_CHECK(c.execute(kTouchPerson, {ws, person, w.at}));
        return write_changes(c, w, false);
    });
}

Result<Page<RelatedPerson>> SqlCustomerRepository::related_people(Id ws, Id company_id, bool consumers,
                                                                  const PageRequest& page) {
    return read(db_, [&](Connection& c) -> Result<Page<RelatedPerson>> {
        auto rs = RAPPORT_TRY(c.query(consumers ? kConsumersOf : kContactsOf,
                                      {ws, company_id, opt(page.after), std::int64_t{page.limit + 1}}));
        Page<RelatedPerson> out;
        for (const auto& r : rs.rows) {
            out.items.push_back({as_int(r[0]), as_opt_text(r[1]).value_or(""), as_bool(r[2])});
        }
        finish_page(out.items, page.limit, out.next_cursor, [](const RelatedPerson& p) { return p.person_id; });
        return out;
    });
}

}  // namespace rapport::storage
