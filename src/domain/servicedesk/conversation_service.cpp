#include "domain/servicedesk/conversation_service.hpp"

#include <algorithm>

namespace rapport::domain::servicedesk {

namespace {

Error not_found(Id id) {
    return Error::localized(ErrorCode::NotFound, "servicedesk.conversation_not_found", {{"id", id_to_string(id)}});
}

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// A reply goes by email when the customer wrote by email or the web form (which asks for an
// address); the bridges (chat, social) fetch their channel's replies from the outbox.
bool sent_by_email(const std::string& channel) {
    return channel == "email" || channel == "web_form";
}

}  // namespace

Result<AccessFilter> ConversationService::access(const Principal& actor) {
    const Actor who = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    return read_filter(who, grants);
}

Result<ConversationRow> ConversationService::readable(const Principal& actor, Id conversation_id) {
    auto filter = RAPPORT_TRY(access(actor));
    auto row = RAPPORT_TRY(repo_.row(actor.workspace_id, filter, conversation_id));
    if (!row) return fail(not_found(conversation_id));
    return std::move(*row);
}

Result<ConversationRow> ConversationService::workable(const Principal& actor, Id conversation_id) {
    auto row = RAPPORT_TRY(readable(actor, conversation_id));
    if (!role_at_least(actor.role, Role::Member)) {
        return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.read_only_role",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    if (row.conversation.merged_into_id) {
        return fail(Error::localized(
            ErrorCode::Conflict, "servicedesk.conversation_merged",
            {{"id", id_to_string(conversation_id)}, {"into", id_to_string(*row.conversation.merged_into_id)}}));
    }
    return row;
}

Result<ConversationService::ListPage> ConversationService::list(const Principal& actor, const ListRequest& request) {
    InboxQuery q;
    q.workspace_id = actor.workspace_id;
    q.access = RAPPORT_TRY(access(actor));
    q.view = request.view;
    q.team_id = request.team_id;
    q.me = actor.user_id;
    if (request.view == InboxView::Mine && !actor.user_id) {
        return fail(Error::localized_field("?view", "servicedesk.no_user_of_key"));
    }
    q.now = clock_.now_ms();
    q.breach_window_minutes = kBreachWindowMinutes;
    q.after = request.after;
    q.limit = request.limit + 1;
    ListPage page;
    page.items = RAPPORT_TRY(repo_.list(q));
    if (static_cast<int>(page.items.size()) > request.limit) {
        page.items.resize(static_cast<std::size_t>(request.limit));
        const auto& last = page.items.back().conversation;
        InboxCursor cursor;
        cursor.conversation_id = last.conversation_id;
        switch (request.view) {
            case InboxView::Unanswered: cursor.at = last.awaiting_since.value_or(0); break;
            case InboxView::Breaching: cursor.at = last.sla_due_at.value_or(0); break;
            default: cursor.at = last.last_message_at; break;
        }
        page.next = cursor;
    }
    return page;
}

Result<InboxCounts> ConversationService::counts(const Principal& actor, std::optional<Id> team_id) {
    InboxQuery q;
    q.workspace_id = actor.workspace_id;
    q.access = RAPPORT_TRY(access(actor));
    q.team_id = team_id;
    q.me = actor.user_id;
    q.now = clock_.now_ms();
    q.breach_window_minutes = kBreachWindowMinutes;
    return repo_.counts(q);
}

Result<ConversationDetail> ConversationService::get(const Principal& actor, Id conversation_id) {
    ConversationDetail detail;
    detail.row = RAPPORT_TRY(readable(actor, conversation_id));
    detail.messages = RAPPORT_TRY(repo_.messages(actor.workspace_id, conversation_id));
    auto replying =
        RAPPORT_TRY(repo_.replying(actor.workspace_id, conversation_id, clock_.now_ms() - kReplyingWindowMs));
    for (auto& r : replying) {
        if (!actor.user_id || r.user_id != *actor.user_id) detail.replying.push_back(std::move(r));
    }
    return detail;
}

Result<ConversationRow> ConversationService::update(const Principal& actor, Id conversation_id, std::int64_t version,
                                                    const ConversationChange& change) {
    (void)RAPPORT_TRY(workable(actor, conversation_id));
    ConversationChange checked = change;
    if (checked.tags) {
        std::vector<std::string> tags;
        for (const auto& t : *checked.tags) {
            auto tag = trimmed(t);
            if (!tag.empty()) tags.push_back(tag);
        }
        std::sort(tags.begin(), tags.end());
        tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
        checked.tags = std::move(tags);
    }
    (void)RAPPORT_TRY(repo_.update(actor.workspace_id, conversation_id, version, checked, clock_.now_ms()));
    events_.changed(actor.workspace_id, conversation_id);
    return readable(actor, conversation_id);
}

Result<ConversationMessage> ConversationService::reply(const Principal& actor, Id conversation_id,
                                                       const ReplyRequest& request) {
    auto row = RAPPORT_TRY(workable(actor, conversation_id));
    const auto& c = row.conversation;
    const std::string text = trimmed(request.text);
    if (text.empty()) return fail(Error::localized_field("/text", "servicedesk.reply_empty"));
    if (request.status_after && *request.status_after != ConversationStatus::Pending &&
        *request.status_after != ConversationStatus::Resolved && *request.status_after != ConversationStatus::Open) {
        return fail(Error::localized_field("/status_after", "servicedesk.invalid_status_after"));
    }
    // Two agents answering at once: the second is told what was sent meanwhile, and decides.
    if (!request.force) {
        auto latest = RAPPORT_TRY(repo_.latest_message_id(actor.workspace_id, conversation_id));
        if (latest && (!request.after_message_id || *latest > *request.after_message_id)) {
            return fail(Error::localized(ErrorCode::Conflict, "servicedesk.reply_collision",
                                         {{"message_id", id_to_string(*latest)}}));
        }
    }
    auto thread = RAPPORT_TRY(repo_.messages(actor.workspace_id, conversation_id));
    const ConversationMessage* last_inbound = nullptr;
    for (const auto& m : thread) {
        if (m.kind == MessageKind::Inbound) last_inbound = &m;
    }
    const UnixMillis now = clock_.now_ms();
    ConversationMessage msg;
    msg.workspace_id = actor.workspace_id;
    msg.message_id = new_id();
    msg.conversation_id = conversation_id;
    msg.kind = MessageKind::Reply;
    msg.channel = c.channel;
    msg.author_user_id = actor.user_id;
    msg.person_id = c.person_id;
    msg.subject = reply_subject(c.subject, c.number);
    msg.text = text;
    msg.cc = request.cc;
    msg.minutes_spent = std::max<std::int64_t>(0, request.minutes_spent);
    msg.occurred_at = now;
    msg.created_at = now;
    msg.delivery_status = DeliveryStatus::Queued;
    msg.next_attempt_at = now;
    std::optional<Mailbox> mailbox;
    if (c.mailbox_id) mailbox = RAPPORT_TRY(mailboxes_.find(actor.workspace_id, *c.mailbox_id));
    if (!mailbox && sent_by_email(c.channel)) mailbox = RAPPORT_TRY(mailboxes_.default_for(actor.workspace_id));
    if (sent_by_email(c.channel)) {
        if (!mailbox) return fail(Error::localized(ErrorCode::Conflict, "servicedesk.no_mailbox"));
        msg.mailbox_id = mailbox->mailbox_id;
        msg.channel = "email";
        msg.from_name = mailbox->name;
        msg.from_address = mailbox->address;
        std::optional<std::string> to;
        if (row.person && row.person->email) to = row.person->email;
        if (last_inbound && last_inbound->from_address && last_inbound->from_address->find('@') != std::string::npos) {
            to = last_inbound->from_address;  // answer where the customer wrote from
        }
        if (!to) return fail(Error::localized(ErrorCode::Conflict, "servicedesk.no_recipient"));
        msg.to = {*to};
        msg.external_id =
            id_to_string(msg.message_id) + "." + id_to_string(new_id()) + "@" + address_domain(mailbox->address);
        if (last_inbound && last_inbound->external_id) {
            msg.in_reply_to = {*last_inbound->external_id};
            msg.references = last_inbound->references;
            msg.references.push_back(*last_inbound->external_id);
        }
    } else {
        if (last_inbound && last_inbound->from_address) msg.to = {*last_inbound->from_address};
    }
    std::optional<UnixMillis> next_due;
    if (auto due = RAPPORT_TRY(sla_.plan(actor.workspace_id, c.priority, c.person_id, c.company_id, now))) {
        next_due = due->next_response_due;
    }
    auto stored = RAPPORT_TRY(repo_.add_agent_message(msg, request.status_after, next_due));
    events_.changed(actor.workspace_id, conversation_id);
    return stored;
}

Result<ConversationMessage> ConversationService::note(const Principal& actor, Id conversation_id,
                                                      const std::string& text, std::int64_t minutes_spent) {
    (void)RAPPORT_TRY(workable(actor, conversation_id));
    const std::string body = trimmed(text);
    if (body.empty()) return fail(Error::localized_field("/text", "servicedesk.note_empty"));
    const UnixMillis now = clock_.now_ms();
    ConversationMessage msg;
    msg.workspace_id = actor.workspace_id;
    msg.message_id = new_id();
    msg.conversation_id = conversation_id;
    msg.kind = MessageKind::Note;
    msg.channel = "note";
    msg.author_user_id = actor.user_id;
    msg.text = body;
    msg.minutes_spent = std::max<std::int64_t>(0, minutes_spent);
    msg.occurred_at = now;
    msg.created_at = now;
    auto stored = RAPPORT_TRY(repo_.add_agent_message(msg, std::nullopt, std::nullopt));
    events_.changed(actor.workspace_id, conversation_id);
    return stored;
}

Result<ConversationRow> ConversationService::no_reply(const Principal& actor, Id conversation_id,
                                                      const std::string& reason) {
    (void)RAPPORT_TRY(workable(actor, conversation_id));
    const std::string why = trimmed(reason);
    if (why.empty()) return fail(Error::localized_field("/reason", "servicedesk.no_reply_reason_required"));
    if (!actor.user_id) return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.no_user_of_key"));
    (void)RAPPORT_TRY(
        repo_.close_without_reply(actor.workspace_id, conversation_id, *actor.user_id, why, clock_.now_ms()));
    events_.changed(actor.workspace_id, conversation_id);
    return readable(actor, conversation_id);
}

Status ConversationService::replying(const Principal& actor, Id conversation_id) {
    (void)RAPPORT_TRY(workable(actor, conversation_id));
    if (!actor.user_id) return {};
    return repo_.touch_replying(actor.workspace_id, conversation_id, *actor.user_id, clock_.now_ms());
}

Result<ConversationRow> ConversationService::merge(const Principal& actor, Id conversation_id, Id into_id) {
    if (conversation_id == into_id) return fail(Error::localized_field("/into_id", "servicedesk.merge_into_itself"));
    (void)RAPPORT_TRY(workable(actor, conversation_id));
    (void)RAPPORT_TRY(workable(actor, into_id));
    (void)RAPPORT_TRY(repo_.merge(actor.workspace_id, conversation_id, into_id, clock_.now_ms()));
    events_.changed(actor.workspace_id, conversation_id);
    events_.changed(actor.workspace_id, into_id);
    return readable(actor, into_id);
}

Result<ConversationRow> ConversationService::split(const Principal& actor, Id conversation_id, Id message_id) {
    auto row = RAPPORT_TRY(workable(actor, conversation_id));
    auto thread = RAPPORT_TRY(repo_.messages(actor.workspace_id, conversation_id));
    auto it = std::find_if(thread.begin(), thread.end(),
                           [&](const ConversationMessage& m) { return m.message_id == message_id; });
    if (it == thread.end()) {
        return fail(Error::localized_field("/message_id", "servicedesk.message_not_in_conversation",
                                           {{"id", id_to_string(message_id)}}));
    }
    if (it == thread.begin()) return fail(Error::localized_field("/message_id", "servicedesk.split_first_message"));
    const UnixMillis now = clock_.now_ms();
    Conversation fresh = row.conversation;
    fresh.conversation_id = new_id();
    fresh.number = 0;
    fresh.subject = it->subject.empty() ? row.conversation.subject : it->subject;
    fresh.status = ConversationStatus::Open;
    fresh.merged_into_id.reset();
    fresh.first_response_at.reset();
    fresh.created_at = fresh.updated_at = now;
    fresh.version = 1;
    (void)RAPPORT_TRY(repo_.split(actor.workspace_id, conversation_id, message_id, fresh));
    events_.changed(actor.workspace_id, conversation_id);
    events_.changed(actor.workspace_id, fresh.conversation_id);
    return readable(actor, fresh.conversation_id);
}

Result<ConversationMessage> ConversationService::retry(const Principal& actor, Id conversation_id, Id message_id) {
    (void)RAPPORT_TRY(workable(actor, conversation_id));
    auto thread = RAPPORT_TRY(repo_.messages(actor.workspace_id, conversation_id));
    auto it = std::find_if(thread.begin(), thread.end(),
                           [&](const ConversationMessage& m) { return m.message_id == message_id; });
    if (it == thread.end() || it->kind != MessageKind::Reply) {
        return fail(Error::localized_field("/message_id", "servicedesk.message_not_in_conversation",
                                           {{"id", id_to_string(message_id)}}));
    }
    if (it->delivery_status != DeliveryStatus::Failed) {
        return fail(Error::localized(ErrorCode::Conflict, "servicedesk.retry_not_failed"));
    }
    auto queued = RAPPORT_TRY(repo_.requeue(actor.workspace_id, message_id, clock_.now_ms()));
    events_.changed(actor.workspace_id, conversation_id);
    return queued;
}

Result<std::vector<ConversationMessage>> ConversationService::outbox(const Principal& actor, const std::string& channel,
                                                                     int limit) {
    if (!role_at_least(actor.role, Role::Member)) {
        return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.read_only_role",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    if (channel.empty() || sent_by_email(channel)) {
        return fail(Error::localized_field("?channel", "servicedesk.outbox_channel"));
    }
    return repo_.channel_outbox(actor.workspace_id, channel, limit);
}

Result<ConversationMessage> ConversationService::delivered(const Principal& actor, Id message_id, bool ok,
                                                           const std::string& error) {
    if (!role_at_least(actor.role, Role::Member)) {
        return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.read_only_role",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    auto found = RAPPORT_TRY(repo_.find_message(actor.workspace_id, message_id));
    if (!found || found->kind != MessageKind::Reply || sent_by_email(found->channel) || !found->conversation_id) {
        return fail(Error::localized(ErrorCode::NotFound, "servicedesk.outbox_message_not_found",
                                     {{"id", id_to_string(message_id)}}));
    }
    const UnixMillis now = clock_.now_ms();
    if (ok) {
        RAPPORT_CHECK(repo_.mark_sent(actor.workspace_id, message_id, now));
    } else {
        RAPPORT_CHECK(
            repo_.mark_attempt_failed(actor.workspace_id, message_id, error.empty() ? "failed" : error, std::nullopt));
    }
    events_.changed(actor.workspace_id, *found->conversation_id);
    auto after = RAPPORT_TRY(repo_.find_message(actor.workspace_id, message_id));
    return std::move(*after);
}

Result<Attachment> ConversationService::attachment(const Principal& actor, Id conversation_id, Id attachment_id) {
    (void)RAPPORT_TRY(readable(actor, conversation_id));
    auto found = RAPPORT_TRY(repo_.attachment(actor.workspace_id, conversation_id, attachment_id));
    if (!found) {
        return fail(Error::localized(ErrorCode::NotFound, "servicedesk.attachment_not_found",
                                     {{"id", id_to_string(attachment_id)}}));
    }
    return std::move(*found);
}

Result<std::string> ConversationService::raw_source(const Principal& actor, Id conversation_id, Id message_id) {
    (void)RAPPORT_TRY(readable(actor, conversation_id));
    auto thread = RAPPORT_TRY(repo_.messages(actor.workspace_id, conversation_id));
    const bool ours = std::any_of(thread.begin(), thread.end(),
                                  [&](const ConversationMessage& m) { return m.message_id == message_id; });
    std::optional<std::string> raw;
    if (ours) raw = RAPPORT_TRY(repo_.raw_source(actor.workspace_id, message_id));
    if (!raw) {
        return fail(
            Error::localized(ErrorCode::NotFound, "servicedesk.source_not_found", {{"id", id_to_string(message_id)}}));
    }
    return std::move(*raw);
}

}  // namespace rapport::domain::servicedesk
