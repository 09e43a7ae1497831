#pragma once
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/timeline/interaction.hpp"

namespace rapport::domain::timeline {

struct TimelinePage {
    std::vector<Interaction> items;
    std::optional<TimelineCursor> next;
};

// Persistence of interactions. Thread-safe; each method atomic.
class TimelineRepository {
public:
    virtual ~TimelineRepository() = default;
    virtual Status insert(const Interaction& interaction) = 0;
    // The change and its audit entry (the entry's detail holds the old and new values) commit together.
    virtual Status update(const Interaction& interaction, const AuditEntry& audit) = 0;
    virtual Status remove(Id workspace_id, Id interaction_id) = 0;
    virtual Result<std::optional<Interaction>> find(Id workspace_id, Id interaction_id) = 0;
    // Newest first. A company's timeline includes the interactions of its contacts.
    virtual Result<TimelinePage> of_person(Id workspace_id, Id person_id, std::optional<TimelineCursor> before,
                                           int limit) = 0;
    virtual Result<TimelinePage> of_company(Id workspace_id, Id company_id, std::optional<TimelineCursor> before,
                                            int limit) = 0;
};

}  // namespace rapport::domain::timeline
