#pragma once
// Tells open inboxes that a conversation changed (a new customer message, a reply, a new
// assignee), so they refresh without a reload. The api layer turns it into server-sent events.
// Implementations must be thread-safe and must not block.
#include <cstdint>
#include <functional>
#include <vector>

#include "core/ids.hpp"

namespace rapport::domain::servicedesk {

class ConversationEvents {
public:
    virtual ~ConversationEvents() = default;
    virtual void changed(Id workspace_id, Id conversation_id) = 0;
};

// The read side: what changed, by sequence number, for the open inboxes of a workspace.
class ConversationFeed {
public:
    virtual ~ConversationFeed() = default;
    struct Change {
        std::uint64_t sequence = 0;
        Id workspace_id = 0;
        Id conversation_id = 0;
    };
    // The latest sequence number given out (0 before any change).
    virtual std::uint64_t latest() const = 0;
    // The workspace's changes after `after`, oldest first; older ones may be gone.
    virtual std::vector<Change> since(Id workspace_id, std::uint64_t after) const = 0;
    // Calls `wake` (from the writer's thread, so it must not block) after every change until
    // the returned token is passed to unsubscribe().
    virtual std::uint64_t subscribe(std::function<void()> wake) = 0;
    virtual void unsubscribe(std::uint64_t token) = 0;
};

}  // namespace rapport::domain::servicedesk
