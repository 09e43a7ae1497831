#pragma once
// Every customer message enters here, whatever its channel: it is stored exactly once (its
// external id is the key), its sender is matched to a person by email or phone or becomes a
// new person (source: the channel, first-party data, checked against the duplicate rules),
// and it is threaded into a conversation: by Message-ID, In-Reply-To and References, then by
// a ticket reference in the subject, else a new conversation. Auto-replies and delivery
// reports are stored too, but never create or reopen a conversation; a delivery report about
// one of our replies marks that reply failed.
#include <functional>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/servicedesk/assignment_rule.hpp"
#include "domain/servicedesk/conversation_events.hpp"
#include "domain/servicedesk/conversation_repository.hpp"
#include "domain/servicedesk/inbound_message.hpp"
#include "domain/servicedesk/sla_planner.hpp"

namespace rapport::domain::servicedesk {

// Records the duplicate pairs of a new person (the duplicates area, adapted by the module).
using DuplicateCheck = std::function<Status(Id workspace_id, Id person_id)>;

class IntakeService {
public:
    IntakeService(ConversationRepository& repo, customers::CustomerService& customers, SlaPlanner& sla,
                  ConversationEvents& events, DuplicateCheck check_duplicates, const Clock& clock)
        : repo_(repo),
          customers_(customers),
          sla_(sla),
          events_(events),
          check_duplicates_(std::move(check_duplicates)),
          clock_(clock) {}

    Result<IntakeResult> receive(InboundMessage message);
    // A mailbox's batch: each message is checked, matched and threaded as receive() does, and
    // the customer messages are written in one transaction (one commit for the batch). A reply
    // to a message of the same batch joins its conversation. Should the batch's write fail, each
    // message is stored on its own, so one bad message cannot hold the others back. One result
    // per message, in order.
    std::vector<Result<IntakeResult>> receive_batch(std::vector<InboundMessage> messages);

    // Who picks the agent of a new conversation filed with a team (none: left unassigned).
    void set_assignment_policy(AssignmentPolicy* policy) { assignment_ = policy; }

private:
    struct Match {
        std::optional<Id> person_id;
        std::optional<Id> company_id;
        bool created = false;
    };
    Result<Match> match_sender(Id workspace_id, const std::string& channel, const Sender& sender,
                               std::optional<Id> team_id);
    // External ids written by the batch being prepared, with their conversation.
    using PendingThreads = std::unordered_map<std::string, Id>;
    // A customer message ready to be written, or what became of it already (a duplicate, an
    // automatic message).
    struct Prepared {
        std::optional<IntakeResult> done;
        InboundWrite write;
        Match sender;
    };
    Result<Prepared> prepare(InboundMessage message, const PendingThreads* pending);
    IntakeResult finish(const Prepared& prepared, const ConversationMessage& stored);
    Result<std::optional<Id>> thread(const InboundMessage& message, const PendingThreads* pending = nullptr);
    Result<IntakeResult> receive_automatic(InboundMessage message);

    ConversationRepository& repo_;
    customers::CustomerService& customers_;
    SlaPlanner& sla_;
    ConversationEvents& events_;
    DuplicateCheck check_duplicates_;
    const Clock& clock_;
    AssignmentPolicy* assignment_ = nullptr;
};

}  // namespace rapport::domain::servicedesk
