#pragma once
// Tells open inboxes that a conversation changed (a new customer message, a reply, a new
// assignee), so they refresh without a reload. The api layer turns it into server-sent events.
// Implementations must be thread-safe and must not block.
#include "core/ids.hpp"

namespace rapport::domain::servicedesk {

class ConversationEvents {
public:
    virtual ~ConversationEvents() = default;
    virtual void changed(Id workspace_id, Id conversation_id) = 0;
};

}  // namespace rapport::domain::servicedesk
