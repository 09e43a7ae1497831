#pragma once
// Signing in and out, and resolving a bearer credential (session cookie or API key) to a
// Principal. Failed sign-ins are throttled (LoginThrottle) and audited in the workspaces
// whose user was guessed at. Resolved credentials are kept in the AuthCache; sign-out
// invalidates it. Knows neither HTTP nor SQL. Thread-safe.
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/identity/auth_cache.hpp"
#include "domain/identity/authentication_repository.hpp"
#include "domain/identity/entities.hpp"
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

class AuthenticationService {
public:
    struct Options {
        UnixMillis session_ttl_ms = 7LL * 24 * 3600 * 1000;
    };

    AuthenticationService(AuthenticationRepository& repo, AuthCache& cache, const Clock& clock, LoginThrottle& throttle,
                          Options options);

    // Opens a session. Unauthenticated (the same answer for an unknown email and a wrong
    // password), RateLimited while throttled, Validation for a workspace the account is
    // not a member of.
    Result<LoginResult> login(const LoginRequest& request);
    // Ends the principal's session. Validation for an API key.
    Status logout(const Principal& principal, const std::string& ip);

    // Resolves a session or API key token. Unauthenticated with a reason a person can act on.
    Result<Principal> authenticate(std::string_view token);
    // The CSRF token that goes with a session token (derived, never stored).
    static std::string csrf_token_for(std::string_view session_token);

private:
    Result<Principal> authenticate_uncached(std::string_view token);

    AuthenticationRepository& repo_;
    AuthCache& cache_;
    const Clock& clock_;
    LoginThrottle& throttle_;
    Options options_;

    std::mutex touched_mutex_;
    std::unordered_map<Id, UnixMillis> key_touched_;  // API key id -> last last_used_at write
};

}  // namespace rapport::domain
