#pragma once
// Logging interactions and reading timelines. An interaction is visible to whoever can
// read the person or company it is about; logging one needs a role that may write records.
#include <optional>
#include <string>

#include "domain/customers/customer_service.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/user_directory.hpp"
#include "domain/timeline/timeline_repository.hpp"

namespace rapport::domain::timeline {

struct InteractionInput {
    std::optional<InteractionKind> kind;
    std::optional<std::optional<Id>> person_id;
    std::optional<std::optional<Id>> company_id;
    std::optional<std::string> subject;
    std::optional<std::string> body;
    std::optional<std::optional<Channel>> channel;
    std::optional<std::optional<Direction>> direction;
    std::optional<std::optional<RelationshipType>> relationship_type;
    std::optional<std::int64_t> minutes_spent;
    std::optional<UnixMillis> occurred_at;
    std::optional<std::optional<UnixMillis>> due_at;
    std::optional<std::optional<Id>> assignee_user_id;
    std::optional<bool> completed;
    std::vector<FieldError> request_errors;  // found while reading the request
};

class TimelineService {
public:
    TimelineService(TimelineRepository& repo, customers::CustomerService& customers, ActorDirectory& actors,
                    UserDirectory& users, const Clock& clock)
        : repo_(repo), customers_(customers), actors_(actors), users_(users), clock_(clock) {}

    Result<Interaction> log(const Principal& actor, const InteractionInput& input);
    // Editing an interaction: its author, a task's assignee, or whoever may change the record(s)
    // it is about (Forbidden otherwise; NotFound when the actor cannot read it). The change and
    // an audit entry "interaction.updated" with each changed field's old and new value commit
    // together.
    Result<Interaction> update(const Principal& actor, Id interaction_id, const InteractionInput& input,
                               const std::string& ip = "");
    Status remove(const Principal& actor, Id interaction_id);
    Result<Interaction> get(const Principal& actor, Id interaction_id);
    Result<TimelinePage> timeline(const Principal& actor, customers::EntityType type, Id id,
                                  std::optional<TimelineCursor> before, int limit);

private:
    Status apply(const Principal& actor, Interaction& interaction, const InteractionInput& input, bool creating);
    Status ensure_visible(const Principal& actor, const Interaction& interaction);
    Status ensure_editable(const Principal& actor, const Interaction& interaction);

    TimelineRepository& repo_;
    customers::CustomerService& customers_;
    ActorDirectory& actors_;
    UserDirectory& users_;
    const Clock& clock_;
};

}  // namespace rapport::domain::timeline
