#pragma once
// The identity use cases: bootstrap, login/logout, authenticating bearer credentials,
// users, API keys and role grants. Enforces who may do what (roles) and writes the
// audit trail through the repository. Knows neither HTTP nor SQL. Thread-safe.
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/identity/entities.hpp"
#include "domain/identity/identity_repository.hpp"
#include "domain/identity/login_throttle.hpp"

namespace rapport::domain {

struct LoginRequest {
    std::string email;
    std::string password;
    std::optional<std::string> workspace;  // slug; needed only when the account has several
    std::string ip;
};

struct LoginResult {
    std::string token;  // the session cookie value
    std::string csrf_token;
    UnixMillis expires_at = 0;
    User user;
    Workspace workspace;
};

struct UserInput {
    std::optional<std::string> email;
    std::optional<std::string> display_name;
    std::optional<Role> role;
    std::optional<std::string> language;
    std::optional<std::string> password;
    std::optional<bool> active;
};

struct CreatedApiKey {
    ApiKey key;
    std::string token;  // shown once
};

struct BootstrapResult {
    Workspace workspace;
    User owner;
};

class IdentityService {
public:
    struct Options {
        UnixMillis session_ttl_ms = 7LL * 24 * 3600 * 1000;
        UnixMillis auth_cache_ttl_ms = 5000;  // how long another server's revocation may take to bite
    };

    IdentityService(IdentityRepository& repo, const Clock& clock, LoginThrottle& throttle, Options options);

    // Creates a workspace and its owner (the CLI's `admin bootstrap`, the demo loader).
    Result<BootstrapResult> bootstrap(const std::string& workspace_name, const std::string& email,
                                      const std::string& password, const std::string& display_name);

    Result<LoginResult> login(const LoginRequest& request);
    Status logout(const Principal& principal, const std::string& ip);

    // Resolves a session or API key token. Unauthenticated with a reason a person can act on.
    Result<Principal> authenticate(std::string_view token);
    // The CSRF token that goes with a session token (derived, never stored).
    static std::string csrf_token_for(std::string_view session_token);

    Result<Workspace> workspace_of(const Principal& principal);
    Result<std::vector<User>> memberships_of(const User& user);
    Result<Actor> actor_for(const Principal& principal);

    Result<Page<User>> list_users(const Principal& actor, const PageRequest& page);
    // A partner user (B2B2C) gets themselves only from these two.
    Result<User> get_user(const Principal& actor, Id user_id);
    // Whether the actor is a buyer's partner user.
    Result<bool> is_partner(const Principal& actor);
    Result<User> create_user(const Principal& actor, const UserInput& input, const std::string& ip);
    Result<User> update_user(const Principal& actor, Id user_id, const UserInput& input, const std::string& ip);

    Result<CreatedApiKey> create_api_key(const Principal& actor, const std::string& name, Role role,
                                         const std::string& ip);
    Result<Page<ApiKey>> list_api_keys(const Principal& actor, const PageRequest& page);
    Status revoke_api_key(const Principal& actor, Id key_id, const std::string& ip);

    Result<RoleGrants> role_grants(const Principal& actor);
    Status set_role_grant(const Principal& actor, const RoleGrant& grant, const std::string& ip);

    // A principal acting for the operator at the command line (CLI), as owner of `workspace`.
    static Principal operator_principal(Id workspace_id);

    // Forgets cached authentications (after any change that may revoke access).
    void invalidate_auth_cache();

private:
    AuditEntry audit(const Principal& actor, std::string action, std::optional<std::string> target_type,
                     std::optional<std::string> target_id, const std::string& ip, std::string detail = "{}") const;
    Result<Principal> authenticate_uncached(std::string_view token);

    IdentityRepository& repo_;
    const Clock& clock_;
    LoginThrottle& throttle_;
    Options options_;

    struct CachedAuth {
        Principal principal;
        UnixMillis expires_at;
    };
    std::shared_mutex cache_mutex_;
    std::unordered_map<std::string, CachedAuth> auth_cache_;
    std::unordered_map<Id, UnixMillis> key_touched_;  // API key id -> last last_used_at write
    // Read on nearly every request (GET /me, permission checks); changed rarely.
    struct CachedWorkspace {
        Workspace workspace;
        RoleGrants grants;
        UnixMillis expires_at;
    };
    std::unordered_map<Id, CachedWorkspace> workspace_cache_;
    Result<CachedWorkspace> cached_workspace(Id workspace_id);
};

// Role checks with messages that say what is needed.
Status require_role(const Principal& actor, Role needed, std::string_view action);

}  // namespace rapport::domain
