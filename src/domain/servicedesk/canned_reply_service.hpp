#pragma once
// Canned replies as agents use them: every member reads them and renders one for a
// conversation they may work on; managers and above write them. A body with an unknown
// placeholder is refused on save, naming it.
#include <functional>

#include "domain/customers/customer_service.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/identity/user_directory.hpp"
#include "domain/servicedesk/canned_reply_repository.hpp"
#include "domain/servicedesk/conversation_service.hpp"

namespace rapport::domain::servicedesk {

struct CannedReplyInput {
    std::optional<std::string> name, language, body;
};

class CannedReplyService {
public:
    CannedReplyService(CannedReplyRepository& repo, ConversationService& conversations,
                       customers::CustomerService& customers, ActorDirectory& actors, UserDirectory& users,
                       const Clock& clock)
        : repo_(repo),
          conversations_(conversations),
          customers_(customers),
          actors_(actors),
          users_(users),
          clock_(clock) {}

    Result<std::vector<CannedReply>> list(const Principal& actor);
    Result<CannedReply> create(const Principal& actor, const CannedReplyInput& input);
    Result<CannedReply> update(const Principal& actor, Id canned_reply_id, const CannedReplyInput& input);
    Status remove(const Principal& actor, Id canned_reply_id);

    struct Rendered {
        std::string text;
        std::string language;  // of the version used
        Id canned_reply_id = 0;
    };
    // The template (or its version in the customer's language) filled for the conversation.
    Result<Rendered> render(const Principal& actor, Id conversation_id, Id canned_reply_id);

private:
    Status require_member(const Principal& actor);
    Status require_manager(const Principal& actor);
    Result<CannedReply> existing(const Principal& actor, Id canned_reply_id);
    Status validate(const CannedReply& reply);

    CannedReplyRepository& repo_;
    ConversationService& conversations_;
    customers::CustomerService& customers_;
    ActorDirectory& actors_;
    UserDirectory& users_;
    const Clock& clock_;
};

}  // namespace rapport::domain::servicedesk
