#pragma once
// The service desk's routes: the inbox and its conversations, customer messages from other
// channels (POST /conversations), mailboxes and their quarantined mail. What they use beyond
// the shared ApiContext; the servicedesk module (src/app/modules) builds it.
#include <nlohmann/json.hpp>

#include "api/api_context.hpp"
#include "core/clock.hpp"
#include "domain/servicedesk/conversation_service.hpp"
#include "domain/servicedesk/intake_service.hpp"
#include "domain/servicedesk/mailbox_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct ServiceDeskApi : ApiContext {
    domain::servicedesk::ConversationService& conversations;
    domain::servicedesk::IntakeService& intake;
    domain::servicedesk::MailboxService& mailboxes;
    domain::servicedesk::ConversationFeed& feed;  // what changed, for open inboxes
    const Clock& clock;
};

void register_conversation_routes(http::Router& router, ServiceDeskApi& api);
void register_channel_routes(http::Router& router, ServiceDeskApi& api);
void register_mailbox_routes(http::Router& router, ServiceDeskApi& api);
// GET /api/v1/conversations/events: server-sent events of the workspace's changes.
void register_conversation_event_routes(http::Router& router, ServiceDeskApi& api);

nlohmann::json conversation_summary_json(const domain::servicedesk::ConversationRow& row, UnixMillis now);
nlohmann::json message_json(const domain::servicedesk::ConversationMessage& m);

}  // namespace rapport::api
