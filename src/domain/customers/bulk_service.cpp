#include "domain/customers/bulk_service.hpp"

#include <algorithm>
#include <set>

#include "domain/audit/audit_of.hpp"
#include "domain/customers/record_ref.hpp"

namespace rapport::domain::customers {

namespace {

constexpr std::pair<BulkAction, std::string_view> kActions[] = {
    {BulkAction::AddTag, "add_tag"},   {BulkAction::RemoveTag, "remove_tag"}, {BulkAction::SetOwner, "set_owner"},
    {BulkAction::SetTeam, "set_team"}, {BulkAction::Delete, "delete"},        {BulkAction::Restore, "restore"},
};

std::string what(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}

// The change one action asks of one record, as a single PATCH would send it.
CustomerInput input_for(const BulkRequest& request, const CustomerRecord& record) {
    CustomerInput input;
    switch (request.action) {
        case BulkAction::AddTag: {
            auto tags = record.tags;
            if (std::find(tags.begin(), tags.end(), request.tag) == tags.end()) tags.push_back(request.tag);
            input.tags = std::move(tags);
            break;
        }
        case BulkAction::RemoveTag: {
            auto tags = record.tags;
            tags.erase(std::remove(tags.begin(), tags.end(), request.tag), tags.end());
            input.tags = std::move(tags);
            break;
        }
        case BulkAction::SetOwner: input.owner_user_id = request.user_or_team; break;
        case BulkAction::SetTeam: input.team_id = request.user_or_team; break;
        default: break;
    }
    return input;
}

}  // namespace

std::optional<BulkAction> parse_bulk_action(std::string_view text) {
    for (const auto& [action, name] : kActions) {
        if (name == text) return action;
    }
    return std::nullopt;
}

std::string_view to_string(BulkAction action) {
    for (const auto& [a, name] : kActions) {
        if (a == action) return name;
    }
    return "";
}

Result<BulkResult> BulkService::run(const Principal& actor, EntityType type, const BulkRequest& request,
                                    const std::string& ip) {
    if (request.action == BulkAction::Restore) return restore(actor, type, request, ip);
    std::vector<FieldError> errors;
    if (request.ids.empty() == !request.selection.has_value()) {
        errors.push_back(FieldError::localized("/ids", "lists.bulk_ids_or_selection"));
    }
    if (request.ids.size() > kMaxBulkRecords) {
        errors.push_back(
            FieldError::localized("/ids", "lists.bulk_too_many", {{"max", std::to_string(kMaxBulkRecords)}}));
    }
    if ((request.action == BulkAction::AddTag || request.action == BulkAction::RemoveTag) && request.tag.empty()) {
        errors.push_back(FieldError::localized("/params/tag", "common.required"));
    }
    if (!errors.empty())
        return fail(Error::localized(ErrorCode::Validation, "lists.bulk_invalid", {}, std::move(errors)));

    // What the request names, among what the actor may read, in id order.
    ListRequest wanted = request.selection.value_or(ListRequest{});
    wanted.sort.clear();
    wanted.cursor.reset();
    wanted.fields.clear();
    ListQuery query = RAPPORT_TRY(customers_.list_query(actor, type, wanted));
    query.sort.clear();
    query.descending = false;
    if (!request.ids.empty()) {
        std::set<Id> unique(request.ids.begin(), request.ids.end());
        query.ids.assign(unique.begin(), unique.end());
    }
    if (request.after) query.after = SortCursor{"", *request.after};
    query.limit = static_cast<int>(kMaxBulkRecords) + 1;
    std::vector<CustomerRecord> records;
    RAPPORT_CHECK(
        records_.scan(actor.workspace_id, type, query, [&](const CustomerRecord& r) { records.push_back(r); }));
    BulkResult out;
    if (records.size() > kMaxBulkRecords) {
        records.resize(kMaxBulkRecords);
        out.next_after = records.back().id;
    }
    if (!request.ids.empty()) {
        out.matched = static_cast<std::int64_t>(query.ids.size());
        std::set<Id> found;
        for (const auto& r : records) found.insert(r.id);
        for (Id id : query.ids) {
            if (!found.count(id)) out.skipped.push_back({id, "not_found"});
        }
    } else {
        out.matched = static_cast<std::int64_t>(records.size());
    }

    const WriteContext context = RAPPORT_TRY(customers_.write_context(actor, type));
    const Source source = CustomerService::default_source(actor);
    const UnixMillis now = clock_.now_ms();
    std::vector<RecordWrite> updates;
    std::vector<DeletedRecord> deleted;
    std::vector<AuditEntry> audit;
    if (request.action == BulkAction::Delete) {
        RAPPORT_CHECK(repo_.forget_deleted(actor.workspace_id, now - kUndoWindowMs));
        out.undo_id = request.undo_id.value_or(new_id());
        out.undo_until = now + kUndoWindowMs;
    }
    for (auto& record : records) {
        if (request.action == BulkAction::Delete) {
            if (!can_write(context.permissions, context.grants, ref_of(record))) {
                out.skipped.push_back({record.id, "forbidden"});
                continue;
            }
            audit.push_back(audit_of(actor, now, what(type) + ".deleted", what(type), id_to_string(record.id), ip,
                                     nlohmann::json{{"undo_id", id_to_string(*out.undo_id)}}.dump()));
            deleted.push_back({*out.undo_id, std::move(record), {}, now, actor.user_id});
            continue;
        }
        const CustomerInput input = input_for(request, record);
        const Id id = record.id;
        auto write = customers_.prepare_update(actor, context, std::move(record), input, source);
        if (!write) {
            // The same parameters for every record: a validation error is the request's.
            if (write.error().code == ErrorCode::Validation) return fail(std::move(write).error());
            if (write.error().code == ErrorCode::Forbidden) {
                out.skipped.push_back({id, "forbidden"});
                continue;
            }
            if (write.error().code == ErrorCode::NotFound) {
                out.skipped.push_back({id, "not_found"});
                continue;
            }
            return fail(std::move(write).error());
        }
        if (write->changes.empty()) {
            ++out.unchanged;
            continue;
        }
        write->at = write->record.updated_at;
        updates.push_back(std::move(*write));
    }
    out.changed = static_cast<std::int64_t>(updates.size() + deleted.size());
    if (out.changed == 0) {
        if (request.action == BulkAction::Delete && !request.undo_id) out.undo_id.reset();
        return out;
    }
    audit.push_back(audit_of(actor, now, what(type) + ".bulk_" + std::string(to_string(request.action)), what(type),
                             std::nullopt, ip,
                             nlohmann::json{{"changed", out.changed},
                                            {"skipped", out.skipped.size()},
                                            {"tag", request.tag},
                                            {"id", request.user_or_team ? id_to_string(*request.user_or_team) : ""}}
                                 .dump()));
    RAPPORT_CHECK(repo_.apply(actor.workspace_id, type, updates, deleted, audit));
    return out;
}

Result<BulkResult> BulkService::restore(const Principal& actor, EntityType type, const BulkRequest& request,
                                        const std::string& ip) {
    if (!request.undo_id) {
        return fail(Error::localized(ErrorCode::Validation, "lists.bulk_invalid", {},
                                     {FieldError::localized("/params/undo_id", "common.required")}));
    }
    const UnixMillis now = clock_.now_ms();
    RAPPORT_CHECK(repo_.forget_deleted(actor.workspace_id, now - kUndoWindowMs));
    auto snapshots =
        RAPPORT_TRY(repo_.deleted(actor.workspace_id, type, *request.undo_id, static_cast<int>(kMaxBulkRecords) + 1));
    BulkResult out;
    out.undo_id = request.undo_id;
    if (snapshots.empty()) return fail(Error::localized(ErrorCode::NotFound, "lists.undo_expired"));
    if (snapshots.size() > kMaxBulkRecords) {
        snapshots.resize(kMaxBulkRecords);
        out.next_after = snapshots.back().record.id;
    }
    const WriteContext context = RAPPORT_TRY(customers_.write_context(actor, type));
    const Source source = CustomerService::default_source(actor);
    std::vector<DeletedRecord> restored;
    std::vector<RecordWrite> writes;
    std::vector<AuditEntry> audit;
    out.matched = static_cast<std::int64_t>(snapshots.size());
    for (auto& snapshot : snapshots) {
        // Only who deleted may undo, and only into a state they may create now.
        if (snapshot.deleted_by != actor.user_id) {
            out.skipped.push_back({snapshot.record.id, "not_found"});
            continue;
        }
        if (!customers_.check_result(actor, context, std::nullopt, snapshot.record, "restore")) {
            out.skipped.push_back({snapshot.record.id, "forbidden"});
            continue;
        }
        RecordWrite write{
            snapshot.record, {{"record", "deleted", "restored"}}, source, actor.user_id, actor.label, now};
        write.record.updated_at = std::max(now, snapshot.record.updated_at + 1);
        write.flags_changed = !write.record.flags.empty();
        audit.push_back(audit_of(actor, now, what(type) + ".restored", what(type), id_to_string(snapshot.record.id), ip,
                                 nlohmann::json{{"undo_id", id_to_string(*request.undo_id)}}.dump()));
        writes.push_back(std::move(write));
        restored.push_back(std::move(snapshot));
    }
    out.changed = static_cast<std::int64_t>(writes.size());
    if (!writes.empty()) RAPPORT_CHECK(repo_.restore(actor.workspace_id, restored, writes, audit));
    return out;
}

}  // namespace rapport::domain::customers
