#include "domain/servicedesk/intake_service.hpp"

#include <algorithm>

#include "domain/customers/phone.hpp"

namespace rapport::domain::servicedesk {

using customers::EntityType;

namespace {

// The channel acts for the workspace: it sees every record (a sender must be found wherever
// they are) and the people it creates have no owner until an agent takes them.
Principal channel_principal(Id workspace_id, const std::string& channel) {
    Principal p;
    p.method = Principal::Method::ApiKey;
    p.workspace_id = workspace_id;
    p.role = Role::Owner;
    p.label = "channel:" + channel;
    return p;
}

// "Ada Lovelace" -> {"Ada", "Lovelace"}; a single word is a first name.
std::pair<std::string, std::string> split_name(const std::string& name) {
    auto begin = name.find_first_not_of(" \t\"'");
    auto end = name.find_last_not_of(" \t\"'");
    if (begin == std::string::npos) return {};
    std::string trimmed = name.substr(begin, end - begin + 1);
    auto space = trimmed.rfind(' ');
    if (space == std::string::npos) return {trimmed, ""};
    return {trimmed.substr(0, space), trimmed.substr(space + 1)};
}

std::optional<Id> company_of(const customers::CustomerRecord& person) {
    if (auto it = person.fields.find("buyer_company_id"); it != person.fields.end() && it->is_string()) {
        if (auto id = parse_id(it->get<std::string>())) return id;
    }
    return std::nullopt;
}

}  // namespace

Result<IntakeService::Match> IntakeService::match_sender(Id ws, const std::string& channel, const Sender& sender,
                                                         std::optional<Id> team_id) {
    const Principal principal = channel_principal(ws, channel);
    Match match;
    std::optional<customers::CustomerRecord> found;
    if (sender.email && !sender.email->empty()) {
        auto records = RAPPORT_TRY(customers_.find_by_field(principal, EntityType::Person, "email", {*sender.email}));
        if (!records.empty()) found = records.front();
    }
    std::optional<std::string> e164;
    if (sender.phone && !sender.phone->empty()) {
        if (auto normalised = customers::to_e164(*sender.phone, std::nullopt)) e164 = *normalised;
    }
    if (!found && e164) {
        auto records = RAPPORT_TRY(customers_.find_by_field(principal, EntityType::Person, "phone", {*e164}));
        if (!records.empty()) found = records.front();
    }
    if (!found) {
        if ((!sender.email || sender.email->empty()) && !e164) return match;  // nobody to match or create
        customers::CustomerInput input;
        auto [first, last] = split_name(sender.name);
        if (first.empty() && sender.email) first = sender.email->substr(0, sender.email->find('@'));
        if (first.empty() && e164) first = *e164;
        // A person needs both names; "Ada <ada@example.test>" or a bare address has one at most,
        // and refusing the person would stop the mailbox at this message for ever.
        if (last.empty()) last = sender.email && !sender.email->empty() ? *sender.email : e164.value_or(first);
        if (!first.empty()) input.fields["first_name"] = first;
        if (!last.empty()) input.fields["last_name"] = last;
        if (sender.email && !sender.email->empty()) input.fields["email"] = *sender.email;
        if (e164) input.fields["phone"] = *e164;
        input.invalid_values = customers::InvalidValues::Flag;  // never lose a sender over a bad value
        // The team whose inbox the message lands in looks after the new customer.
        if (team_id) input.team_id = std::optional<Id>{*team_id};
        customers::Source source{customers::SourceKind::Connector, "channel:" + channel,
                                 customers::DataKind::FirstParty};
        auto created = RAPPORT_TRY(customers_.create(principal, EntityType::Person, input, source));
        match.person_id = created.id;
        match.company_id = company_of(created);
        match.created = true;
        if (check_duplicates_) (void)check_duplicates_(ws, created.id);  // the review queue; never blocks intake
        return match;
    }
    match.person_id = found->id;
    match.company_id = company_of(*found);
    if (!match.company_id) {
        auto affiliations = customers_.affiliations(principal, found->id);
        if (affiliations) {
            for (const auto& a : *affiliations) {
                if (a.is_primary || !match.company_id) match.company_id = a.company_id;
            }
        }
    }
    return match;
}

Result<std::optional<Id>> IntakeService::thread(const InboundMessage& m, const PendingThreads* pending) {
    std::vector<std::string> ids = m.in_reply_to;
    ids.insert(ids.end(), m.references.begin(), m.references.end());
    if (pending) {  // the batch's own messages are not stored yet: the newest one cited wins
        for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
            if (auto it = pending->find(*id); it != pending->end()) return std::optional<Id>{it->second};
        }
    }
    if (!ids.empty()) {
        if (auto found = RAPPORT_TRY(repo_.thread_of(m.workspace_id, ids))) return found;
    }
    if (auto number = find_ticket_reference(m.subject)) {
        if (auto found = RAPPORT_TRY(repo_.by_number(m.workspace_id, *number))) return found;
    }
    return std::optional<Id>{};
}

Result<IntakeResult> IntakeService::receive_automatic(InboundMessage m) {
    IntakeResult result;
    result.outcome = IntakeResult::Outcome::Automatic;
    if (m.delivery_notice && m.delivery_notice->failed) {
        auto original = RAPPORT_TRY(repo_.find_by_external_id(m.workspace_id, m.delivery_notice->original_message_id));
        if (original && original->kind == MessageKind::Reply) {
            RAPPORT_CHECK(repo_.mark_reply_bounced(m.workspace_id, original->message_id, m.delivery_notice->detail));
            if (original->conversation_id) {
                m.in_reply_to = {m.delivery_notice->original_message_id};
            }
        }
    }
    auto conversation = RAPPORT_TRY(thread(m));
    InboundWrite write;
    write.timeline = false;
    write.raw = std::move(m.raw);
    auto& msg = write.message;
    msg.workspace_id = m.workspace_id;
    msg.message_id = new_id();
    msg.conversation_id = conversation;
    msg.kind = MessageKind::Auto;
    msg.auto_kind = m.auto_kind.value_or(m.delivery_notice ? AutoKind::DeliveryReport : AutoKind::AutoReply);
    msg.channel = m.channel;
    msg.external_id = m.external_id;
    msg.mailbox_id = m.mailbox_id;
    msg.from_name = m.sender.name;
    msg.from_address = m.sender.email;
    msg.to = m.to;
    msg.cc = m.cc;
    msg.subject = m.subject;
    msg.text = m.text;
    msg.html = m.html;
    msg.in_reply_to = m.in_reply_to;
    msg.references = m.references;
    msg.attachments = std::move(m.attachments);
    msg.occurred_at = m.occurred_at;
    msg.created_at = clock_.now_ms();
    write.existing_conversation_id = conversation;
    auto stored = RAPPORT_TRY(repo_.store_inbound(write));
    if (!stored) {
        result.outcome = IntakeResult::Outcome::Duplicate;
        return result;
    }
    result.message_id = stored->message_id;
    result.conversation_id = conversation;
    if (conversation) events_.changed(m.workspace_id, *conversation);
    return result;
}

Result<IntakeService::Prepared> IntakeService::prepare(InboundMessage m, const PendingThreads* pending) {
    Prepared prepared;
    if (m.occurred_at == 0) m.occurred_at = clock_.now_ms();
    if (m.external_id) {
        if (auto existing = RAPPORT_TRY(repo_.find_by_external_id(m.workspace_id, *m.external_id))) {
            IntakeResult dup;
            dup.outcome = IntakeResult::Outcome::Duplicate;
            dup.message_id = existing->message_id;
            dup.conversation_id = existing->conversation_id;
            dup.person_id = existing->person_id;
            prepared.done = dup;
            return prepared;
        }
    }
    if (m.auto_kind || m.delivery_notice) {
        prepared.done = RAPPORT_TRY(receive_automatic(std::move(m)));
        return prepared;
    }

    const UnixMillis now = clock_.now_ms();
    auto sender = RAPPORT_TRY(match_sender(m.workspace_id, m.channel, m.sender, m.team_id));
    auto conversation_id = RAPPORT_TRY(thread(m, pending));

    InboundWrite& write = prepared.write;
    write.raw = std::move(m.raw);
    auto& msg = write.message;
    msg.workspace_id = m.workspace_id;
    msg.message_id = new_id();
    msg.kind = MessageKind::Inbound;
    msg.channel = m.channel;
    msg.external_id = m.external_id;
    msg.mailbox_id = m.mailbox_id;
    msg.from_name = m.sender.name;
    msg.from_address = m.sender.email ? m.sender.email : m.sender.phone;
    msg.to = m.to;
    msg.cc = m.cc;
    msg.subject = m.subject;
    msg.text = m.text;
    msg.html = m.html;
    msg.person_id = sender.person_id;
    msg.in_reply_to = m.in_reply_to;
    msg.references = m.references;
    msg.attachments = std::move(m.attachments);
    msg.occurred_at = m.occurred_at;
    msg.created_at = now;

    if (conversation_id) {
        msg.conversation_id = conversation_id;
        write.existing_conversation_id = conversation_id;
        // A new customer message starts the next-response clock (used when none was waiting).
        if (auto current = RAPPORT_TRY(repo_.find(m.workspace_id, *conversation_id))) {
            if (auto due = RAPPORT_TRY(sla_.plan(m.workspace_id, current->priority, current->person_id,
                                                 current->company_id, m.occurred_at))) {
                write.next_response_due = due->next_response_due;
            }
        }
    } else {
        Conversation c;
        c.workspace_id = m.workspace_id;
        c.conversation_id = new_id();
        c.subject = m.subject;
        c.channel = m.channel;
        c.mailbox_id = m.mailbox_id;
        c.team_id = m.team_id;
        if (assignment_ && c.team_id) {  // the team's automatic assignment; never blocks intake
            if (auto who = assignment_->assign_new(m.workspace_id, *c.team_id, c.conversation_id)) {
                c.assignee_user_id = *who;
            }
        }
        c.person_id = sender.person_id;
        c.company_id = sender.company_id;
        c.status = ConversationStatus::New;
        c.created_at = c.updated_at = now;
        c.last_message_at = m.occurred_at;
        if (auto due = RAPPORT_TRY(sla_.plan(m.workspace_id, c.priority, c.person_id, c.company_id, m.occurred_at))) {
            c.sla_policy_id = due->policy_id;
            c.first_response_due_at = due->first_response_due;
            c.next_response_due_at = due->next_response_due;
            c.resolution_due_at = due->resolution_due;
            c.sla_warn_minutes = due->warn_before_minutes;
        }
        msg.conversation_id = c.conversation_id;
        write.new_conversation = std::move(c);
    }
    prepared.sender = sender;
    return prepared;
}

IntakeResult IntakeService::finish(const Prepared& prepared, const ConversationMessage& stored) {
    IntakeResult result;
    result.message_id = stored.message_id;
    result.conversation_id = stored.conversation_id;
    result.created_conversation = prepared.write.new_conversation.has_value();
    result.created_person = prepared.sender.created;
    result.person_id = prepared.sender.person_id;
    if (result.conversation_id) events_.changed(stored.workspace_id, *result.conversation_id);
    return result;
}

namespace {

IntakeResult stored_meanwhile() {  // the same external id was stored meanwhile by another fetch
    IntakeResult result;
    result.outcome = IntakeResult::Outcome::Duplicate;
    return result;
}

}  // namespace

Result<IntakeResult> IntakeService::receive(InboundMessage m) {
    auto prepared = RAPPORT_TRY(prepare(std::move(m), nullptr));
    if (prepared.done) return *prepared.done;
    auto stored = RAPPORT_TRY(repo_.store_inbound(prepared.write));
    if (!stored) return stored_meanwhile();
    return finish(prepared, *stored);
}

std::vector<Result<IntakeResult>> IntakeService::receive_batch(std::vector<InboundMessage> messages) {
    std::vector<Result<IntakeResult>> results;
    results.reserve(messages.size());
    std::vector<Prepared> prepared;  // the customer messages to write, in order
    std::vector<std::size_t> slot;   // each one's place in results
    PendingThreads pending;
    for (auto& m : messages) {
        auto p = prepare(std::move(m), &pending);
        if (!p) {
            results.emplace_back(fail(std::move(p).error()));
        } else if (p->done) {
            results.emplace_back(*p->done);
        } else {
            const auto& msg = p->write.message;
            if (msg.external_id && msg.conversation_id) pending.emplace(*msg.external_id, *msg.conversation_id);
            slot.push_back(results.size());
            results.emplace_back(IntakeResult{});
            prepared.push_back(std::move(*p));
        }
    }
    if (prepared.empty()) return results;
    std::vector<InboundWrite> writes;
    writes.reserve(prepared.size());
    for (const auto& p : prepared) writes.push_back(p.write);
    if (auto stored = repo_.store_inbound_batch(writes)) {
        for (std::size_t i = 0; i < prepared.size(); ++i) {
            const auto& one = (*stored)[i];
            results[slot[i]] = one ? finish(prepared[i], *one) : stored_meanwhile();
        }
        return results;
    }
    // The batch was rolled back whole: each message on its own, in order, so a reply still
    // finds the conversation an earlier message of the batch created.
    for (std::size_t i = 0; i < prepared.size(); ++i) {
        auto one = repo_.store_inbound(prepared[i].write);
        if (!one) {
            results[slot[i]] = fail(std::move(one).error());
        } else {
            results[slot[i]] = *one ? finish(prepared[i], **one) : stored_meanwhile();
        }
    }
    return results;
}

}  // namespace rapport::domain::servicedesk
