#include "domain/timeline/timeline_service.hpp"

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "domain/audit/audit_of.hpp"
#include "domain/customers/record_ref.hpp"

namespace rapport::domain::timeline {

using customers::EntityType;

namespace {
constexpr std::int64_t kMaxMinutes = 7 * 24 * 60;

// Ids as strings (as the API writes them), times as numbers, enums by name.
nlohmann::json id_json(const std::optional<Id>& v) {
    return v ? nlohmann::json(id_to_string(*v)) : nlohmann::json(nullptr);
}
nlohmann::json time_json(const std::optional<UnixMillis>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
template <class E>
nlohmann::json value_json(const std::optional<E>& v) {
    return v ? nlohmann::json(std::string(to_string(*v))) : nlohmann::json(nullptr);
}

// The audit detail of an edit: {"person_id": ..., "company_id": ..., "changes": {field: {"old", "new"}}}.
nlohmann::json changes_of(const Interaction& before, const Interaction& after) {
    nlohmann::json changes = nlohmann::json::object();
    auto note = [&changes](const char* field, nlohmann::json old_value, nlohmann::json new_value) {
        if (old_value != new_value) changes[field] = {{"old", std::move(old_value)}, {"new", std::move(new_value)}};
    };
    note("kind", std::string(to_string(before.kind)), std::string(to_string(after.kind)));
    note("person_id", id_json(before.person_id), id_json(after.person_id));
    note("company_id", id_json(before.company_id), id_json(after.company_id));
    note("subject", before.subject, after.subject);
    note("body", before.body, after.body);
    note("channel", value_json(before.channel), value_json(after.channel));
    note("direction", value_json(before.direction), value_json(after.direction));
    note("relationship_type", value_json(before.relationship_type), value_json(after.relationship_type));
    note("minutes_spent", before.minutes_spent, after.minutes_spent);
    note("occurred_at", before.occurred_at, after.occurred_at);
    note("due_at", time_json(before.due_at), time_json(after.due_at));
    note("assignee_user_id", id_json(before.assignee_user_id), id_json(after.assignee_user_id));
    note("completed_at", time_json(before.completed_at), time_json(after.completed_at));
    return {{"person_id", id_json(after.person_id)},
            {"company_id", id_json(after.company_id)},
            {"changes", std::move(changes)}};
}
}  // namespace

Status TimelineService::ensure_editable(const Principal& actor, const Interaction& i) {
    const auto grants = RAPPORT_TRY(actors_.role_grants(actor));
    if (grants.for_role(actor.role).write == Scope::None) {
        return fail(Error::localized(ErrorCode::Forbidden, "timeline.cannot_log",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    if (actor.user_id && (i.created_by_user_id == actor.user_id || i.assignee_user_id == actor.user_id)) return {};
    const Actor who = RAPPORT_TRY(actors_.actor_for(actor));
    const std::pair<std::optional<Id>, EntityType> records[] = {{i.person_id, EntityType::Person},
                                                                {i.company_id, EntityType::Company}};
    for (const auto& [id, type] : records) {
        if (!id) continue;
        const auto view = RAPPORT_TRY(customers_.get(actor, type, *id));
        if (!can_write(who, grants, customers::ref_of(view.record))) {
            return fail(Error::localized(ErrorCode::Forbidden, "tasks.entry_read_only",
                                         {{"role", std::string(to_string(actor.role))}}));
        }
    }
    return {};
}

Status TimelineService::ensure_visible(const Principal& actor, const Interaction& i) {
    if (i.person_id) RAPPORT_CHECK(customers_.ensure_readable(actor, EntityType::Person, *i.person_id));
    if (i.company_id) RAPPORT_CHECK(customers_.ensure_readable(actor, EntityType::Company, *i.company_id));
    return {};
}

Status TimelineService::apply(const Principal& actor, Interaction& i, const InteractionInput& in, bool creating) {
    std::vector<FieldError> errors = in.request_errors;
    if (in.kind)
        i.kind = *in.kind;
    else if (creating)
        errors.push_back(FieldError::localized("/kind", "timeline.kind_required"));
    if (in.person_id) i.person_id = *in.person_id;
    if (in.company_id) i.company_id = *in.company_id;
    if (!i.person_id && !i.company_id)
        errors.push_back(FieldError::localized("/person_id", "timeline.record_required"));
    if (in.subject) {
        if (code_points(*in.subject) > 500)
            errors.push_back(FieldError::localized("/subject", "common.too_long", {{"max", "500"}}));
        i.subject = *in.subject;
    }
    if (in.body) {
        if (code_points(*in.body) > 100000)
            errors.push_back(FieldError::localized("/body", "common.too_long", {{"max", "100,000"}}));
        i.body = *in.body;
    }
    if (in.channel) i.channel = *in.channel;
    if (in.direction) i.direction = *in.direction;
    if (in.relationship_type) i.relationship_type = *in.relationship_type;
    if (in.minutes_spent) {
        if (*in.minutes_spent < 0 || *in.minutes_spent > kMaxMinutes) {
            errors.push_back(FieldError::localized("/minutes_spent", "timeline.minutes_range"));
        } else {
            i.minutes_spent = *in.minutes_spent;
        }
    }
    if (in.occurred_at) i.occurred_at = *in.occurred_at;
    if (in.due_at) i.due_at = *in.due_at;
    if (i.due_at && i.kind != InteractionKind::Task)
        errors.push_back(FieldError::localized("/due_at", "timeline.due_tasks_only"));
    if (in.assignee_user_id) {
        if (*in.assignee_user_id != i.assignee_user_id) {
            i.assigned_at = *in.assignee_user_id ? std::optional<UnixMillis>(clock_.now_ms()) : std::nullopt;
            i.assigned_by_user_id = *in.assignee_user_id ? actor.user_id : std::nullopt;
        }
        i.assignee_user_id = *in.assignee_user_id;
        if (i.assignee_user_id && !users_.get_user(actor, *i.assignee_user_id)) {
            errors.push_back(FieldError::localized("/assignee_user_id", "customers.no_owner_user"));
        }
    }
    if (in.completed) {
        if (i.kind != InteractionKind::Task)
            errors.push_back(FieldError::localized("/completed", "timeline.completed_tasks_only"));
        else if (*in.completed != i.completed_at.has_value())  // marking a done task done keeps its time
            i.completed_at = *in.completed ? std::optional<UnixMillis>(clock_.now_ms()) : std::nullopt;
    }
    if (!errors.empty()) {
        // Count before the vector is moved: argument evaluation order is unspecified.
        const std::string count = std::to_string(errors.size());
        return fail(Error::localized(ErrorCode::Validation, "timeline.invalid", {{"count", count}}, std::move(errors)));
    }
    // Only then the records: a reference to a record the actor cannot read is "not found".
    RAPPORT_CHECK(ensure_visible(actor, i));
    const auto grants = RAPPORT_TRY(actors_.role_grants(actor));
    if (grants.for_role(actor.role).write == Scope::None) {
        return fail(Error::localized(ErrorCode::Forbidden, "timeline.cannot_log",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    return {};
}

Result<Interaction> TimelineService::log(const Principal& actor, const InteractionInput& input) {
    Interaction i;
    i.workspace_id = actor.workspace_id;
    i.interaction_id = new_id();
    i.created_at = clock_.now_ms();
    i.occurred_at = i.created_at;
    i.created_by_user_id = actor.user_id;
    RAPPORT_CHECK(apply(actor, i, input, true));
    RAPPORT_CHECK(repo_.insert(i));
    return i;
}

Result<Interaction> TimelineService::get(const Principal& actor, Id interaction_id) {
    auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, interaction_id));
    if (!found || !ensure_visible(actor, *found)) {
        return fail(
            Error::localized(ErrorCode::NotFound, "timeline.not_found", {{"id", id_to_string(interaction_id)}}));
    }
    return *found;
}

Result<Interaction> TimelineService::update(const Principal& actor, Id interaction_id, const InteractionInput& input,
                                            const std::string& ip) {
    const Interaction before = RAPPORT_TRY(get(actor, interaction_id));
    RAPPORT_CHECK(ensure_editable(actor, before));
    Interaction i = before;
    RAPPORT_CHECK(apply(actor, i, input, false));
    RAPPORT_CHECK(repo_.update(i, audit_of(actor, clock_.now_ms(), "interaction.updated", "interaction",
                                           id_to_string(i.interaction_id), ip, changes_of(before, i).dump())));
    return i;
}

Status TimelineService::remove(const Principal& actor, Id interaction_id) {
    Interaction i = RAPPORT_TRY(get(actor, interaction_id));
    RAPPORT_CHECK(ensure_editable(actor, i));
    RAPPORT_CHECK(apply(actor, i, InteractionInput{}, false));  // the same rights as changing it
    return repo_.remove(actor.workspace_id, interaction_id);
}

Result<TimelinePage> TimelineService::timeline(const Principal& actor, EntityType type, Id id,
                                               std::optional<TimelineCursor> before, int limit) {
    RAPPORT_CHECK(customers_.ensure_readable(actor, type, id));
    if (type == EntityType::Person) return repo_.of_person(actor.workspace_id, id, before, limit);
    return repo_.of_company(actor.workspace_id, id, before, limit);
}

}  // namespace rapport::domain::timeline
