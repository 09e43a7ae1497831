#pragma once
// Conversations, messages, attachments, sources and reply presence in SQL (both engines).
#include "domain/servicedesk/conversation_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlConversationRepository final : public domain::servicedesk::ConversationRepository {
public:
    explicit SqlConversationRepository(Database& db) : db_(db) {}

    using Conversation = domain::servicedesk::Conversation;
    using ConversationMessage = domain::servicedesk::ConversationMessage;

    Result<std::optional<ConversationMessage>> find_by_external_id(Id workspace_id,
                                                                   const std::string& external_id) override;
    Result<std::optional<Id>> thread_of(Id workspace_id, const std::vector<std::string>& external_ids) override;
    Result<std::optional<Id>> by_number(Id workspace_id, std::int64_t number) override;
    Result<std::optional<ConversationMessage>> store_inbound(const domain::servicedesk::InboundWrite& write) override;
    Result<std::vector<std::optional<ConversationMessage>>> store_inbound_batch(
        const std::vector<domain::servicedesk::InboundWrite>& writes) override;
    Status mark_reply_bounced(Id workspace_id, Id message_id, const std::string& detail) override;

    Result<std::optional<Conversation>> find(Id workspace_id, Id conversation_id) override;
    Result<std::optional<domain::servicedesk::ConversationRow>> row(Id workspace_id, const domain::AccessFilter& access,
                                                                    Id conversation_id) override;
    Result<std::vector<domain::servicedesk::ConversationRow>> list(
        const domain::servicedesk::InboxQuery& query) override;
    Result<domain::servicedesk::InboxCounts> counts(const domain::servicedesk::InboxQuery& query) override;
    Result<std::vector<ConversationMessage>> messages(Id workspace_id, Id conversation_id) override;
    Result<std::optional<domain::servicedesk::Attachment>> attachment(Id workspace_id, Id conversation_id,
                                                                      Id attachment_id) override;
    Result<std::optional<std::string>> raw_source(Id workspace_id, Id message_id) override;

    Result<Conversation> update(Id workspace_id, Id conversation_id, std::int64_t version,
                                const domain::servicedesk::ConversationChange& change, UnixMillis now) override;
    Result<ConversationMessage> add_agent_message(const ConversationMessage& message,
                                                  std::optional<domain::servicedesk::ConversationStatus> status_after,
                                                  std::optional<UnixMillis> next_response_due) override;
    Result<Conversation> close_without_reply(Id workspace_id, Id conversation_id, Id user_id, const std::string& reason,
                                             UnixMillis now) override;
    Result<std::optional<ConversationMessage>> find_message(Id workspace_id, Id message_id) override;
    Result<std::optional<Id>> latest_message_id(Id workspace_id, Id conversation_id) override;
    Result<Conversation> merge(Id workspace_id, Id from, Id into, UnixMillis now) override;
    Result<Conversation> split(Id workspace_id, Id conversation_id, Id message_id, Conversation fresh) override;

    Result<std::vector<ConversationMessage>> due_replies(UnixMillis now, int limit) override;
    Status mark_sent(Id workspace_id, Id message_id, UnixMillis at) override;
    Status mark_attempt_failed(Id workspace_id, Id message_id, const std::string& error,
                               std::optional<UnixMillis> retry_at) override;
    Result<ConversationMessage> requeue(Id workspace_id, Id message_id, UnixMillis now) override;
    Result<std::vector<ConversationMessage>> channel_outbox(Id workspace_id, const std::string& channel,
                                                            int limit) override;

    Result<std::vector<Conversation>> unescalated_breaches(UnixMillis now, int limit) override;
    Status escalate(const Conversation& breached, std::optional<Id> notify_user_id, const std::string& task_subject,
                    UnixMillis now) override;
    Result<std::optional<Id>> escalation_contact(Id workspace_id, std::optional<Id> team_id) override;

    Status touch_replying(Id workspace_id, Id conversation_id, Id user_id, UnixMillis now) override;
    Result<std::vector<Replying>> replying(Id workspace_id, Id conversation_id, UnixMillis since) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
