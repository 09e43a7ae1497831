#pragma once
// Canned replies in SQL (both engines).
#include "domain/servicedesk/canned_reply_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlCannedReplyRepository final : public domain::servicedesk::CannedReplyRepository {
public:
    explicit SqlCannedReplyRepository(Database& db) : db_(db) {}

    using CannedReply = domain::servicedesk::CannedReply;

    Result<std::vector<CannedReply>> list(Id workspace_id) override;
    Result<std::optional<CannedReply>> find(Id workspace_id, Id canned_reply_id) override;
    Status insert(const CannedReply& reply) override;
    Status update(const CannedReply& reply) override;
    Status remove(Id workspace_id, Id canned_reply_id) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
