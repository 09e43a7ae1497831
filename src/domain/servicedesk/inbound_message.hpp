#pragma once
// A customer message as any channel delivers it, before it is matched to a person and
// threaded into a conversation. The email channel fills it from a parsed MIME message
// (src/app/servicedesk maps src/mail's ParsedMail onto it); the API and the web form fill it
// from their requests.
#include <optional>
#include <string>
#include <vector>

#include "domain/servicedesk/conversation.hpp"

namespace rapport::domain::servicedesk {

struct Sender {
    std::string name;
    std::optional<std::string> email;  // lower-cased
    std::optional<std::string> phone;  // as given; normalised to E.164 for matching
};

// What a delivery status notification says about a message Rapport sent.
struct DeliveryNotice {
    std::string original_message_id;  // the Message-ID of the returned reply
    bool failed = false;              // action "failed" (a delay is only recorded)
    std::string detail;               // status and diagnostic, for the agent
};

struct InboundMessage {
    Id workspace_id = 0;
    std::string channel;                     // "email", "web_form", a bridge's name
    std::optional<Id> mailbox_id;            // the mailbox it was read from
    std::optional<Id> team_id;               // the team whose inbox a new conversation lands in
    std::optional<std::string> external_id;  // Message-ID or the channel's id: stored at most once
    Sender sender;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::string subject;
    std::string text;
    std::string html;
    std::vector<std::string> in_reply_to;
    std::vector<std::string> references;
    std::optional<AutoKind> auto_kind;
    std::optional<DeliveryNotice> delivery_notice;
    std::vector<Attachment> attachments;
    UnixMillis occurred_at = 0;
    // The message as it arrived (for email the whole RFC 5322 source), kept verbatim.
    std::optional<std::string> raw;
};

// What happened to an inbound message.
struct IntakeResult {
    enum class Outcome {
        Stored,     // a new customer message in a conversation (new or existing)
        Duplicate,  // its external id was stored before: nothing written
        Automatic,  // an auto-reply or delivery report: stored, no conversation created or reopened
    };
    Outcome outcome = Outcome::Stored;
    Id message_id = 0;
    std::optional<Id> conversation_id;
    bool created_conversation = false;
    bool created_person = false;
    std::optional<Id> person_id;
};

}  // namespace rapport::domain::servicedesk
