#include "domain/customers/customer_service.hpp"

#include "domain/audit/audit_of.hpp"
#include "domain/customers/contact_list.hpp"
#include "domain/customers/quick_search.hpp"
#include "domain/customers/record_provenance.hpp"
#include "domain/customers/record_ref.hpp"

#include <algorithm>
#include <set>

#include "core/utf8.hpp"
#include "domain/filters/parse.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain::customers {

namespace {

constexpr std::size_t kMaxTags = 100;
constexpr std::size_t kMaxTagLength = 60;

std::string what(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}

// "customers.company_not_found" for a company: the catalogue has one message per entity type,
// so each language can inflect it.
std::string key_for(EntityType type, std::string_view what) {
    return std::string("customers.") + (type == EntityType::Company ? "company_" : "person_") + std::string(what);
}

Error not_visible(EntityType type, Id id) {
    return Error::localized(ErrorCode::NotFound, key_for(type, "not_found"), {{"id", id_to_string(id)}});
}

std::string maybe_id(const std::optional<Id>& id) {
    return id ? id_to_string(*id) : "none";
}

}  // namespace

Source CustomerService::default_source(const Principal& actor) {
    Source s;
    if (actor.api_key_id) {
        s.kind = SourceKind::Api;
        s.ref = "api_key:" + id_to_string(*actor.api_key_id);
    } else {
        s.kind = SourceKind::Manual;
        s.ref = actor.user_id ? "user:" + id_to_string(*actor.user_id) : "operator";
    }
    s.data_kind = DataKind::FirstParty;
    return s;
}

Result<RecordWrite> CustomerService::apply(const Principal& actor, const Actor& permissions, CustomerRecord record,
                                           const CustomerInput& input, bool creating,
                                           const std::vector<CustomFieldDef>& defs, const Source& source) {
    (void)permissions;
    std::vector<FieldError> errors = input.request_errors;
    std::vector<FieldChange> changes;
    bool flags_changed = false;
    std::vector<FieldFlag> raised;
    std::vector<FieldFlag> ignored;
    const EntityType type = record.type;
    auto drop_flag = [&](const std::string& name) {
        const auto before = record.flags.size();
        record.flags.erase(std::remove_if(record.flags.begin(), record.flags.end(),
                                          [&](const FieldFlag& f) { return f.field == name; }),
                           record.flags.end());
        if (record.flags.size() != before) flags_changed = true;
    };
    auto set_field = [&](const std::string& name, nlohmann::json& slot, const nlohmann::json& value) {
        const std::string before = value_text(slot);
        const std::string after = value_text(value);
        if (creating ? !value.is_null() : before != after) changes.push_back({name, before, after});
        slot = value;
    };

    // The country decides how phones and tax ids are read, so take it first.
    NormalizeContext context;
    if (record.fields.contains("country") && record.fields["country"].is_string()) {
        context.country = record.fields["country"].get<std::string>();
    }
    if (!input.fields.is_object()) return fail(Error::localized_field("/fields", "common.must_be_object"));
    if (input.fields.contains("country")) {
        const FieldDef* country = find_field(type, "country");
        auto normalized = normalize_value(*country, input.fields["country"], context);
        if (normalized && normalized->is_string()) context.country = normalized->get<std::string>();
        if (normalized && normalized->is_null()) context.country.reset();
    }
    for (const auto& [key, value] : input.fields.items()) {
        const FieldDef* def = find_field(type, key);
        if (!def) {
            errors.push_back(FieldError::localized("/fields/" + key, "customers.unknown_field"));
            continue;
        }
        if (def->type == FieldType::ContactList) {
            // Its own normaliser, which says which entry is wrong (/fields/other_emails/1/value).
            auto list = normalize_contact_list(def->item_type, value, context);
            if (!list) {
                errors.push_back(FieldError::at("/fields/" + key + list.error().pointer, list.error().message));
            } else {
                set_field(key, record.fields[key], *list);
            }
            continue;
        }
        auto normalized = normalize_value(*def, value, context);
        if (!normalized && input.invalid_values == InvalidValues::Flag && flaggable(*def) && value.is_string() &&
            code_points(value.get<std::string>()) <= def->max_length) {
            FieldFlag flag{key,        normalized.error().text, value.get<std::string>(), source.kind,
                           source.ref, import_of(source),       clock_.now_ms()};
            // It may fill an empty (or flagged) field, never replace a valid value: that one
            // stays, and the write reports what it let go.
            const auto& stored = record.fields.contains(key) ? record.fields[key] : nlohmann::json();
            if (!value_text(stored).empty() && !find_flag(record.flags, key)) {
                ignored.push_back(std::move(flag));
                continue;
            }
            // Kept as it arrived, and flagged: not normalised, so never mistaken for a valid value.
            drop_flag(key);
            record.flags.push_back(flag);
            raised.push_back(std::move(flag));
            flags_changed = true;
            set_field(key, record.fields[key], value);
            continue;
        }
        if (!normalized) {
            errors.push_back(FieldError::at("/fields/" + key, normalized.error()));
            continue;
        }
        // A valid value (or none) replaces a flagged one, and its flag with it.
        drop_flag(key);
        set_field(key, record.fields[key], *normalized);
    }
    // A changed country can make a stored tax id or phone wrong: check them again (flagged
    // values are known to be wrong already and stay as they are).
    if (input.fields.contains("country")) {
        for (const auto& def : fields_of(type)) {
            if ((def.type != FieldType::TaxId && def.type != FieldType::Phone) || input.fields.contains(def.name) ||
                find_flag(record.flags, def.name)) {
                continue;
            }
            if (!record.fields.contains(def.name) || record.fields[def.name].is_null()) continue;
            auto again = normalize_value(def, record.fields[def.name], context);
            if (!again) errors.push_back(FieldError::at("/fields/" + def.name, again.error()));
        }
    }
    // One error per field: a value refused above already says what is wrong with it.
    const auto reported = [&](const std::string& pointer) {
        return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.pointer == pointer; });
    };
    if (creating) {
        for (const auto& def : fields_of(type)) {
            if (def.required && (!record.fields.contains(def.name) || record.fields[def.name].is_null()) &&
                !reported("/fields/" + def.name)) {
                errors.push_back(FieldError::localized("/fields/" + def.name, "common.required"));
            }
        }
    }
    if (type == EntityType::Person && record.fields.contains("buyer_company_id") &&
        record.fields["buyer_company_id"].is_string() && input.fields.contains("buyer_company_id")) {
        const auto buyer = parse_id(record.fields["buyer_company_id"].get<std::string>());
        if (!buyer || !RAPPORT_TRY(repo_.buyer_exists(record.workspace_id, *buyer))) {
            errors.push_back(FieldError::localized("/fields/buyer_company_id", "customers.no_buyer"));
        }
    }

    // Custom fields.
    if (!input.custom.is_object()) return fail(Error::localized_field("/custom", "common.must_be_object"));
    for (const auto& [key, value] : input.custom.items()) {
        auto it = std::find_if(defs.begin(), defs.end(), [&](const CustomFieldDef& d) { return d.key == key; });
        if (it == defs.end() && value.is_null() && record.custom.contains(key)) {
            // The definition was removed: its leftover value can still be cleared.
            changes.push_back({"custom." + key, value_text(record.custom[key]), ""});
            record.custom.erase(key);
            continue;
        }
        if (it == defs.end()) {
            errors.push_back(
                FieldError::localized("/custom/" + key, key_for(type, "custom_field_undefined"), {{"key", key}}));
            continue;
        }
        auto normalized = normalize_value(it->as_field(), value, context);
        if (!normalized) {
            errors.push_back(FieldError::at("/custom/" + key, normalized.error()));
            continue;
        }
        set_field("custom." + key, record.custom[key], *normalized);
        if (record.custom[key].is_null()) record.custom.erase(key);
    }
    if (creating) {
        for (const auto& d : defs) {
            if (d.required && !record.custom.contains(d.key) && !reported("/custom/" + d.key)) {
                errors.push_back(FieldError::localized("/custom/" + d.key, "common.required"));
            }
        }
    }

    if (input.tags) {
        std::set<std::string> unique;
        for (std::size_t i = 0; i < input.tags->size(); ++i) {
            std::string tag = (*input.tags)[i];
            while (!tag.empty() && tag.back() == ' ') tag.pop_back();
            while (!tag.empty() && tag.front() == ' ') tag.erase(tag.begin());
            if (tag.empty() || code_points(tag) > kMaxTagLength) {
                errors.push_back(FieldError::localized("/tags/" + std::to_string(i), "customers.tag_length"));
                continue;
            }
            // Control characters are never meant in a tag, and storage separates tags with one.
            if (std::any_of(tag.begin(), tag.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; })) {
                errors.push_back(
                    FieldError::localized("/tags/" + std::to_string(i), "customers.tag_control_characters"));
                continue;
            }
            unique.insert(tag);
        }
        if (unique.size() > kMaxTags) errors.push_back(FieldError::localized("/tags", "customers.too_many_tags"));
        std::vector<std::string> tags(unique.begin(), unique.end());
        if (tags != record.tags) changes.push_back({"tags", join_tags(record.tags), join_tags(tags)});
        record.tags = std::move(tags);
    }
    if (input.owner_user_id) {
        const auto& owner = *input.owner_user_id;
        if (owner && !RAPPORT_TRY(repo_.user_exists(record.workspace_id, *owner))) {
            errors.push_back(FieldError::localized("/owner_user_id", "customers.no_owner_user"));
        } else if (owner != record.owner_user_id || creating) {
            if (owner != record.owner_user_id) {
                changes.push_back({"owner_user_id", id_text(record.owner_user_id), id_text(owner)});
            }
            record.owner_user_id = owner;
        }
    }
    if (input.team_id) {
        const auto& team = *input.team_id;
        if (team && !RAPPORT_TRY(repo_.team_exists(record.workspace_id, *team))) {
            errors.push_back(FieldError::localized("/team_id", "customers.no_team"));
        } else if (team != record.team_id) {
            changes.push_back({"team_id", id_text(record.team_id), id_text(team)});
            record.team_id = team;
        }
    }
    if (!errors.empty()) {
        // Count before the vector is moved: argument evaluation order is unspecified.
        const std::string count = std::to_string(errors.size());
        return fail(
            Error::localized(ErrorCode::Validation, key_for(type, "invalid"), {{"count", count}}, std::move(errors)));
    }
    RecordWrite write{std::move(record), std::move(changes), source, actor.user_id, actor.label, 0};
    write.flags_changed = flags_changed;
    write.raised_flags = std::move(raised);
    write.ignored_values = std::move(ignored);
    return write;
}

Result<WriteContext> CustomerService::write_context(const Principal& actor, EntityType type) {
    WriteContext context;
    context.permissions = RAPPORT_TRY(actors_.actor_for(actor));
    context.grants = RAPPORT_TRY(actors_.role_grants(actor));
    context.custom_defs = RAPPORT_TRY(repo_.custom_fields(actor.workspace_id, type));
    return context;
}

Result<RecordWrite> CustomerService::prepare_create(const Principal& actor, const WriteContext& context,
                                                    EntityType type, const CustomerInput& input, const Source& source) {
    CustomerRecord fresh;
    fresh.type = type;
    fresh.workspace_id = actor.workspace_id;
    fresh.id = new_id();
    fresh.owner_user_id = actor.user_id;  // default: the creator owns it
    RecordWrite write =
        RAPPORT_TRY(apply(actor, context.permissions, std::move(fresh), input, true, context.custom_defs, source));
    auto& changes = write.changes;
    auto& record = write.record;
    // The owner is always recorded, also when it is the creator by default or by choice.
    const bool owner_recorded =
        std::any_of(changes.begin(), changes.end(), [](const FieldChange& c) { return c.field == "owner_user_id"; });
    if (record.owner_user_id && !owner_recorded) {
        changes.push_back({"owner_user_id", "", id_to_string(*record.owner_user_id)});
    }
    // A partner user's new people are consumers of their buyer unless they say otherwise
    // (and can_write below refuses any other buyer).
    if (const auto partner = context.permissions.partner_company_id;
        partner && type == EntityType::Person &&
        (!record.fields.contains("buyer_company_id") || record.fields["buyer_company_id"].is_null())) {
        record.fields["buyer_company_id"] = id_to_string(*partner);
        changes.push_back({"buyer_company_id", "", id_to_string(*partner)});
    }
    if (type == EntityType::Person && (!record.fields.contains("kind") || record.fields["kind"].is_null())) {
        const bool consumer =
            record.fields.contains("buyer_company_id") && !record.fields["buyer_company_id"].is_null();
        record.fields["kind"] = consumer ? "b2c_consumer" : "b2b_contact";
        changes.push_back({"kind", "", record.fields["kind"]});
    }
    if (type == EntityType::Company && (!record.fields.contains("market") || record.fields["market"].is_null())) {
        record.fields["market"] = "b2b";
        changes.push_back({"market", "", "b2b"});
    }
    RAPPORT_CHECK(check_result(actor, context, std::nullopt, record, "create"));
    record.created_at = record.updated_at = clock_.now_ms();
    write.at = record.created_at;
    return write;
}

Result<WriteVerdict> CustomerService::check_result(const Principal& actor, const WriteContext& context,
                                                   const std::optional<RecordRef>& before, const CustomerRecord& after,
                                                   const std::string& /*verb*/) {
    const RecordRef ref = ref_of(after);
    const WriteVerdict verdict = judge_write(context.permissions, context.grants, before, ref);
    switch (verdict) {
        case WriteVerdict::Allowed:
        case WriteVerdict::HandedOver: return verdict;
        case WriteVerdict::OutsidePartnerBuyer:
            return fail(Error::localized(ErrorCode::Forbidden, "customers.outside_partner_buyer",
                                         {{"buyer", id_to_string(*context.permissions.partner_company_id)}}));
        case WriteVerdict::PartitionNotGranted:
            return fail(Error::localized(ErrorCode::Forbidden, "customers.partition_not_granted",
                                         {{"buyer", maybe_id(ref.partition)}}));
        case WriteVerdict::OutsideWriteScope: break;
    }
    const Scope scope = context.grants.for_role(actor.role).write;
    const bool owner = before && before->owner_user_id == actor.user_id;
    return fail(Error::localized(ErrorCode::Forbidden,
                                 key_for(after.type, owner ? "outside_scope_owner" : "outside_scope"),
                                 {{"role", std::string(to_string(actor.role))},
                                  {"scope", std::string(to_string(scope))},
                                  {"owner", maybe_id(after.owner_user_id)},
                                  {"team", maybe_id(after.team_id)}}));
}

Result<RecordWrite> CustomerService::prepare_update(const Principal& actor, const WriteContext& context,
                                                    CustomerRecord record, const CustomerInput& input,
                                                    const Source& source) {
    const EntityType type = record.type;
    // A record the actor may not read is answered exactly like a missing one.
    if (record.workspace_id != actor.workspace_id || !can_read(context.permissions, context.grants, ref_of(record))) {
        return fail(not_visible(type, record.id));
    }
    if (!can_write(context.permissions, context.grants, ref_of(record))) {
        return fail(Error::localized(ErrorCode::Forbidden, key_for(type, "read_only"),
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    const RecordRef before = ref_of(record);
    const UnixMillis read_at = record.updated_at;
    RecordWrite write =
        RAPPORT_TRY(apply(actor, context.permissions, std::move(record), input, false, context.custom_defs, source));
    // Judged on the result, before anything is written; the write applies only if the record
    // is still as read (expected_updated_at), so the judgement holds inside its transaction.
    write.verdict = RAPPORT_TRY(check_result(actor, context, before, write.record, "save"));
    write.expected_updated_at = read_at;
    if (!write.changes.empty()) write.record.updated_at = std::max(clock_.now_ms(), read_at + 1);
    write.at = write.record.updated_at;
    return write;
}

Result<std::vector<CustomerRecord>> CustomerService::find_by_field(const Principal& actor, EntityType type,
                                                                   const std::string& field,
                                                                   const std::vector<std::string>& values) {
    const FieldDef* def = find_field(type, field);
    if (!def || def->column.empty()) return fail(Error::internal("cannot look records up by '" + field + "'"));
    if (values.empty()) return std::vector<CustomerRecord>{};
    return repo_.find_by_field(actor.workspace_id, type, field, values);
}

Result<CustomerRecord> CustomerService::create(const Principal& actor, EntityType type, const CustomerInput& input,
                                               const Source& source) {
    const WriteContext context = RAPPORT_TRY(write_context(actor, type));
    RecordWrite write = RAPPORT_TRY(prepare_create(actor, context, type, input, source));
    RAPPORT_CHECK(repo_.insert(write));
    return std::move(write.record);
}

Result<CustomerRecord> CustomerService::readable(const Principal& actor, const Actor& permissions, EntityType type,
                                                 Id id) {
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, type, id));
    // A record the actor may not read is answered exactly like a missing one.
    if (!found || !can_read(permissions, grants, ref_of(*found))) {
        return fail(not_visible(type, id));
    }
    return *found;
}

Result<CustomerService::Updated> CustomerService::update(const Principal& actor, EntityType type, Id id,
                                                         const CustomerInput& input, const Source& source) {
    const WriteContext context = RAPPORT_TRY(write_context(actor, type));
    auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, type, id));
    if (!found) return fail(not_visible(type, id));
    RecordWrite write = RAPPORT_TRY(prepare_update(actor, context, std::move(*found), input, source));
    if (!write.changes.empty()) RAPPORT_CHECK(repo_.update(write));
    Updated out;
    out.readable = can_read(context.permissions, context.grants, ref_of(write.record));
    out.view.provenance =
        resolve_provenance(write.record, RAPPORT_TRY(repo_.provenance(actor.workspace_id, type, write.record.id)));
    out.view.record = std::move(write.record);
    return out;
}

Result<RecordView> CustomerService::get(const Principal& actor, EntityType type, Id id) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    RecordView view;
    auto found = readable(actor, permissions, type, id);
    if (!found && found.error().code == ErrorCode::NotFound) {
        // Merged ids keep resolving: a merge points every earlier redirect at the survivor.
        if (auto survivor = RAPPORT_TRY(repo_.merged_into(actor.workspace_id, type, id))) {
            view.merged_from = id;
            found = readable(actor, permissions, type, *survivor);
        }
    }
    if (!found) return fail(std::move(found).error());
    view.record = std::move(*found);
    view.provenance =
        resolve_provenance(view.record, RAPPORT_TRY(repo_.provenance(actor.workspace_id, type, view.record.id)));
    return view;
}

Status CustomerService::ensure_readable(const Principal& actor, EntityType type, Id id) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    RAPPORT_CHECK(readable(actor, permissions, type, id));
    return {};
}

Result<ListQuery> CustomerService::list_query(const Principal& actor, EntityType type, const ListRequest& request) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    return build_query(actor.workspace_id, read_filter(permissions, grants), type, request);
}

Result<ListQuery> CustomerService::build_query(Id workspace_id, AccessFilter access, EntityType type,
                                               const ListRequest& request) {
    ListQuery query;
    query.access = std::move(access);
    query.now = clock_.now_ms();
    query.limit = request.limit;
    query.member_of = request.member_of;
    std::vector<FieldError> errors = request.request_errors;
    query.quick_words = quick_words(request.q, errors);
    query.ids = request.ids;
    const bool custom_named = std::any_of(request.fields.begin(), request.fields.end(),
                                          [](const std::string& f) { return f.rfind("custom.", 0) == 0; });
    std::vector<CustomFieldDef> defs;
    if (!request.filter.is_null() || custom_named) defs = RAPPORT_TRY(repo_.custom_fields(workspace_id, type));
    for (const auto& name : request.fields) {
        const bool custom = name.rfind("custom.", 0) == 0;
        const bool known = custom ? std::any_of(defs.begin(), defs.end(),
                                                [&](const CustomFieldDef& d) { return "custom." + d.key == name; })
                                  : find_field(type, name) != nullptr;
        if (!known) {
            errors.push_back(FieldError::localized("/fields", key_for(type, "no_such_field"),
                                                   {{"name", name}, {"example", fields_of(type).front().name}}));
        }
    }
    if (!request.filter.is_null()) {
        auto parsed = filters::parse_filter(request.filter, filter_catalog(type, defs), "/filter");
        if (!parsed) {
            for (auto& f : parsed.error().fields) errors.push_back(std::move(f));
        } else {
            query.filter = std::move(*parsed);
        }
    }
    if (!request.sort.empty()) {
        if (!sortable(type, request.sort)) {
            errors.push_back(FieldError::localized("/sort", "customers.cannot_sort", {{"name", request.sort}}));
        } else {
            query.sort = request.sort;
        }
    }
    query.descending = request.descending;
    if (request.cursor) {
        query.after = decode_cursor(*request.cursor);
        if (!query.after) errors.push_back(FieldError::localized("/cursor", "common.cursor_invalid"));
    }
    if (!errors.empty())
        return fail(Error::localized(ErrorCode::Validation, "customers.list_request_invalid", {}, std::move(errors)));
    return query;
}

Result<Page<CustomerRecord>> CustomerService::list(const Principal& actor, EntityType type,
                                                   const ListRequest& request) {
    auto query = RAPPORT_TRY(list_query(actor, type, request));
    return repo_.list(actor.workspace_id, type, query);
}

Result<std::int64_t> CustomerService::count(const Principal& actor, EntityType type, const nlohmann::json& filter) {
    ListRequest request;
    request.filter = filter;
    return count(actor, type, request);
}

Result<std::int64_t> CustomerService::count(const Principal& actor, EntityType type, const ListRequest& request) {
    auto query = RAPPORT_TRY(list_query(actor, type, request));
    return repo_.count(actor.workspace_id, type, query);
}

Result<std::int64_t> CustomerService::count_all(Id workspace_id, EntityType type, const ListRequest& request) {
    AccessFilter everything;
    everything.scope = Scope::All;
    auto query = RAPPORT_TRY(build_query(workspace_id, everything, type, request));
    return repo_.count(workspace_id, type, query);
}

Result<RecordStream> CustomerService::stream(const Principal& actor, EntityType type, const ListRequest& request) {
    ListRequest whole = request;
    whole.cursor.reset();  // an export starts at the beginning, whatever page the list showed
    auto query = RAPPORT_TRY(list_query(actor, type, whole));
    return RecordStream(repo_, actor.workspace_id, type, std::move(query));
}

Result<bool> RecordStream::next(int max_rows, const std::function<void(const CustomerRecord&)>& on_record) {
    if (done_) return false;
    query_.limit = std::max(1, max_rows);
    int delivered = 0;
    auto last = RAPPORT_TRY(repo_->scan(workspace_id_, type_, query_, [&](const CustomerRecord& r) {
        ++delivered;
        on_record(r);
    }));
    if (last) query_.after = std::move(*last);
    // A short batch is the last one; a full one may be followed by an empty one, which costs
    // one cheap query and spares a count.
    done_ = delivered < query_.limit;
    return !done_;
}

Status CustomerService::remove(const Principal& actor, EntityType type, Id id, const std::string& ip) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    CustomerRecord record = RAPPORT_TRY(readable(actor, permissions, type, id));
    if (!can_write(permissions, grants, ref_of(record))) {
        return fail(Error::localized(ErrorCode::Forbidden, key_for(type, "cannot_delete")));
    }
    return repo_.remove(actor.workspace_id, type, id,
                        audit_of(actor, clock_.now_ms(), what(type) + ".deleted", what(type), id_to_string(id), ip));
}

Result<Page<HistoryEntry>> CustomerService::history(const Principal& actor, EntityType type, Id id,
                                                    const PageRequest& page) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    RAPPORT_CHECK(readable(actor, permissions, type, id));
    return repo_.history(actor.workspace_id, type, id, page);
}

Result<std::vector<Affiliation>> CustomerService::affiliations(const Principal& actor, Id person_id) {
    RAPPORT_CHECK(ensure_readable(actor, EntityType::Person, person_id));
    return repo_.affiliations(actor.workspace_id, person_id);
}

Result<std::vector<Affiliation>> CustomerService::set_affiliations(const Principal& actor, Id person_id,
                                                                   std::vector<Affiliation> list,
                                                                   const Source& source) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    CustomerRecord person = RAPPORT_TRY(readable(actor, permissions, EntityType::Person, person_id));
    if (!can_write(permissions, grants, ref_of(person))) {
        return fail(Error::localized(ErrorCode::Forbidden, "customers.person_read_only",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    std::vector<FieldError> errors;
    std::set<Id> seen;
    int primaries = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = "/" + std::to_string(i);
        if (!seen.insert(list[i].company_id).second)
            errors.push_back(FieldError::localized(at + "/company_id", "common.listed_twice"));
        if (code_points(list[i].job_title) > 200)
            errors.push_back(FieldError::localized(at + "/job_title", "common.too_long", {{"max", "200"}}));
        if (list[i].is_primary) ++primaries;
        auto company = repo_.find(actor.workspace_id, EntityType::Company, list[i].company_id);
        if (!company || !*company || !can_read(permissions, grants, ref_of(**company))) {
            errors.push_back(FieldError::localized(at + "/company_id", "customers.no_visible_company"));
        }
    }
    if (primaries > 1) errors.push_back(FieldError::localized("/", "customers.one_primary_affiliation"));
    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());
        return fail(Error::localized(ErrorCode::Validation, "customers.affiliations_invalid", {{"count", count}},
                                     std::move(errors)));
    }
    if (primaries == 0 && !list.empty()) list.front().is_primary = true;
    auto before = RAPPORT_TRY(repo_.affiliations(actor.workspace_id, person_id));
    auto describe = [](const std::vector<Affiliation>& as) {
        std::string out;
        for (const auto& a : as) {
            out += (out.empty() ? "" : "; ") + id_to_string(a.company_id) +
                   (a.job_title.empty() ? "" : " " + a.job_title) + (a.is_primary ? " (primary)" : "");
        }
        return out;
    };
    person.updated_at = clock_.now_ms();
    RecordWrite write{person,      {{"affiliations", describe(before), describe(list)}},
                      source,      actor.user_id,
                      actor.label, person.updated_at};
    if (describe(before) == describe(list)) write.changes.clear();
    RAPPORT_CHECK(repo_.set_affiliations(write, list));
    return list;
}

Result<Page<RelatedRecord>> CustomerService::related_people(const Principal& actor, Id company_id, bool consumers,
                                                            const PageRequest& page) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    RAPPORT_CHECK(readable(actor, permissions, EntityType::Company, company_id));
    auto related = RAPPORT_TRY(repo_.related_people(actor.workspace_id, company_id, consumers, page));
    Page<RelatedRecord> out;
    out.next_cursor = related.next_cursor;
    for (auto& person : related.items) {
        auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, EntityType::Person, person.person_id));
        // Only people the actor may read: a buyer's consumers stay hidden without a grant.
        if (found && can_read(permissions, grants, ref_of(*found))) {
            out.items.push_back({std::move(*found), std::move(person.job_title), person.is_primary});
        }
    }
    return out;
}

Result<std::vector<CustomFieldDef>> CustomerService::custom_fields(const Principal& actor, EntityType type) {
    return repo_.custom_fields(actor.workspace_id, type);
}

Result<CustomFieldDef> CustomerService::create_custom_field(const Principal& actor, CustomFieldDef def,
                                                            const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "customers.action_defining_custom_fields"));
    def.workspace_id = actor.workspace_id;
    def.created_at = clock_.now_ms();
    if (auto errors = validate_custom_field(def); !errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "customers.custom_field_invalid", {}, std::move(errors)));
    }
    RAPPORT_CHECK(repo_.create_custom_field(
        def, audit_of(actor, def.created_at, "custom_field.created", what(def.entity_type), def.key, ip)));
    return def;
}

Status CustomerService::delete_custom_field(const Principal& actor, EntityType type, const std::string& key,
                                            const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "customers.action_removing_custom_fields"));
    return repo_.delete_custom_field(actor.workspace_id, type, key,
                                     audit_of(actor, clock_.now_ms(), "custom_field.deleted", what(type), key, ip));
}

}  // namespace rapport::domain::customers
