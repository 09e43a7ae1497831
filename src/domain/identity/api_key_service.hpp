#pragma once
// A workspace's API keys: created (the token is shown once), listed, revoked. Admins
// only; a key never has more power than its creator. A revocation invalidates the
// AuthCache, so the key stops working at once on this server. Knows neither HTTP nor SQL.
// Thread-safe.
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/identity/api_key_repository.hpp"
#include "domain/identity/auth_cache.hpp"
#include "domain/identity/entities.hpp"
#include "domain/page.hpp"

namespace rapport::domain {

struct CreatedApiKey {
    ApiKey key;
    std::string token;  // shown once
};

class ApiKeyService {
public:
    ApiKeyService(ApiKeyRepository& repo, AuthCache& cache, const Clock& clock)
        : repo_(repo), cache_(cache), clock_(clock) {}

    // Field error "/name" for a name that is empty or longer than 100 characters.
    Result<CreatedApiKey> create_api_key(const Principal& actor, const std::string& name, Role role,
                                         const std::string& ip);
    Result<Page<ApiKey>> list_api_keys(const Principal& actor, const PageRequest& page);
    Status revoke_api_key(const Principal& actor, Id key_id, const std::string& ip);

private:
    ApiKeyRepository& repo_;
    AuthCache& cache_;
    const Clock& clock_;
};

}  // namespace rapport::domain
