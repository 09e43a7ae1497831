#include "domain/identity/authentication_service.hpp"

#include "core/crypto.hpp"
#include "domain/audit/audit_of.hpp"
#include "domain/identity/credentials.hpp"
#include "domain/identity/validation.hpp"

namespace rapport::domain {

namespace {

constexpr UnixMillis kTouchEveryMs = 60 * 1000;

Error bad_credentials() {
    // Same answer for an unknown email and a wrong password: no account enumeration.
    return Error::localized(ErrorCode::Unauthenticated, "identity.bad_credentials");
}

}  // namespace

AuthenticationService::AuthenticationService(AuthenticationRepository& repo, AuthCache& cache, const Clock& clock,
                                             LoginThrottle& throttle, Options options)
    : repo_(repo), cache_(cache), clock_(clock), throttle_(throttle), options_(options) {}

Result<LoginResult> AuthenticationService::login(const LoginRequest& request) {
    auto email = normalize_email(request.email);
    if (!email) return fail(Error::localized_field("/email", "common.email_invalid"));
    if (auto refused = throttle_.check(*email, request.ip)) {
        const std::string wait = std::to_string(refused->retry_after_s);
        Error e =
            Error::localized(ErrorCode::RateLimited,
                             refused->scope == LoginThrottle::Refusal::Scope::Address ? "identity.throttled_address"
                                                                                      : "identity.throttled_account",
                             {{"count", wait}});
        e.retry_after_seconds = refused->retry_after_s;
        return fail(std::move(e));
    }
    auto account = RAPPORT_TRY(repo_.find_account_by_email(*email));
    const bool ok = account && crypto::verify_password(account->password_hash, request.password);
    std::vector<User> members;
    if (account) members = RAPPORT_TRY(repo_.memberships(account->account_id));
    if (!ok) {
        throttle_.record_failure(*email, request.ip);
        for (const auto& m : members) {  // the workspaces whose user is being guessed at see it
            Principal p;
            p.workspace_id = m.workspace_id;
            p.label = *email;
            (void)repo_.append_audit(
                audit_of(p, clock_.now_ms(), "auth.login_failed", "user", id_to_string(m.user_id), request.ip));
        }
        return fail(bad_credentials());
    }
    std::erase_if(members, [](const User& u) { return !u.active; });
    if (members.empty()) return fail(Error::localized(ErrorCode::Unauthenticated, "identity.no_active_membership"));

    const User* chosen = nullptr;
    Workspace workspace;
    if (request.workspace) {
        for (const auto& m : members) {
            auto ws = RAPPORT_TRY(repo_.find_workspace(m.workspace_id));
            if (ws && ws->slug == *request.workspace) {
                chosen = &m;
                workspace = *ws;
            }
        }
        if (!chosen)
            return fail(Error::localized_field("/workspace", "identity.not_member_of_workspace",
                                               {{"workspace", *request.workspace}}));
    } else {
        chosen = &members.front();
        auto ws = RAPPORT_TRY(repo_.find_workspace(chosen->workspace_id));
        if (!ws) return fail(Error::internal("workspace of a membership is missing"));
        workspace = *ws;
    }
    throttle_.record_success(*email, request.ip);

    const UnixMillis now = clock_.now_ms();
    Session session;
    session.workspace_id = chosen->workspace_id;
    session.session_id = new_id();
    session.user_id = chosen->user_id;
    const std::string secret = crypto::random_token();
    session.secret_hash = crypto::hash_token(secret);
    session.created_at = now;
    session.expires_at = now + options_.session_ttl_ms;
    Principal p;
    p.workspace_id = chosen->workspace_id;
    p.user_id = chosen->user_id;
    p.session_id = session.session_id;
    p.role = chosen->role;
    p.label = chosen->email;
    RAPPORT_CHECK(repo_.create_session(
        session, audit_of(p, clock_.now_ms(), "auth.login", "session", id_to_string(session.session_id), request.ip)));
    LoginResult out;
    out.token = format_credential(CredentialKind::Session, session.workspace_id, session.session_id, secret);
    out.csrf_token = csrf_token_for(out.token);
    out.expires_at = session.expires_at;
    out.user = *chosen;
    out.workspace = workspace;
    return out;
}

Status AuthenticationService::logout(const Principal& principal, const std::string& ip) {
    if (!principal.session_id) return fail(Error::localized(ErrorCode::Validation, "identity.sign_out_session_only"));
    RAPPORT_CHECK(repo_.delete_session(
        principal.workspace_id, *principal.session_id,
        audit_of(principal, clock_.now_ms(), "auth.logout", "session", id_to_string(*principal.session_id), ip)));
    cache_.invalidate();
    return {};
}

std::string AuthenticationService::csrf_token_for(std::string_view session_token) {
    return crypto::hash_token(std::string("csrf:") + std::string(session_token)).substr(0, 43);
}

Result<Principal> AuthenticationService::authenticate(std::string_view token) {
    const UnixMillis now = clock_.now_ms();
    if (auto hit = cache_.principal(token, now)) return *hit;
    auto principal = RAPPORT_TRY(authenticate_uncached(token));
    cache_.remember_principal(token, principal, now);
    return principal;
}

Result<Principal> AuthenticationService::authenticate_uncached(std::string_view token) {
    auto parsed = parse_credential(token);
    if (!parsed) return fail(Error::localized(ErrorCode::Unauthenticated, "identity.credential_malformed"));
    const UnixMillis now = clock_.now_ms();
    const std::string hash = crypto::hash_token(parsed->secret);
    Principal p;
    p.workspace_id = parsed->workspace_id;
    if (parsed->kind == CredentialKind::ApiKey) {
        auto key = RAPPORT_TRY(repo_.find_api_key(parsed->workspace_id, parsed->record_id));
        if (!key || !crypto::constant_time_equal(key->secret_hash, hash)) {
            return fail(Error::localized(ErrorCode::Unauthenticated, "identity.api_key_invalid"));
        }
        if (key->revoked_at) return fail(Error::localized(ErrorCode::Unauthenticated, "identity.api_key_revoked"));
        p.method = Principal::Method::ApiKey;
        p.api_key_id = key->key_id;
        p.role = key->role;
        p.label = "api-key:" + key->name;
        bool touch = false;
        {
            std::lock_guard lock(touched_mutex_);
            auto& last = key_touched_[key->key_id];
            if (now - last >= kTouchEveryMs) {
                last = now;
                touch = true;
            }
        }
        if (touch) (void)repo_.touch_api_key(key->workspace_id, key->key_id, now);
        return p;
    }
    auto session = RAPPORT_TRY(repo_.find_session(parsed->workspace_id, parsed->record_id));
    if (!session || !crypto::constant_time_equal(session->secret_hash, hash)) {
        return fail(Error::localized(ErrorCode::Unauthenticated, "identity.session_ended"));
    }
    if (session->expires_at <= now)
        return fail(Error::localized(ErrorCode::Unauthenticated, "identity.session_expired"));
    auto user = RAPPORT_TRY(repo_.find_user(session->workspace_id, session->user_id));
    if (!user || !user->active) return fail(Error::localized(ErrorCode::Unauthenticated, "identity.user_deactivated"));
    p.method = Principal::Method::Session;
    p.user_id = user->user_id;
    p.session_id = session->session_id;
    p.role = user->role;
    p.label = user->email;
    p.language = user->language.value_or("");
    return p;
}

}  // namespace rapport::domain
