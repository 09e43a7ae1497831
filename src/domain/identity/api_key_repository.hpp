#pragma once
// What managing a workspace's API keys needs from storage (ApiKeyService). A method that
// takes an AuditEntry writes it in the same transaction as the change. Every query is
// scoped by workspace_id. Implementations must be thread-safe.
#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/identity/entities.hpp"
#include "domain/page.hpp"

namespace rapport::domain {

class ApiKeyRepository {
public:
    virtual ~ApiKeyRepository() = default;

    virtual Status create_api_key(const ApiKey& key, const AuditEntry& audit) = 0;
    virtual Result<Page<ApiKey>> list_api_keys(Id workspace_id, const PageRequest& page) = 0;
    virtual Status revoke_api_key(Id workspace_id, Id key_id, UnixMillis now, const AuditEntry& audit) = 0;
};

}  // namespace rapport::domain
