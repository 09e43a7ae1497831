#include "domain/identity/api_key_service.hpp"

#include "core/crypto.hpp"
#include "core/utf8.hpp"
#include "domain/audit/audit_of.hpp"
#include "domain/identity/audit_detail.hpp"
#include "domain/identity/credentials.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain {

Result<CreatedApiKey> ApiKeyService::create_api_key(const Principal& actor, const std::string& name, Role role,
                                                    const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "identity.action_creating_api_keys"));
    if (name.empty() || code_points(name) > 100)
        return fail(Error::localized_field("/name", "identity.api_key_name_invalid"));
    if (!role_at_least(actor.role, role)) {
        return fail(Error::localized(ErrorCode::Forbidden, "identity.api_key_too_powerful",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    ApiKey key;
    key.workspace_id = actor.workspace_id;
    key.key_id = new_id();
    key.name = name;
    key.role = role;
    const std::string secret = crypto::random_token();
    key.secret_hash = crypto::hash_token(secret);
    key.created_by_user_id = actor.user_id;
    key.created_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.create_api_key(
        key, audit_of(actor, clock_.now_ms(), "api_key.created", "api_key", id_to_string(key.key_id), ip,
                      "{\"name\":" + json_quote(name) + ",\"role\":" + json_quote(to_string(role)) + "}")));
    return CreatedApiKey{key, format_credential(CredentialKind::ApiKey, key.workspace_id, key.key_id, secret)};
}

Result<Page<ApiKey>> ApiKeyService::list_api_keys(const Principal& actor, const PageRequest& page) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "identity.action_listing_api_keys"));
    return repo_.list_api_keys(actor.workspace_id, page);
}

Status ApiKeyService::revoke_api_key(const Principal& actor, Id key_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "identity.action_revoking_api_keys"));
    RAPPORT_CHECK(
        repo_.revoke_api_key(actor.workspace_id, key_id, clock_.now_ms(),
                             audit_of(actor, clock_.now_ms(), "api_key.revoked", "api_key", id_to_string(key_id), ip)));
    cache_.invalidate();
    return {};
}

}  // namespace rapport::domain
