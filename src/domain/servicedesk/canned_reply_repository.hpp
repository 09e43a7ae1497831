#pragma once
// Storing canned replies (one row per name and language in a workspace). Thread-safe.
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/servicedesk/canned_reply.hpp"

namespace rapport::domain::servicedesk {

class CannedReplyRepository {
public:
    virtual ~CannedReplyRepository() = default;

    // The workspace's templates by name, then language.
    virtual Result<std::vector<CannedReply>> list(Id workspace_id) = 0;
    virtual Result<std::optional<CannedReply>> find(Id workspace_id, Id canned_reply_id) = 0;
    // Conflict when the workspace has a template with the same name and language.
    virtual Status insert(const CannedReply& reply) = 0;
    virtual Status update(const CannedReply& reply) = 0;
    virtual Status remove(Id workspace_id, Id canned_reply_id) = 0;
};

}  // namespace rapport::domain::servicedesk
