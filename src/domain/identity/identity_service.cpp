#include "domain/identity/identity_service.hpp"

#include "domain/audit/audit_of.hpp"

#include <mutex>

#include "core/crypto.hpp"
#include "core/utf8.hpp"
#include "domain/identity/credentials.hpp"
#include "domain/identity/validation.hpp"

namespace rapport::domain {

namespace {

constexpr std::size_t kAuthCacheMax = 50000;
constexpr UnixMillis kTouchEveryMs = 60 * 1000;

std::string json_quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out + "\"";
}

Error bad_credentials() {
    // Same answer for an unknown email and a wrong password: no account enumeration.
    return Error::unauthenticated("the email or password is not correct");
}

}  // namespace

Status require_role(const Principal& actor, Role needed, std::string_view action) {
    if (role_at_least(actor.role, needed)) return {};
    return fail(Error::forbidden(std::string(action) + " needs the " + std::string(to_string(needed)) +
                                 " role or higher; you are " + std::string(to_string(actor.role))));
}

IdentityService::IdentityService(IdentityRepository& repo, const Clock& clock, LoginThrottle& throttle, Options options)
    : repo_(repo), clock_(clock), throttle_(throttle), options_(options) {}

Principal IdentityService::operator_principal(Id workspace_id) {
    Principal p;
    p.method = Principal::Method::ApiKey;
    p.workspace_id = workspace_id;
    p.role = Role::Owner;
    p.label = "operator (command line)";
    return p;
}

AuditEntry IdentityService::audit(const Principal& actor, std::string action, std::optional<std::string> target_type,
                                  std::optional<std::string> target_id, const std::string& ip,
                                  std::string detail) const {
    return audit_of(actor, clock_.now_ms(), std::move(action), std::move(target_type), std::move(target_id), ip,
                    std::move(detail));
}

Result<BootstrapResult> IdentityService::bootstrap(const std::string& workspace_name, const std::string& email,
                                                   const std::string& password, const std::string& display_name) {
    std::vector<FieldError> errors;
    const std::string slug = slugify(workspace_name);
    if (slug.empty()) errors.push_back({"/workspace", "give the workspace a name with letters or digits"});
    auto normalized = normalize_email(email);
    if (!normalized) errors.push_back({"/email", "not a valid email address"});
    if (auto problem = password_problem(password)) errors.push_back({"/password", *problem});
    if (!errors.empty()) return fail(Error::validation("the workspace cannot be created", std::move(errors)));

    const UnixMillis now = clock_.now_ms();
    Workspace ws{new_id(), slug, workspace_name, "en", now};
    RAPPORT_CHECK(repo_.create_workspace(ws, RoleGrants::defaults()));

    Principal op = operator_principal(ws.workspace_id);
    NewUser nu;
    nu.workspace_id = ws.workspace_id;
    nu.user_id = new_id();
    nu.email = *normalized;
    nu.display_name = display_name.empty() ? *normalized : display_name;
    nu.role = Role::Owner;
    auto existing = RAPPORT_TRY(repo_.find_account_by_email(*normalized));
    if (!existing) nu.password_hash = RAPPORT_TRY(crypto::hash_password(password));
    nu.now = now;
    auto owner = RAPPORT_TRY(repo_.create_user(
        nu, audit(op, "workspace.bootstrapped", "user", id_to_string(nu.user_id), "",
                  "{\"workspace\":" + json_quote(ws.slug) + ",\"owner\":" + json_quote(nu.email) + "}")));
    return BootstrapResult{ws, owner};
}

Result<LoginResult> IdentityService::login(const LoginRequest& request) {
    auto email = normalize_email(request.email);
    if (!email) return fail(Error::field("/email", "not a valid email address"));
    if (auto refused = throttle_.check(*email, request.ip)) {
        const std::string wait = std::to_string(refused->retry_after_s);
        return fail(Error::rate_limited(
            refused->scope == LoginThrottle::Refusal::Scope::Address
                ? "too many failed sign-in attempts from your address; try again in " + wait + " seconds"
                : "this account has had many failed sign-in attempts; try again in " + wait +
                      " seconds (addresses that signed in to it recently are not slowed down)",
            refused->retry_after_s));
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
            (void)repo_.append_audit(audit(p, "auth.login_failed", "user", id_to_string(m.user_id), request.ip));
        }
        return fail(bad_credentials());
    }
    std::erase_if(members, [](const User& u) { return !u.active; });
    if (members.empty()) return fail(Error::unauthenticated("this account has no active workspace membership"));

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
            return fail(Error::field("/workspace", "you are not a member of workspace '" + *request.workspace + "'"));
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
    RAPPORT_CHECK(
        repo_.create_session(session, audit(p, "auth.login", "session", id_to_string(session.session_id), request.ip)));
    LoginResult out;
    out.token = format_credential(CredentialKind::Session, session.workspace_id, session.session_id, secret);
    out.csrf_token = csrf_token_for(out.token);
    out.expires_at = session.expires_at;
    out.user = *chosen;
    out.workspace = workspace;
    return out;
}

Status IdentityService::logout(const Principal& principal, const std::string& ip) {
    if (!principal.session_id)
        return fail(Error::validation("only a browser session can sign out; revoke API keys instead"));
    RAPPORT_CHECK(
        repo_.delete_session(principal.workspace_id, *principal.session_id,
                             audit(principal, "auth.logout", "session", id_to_string(*principal.session_id), ip)));
    invalidate_auth_cache();
    return {};
}

std::string IdentityService::csrf_token_for(std::string_view session_token) {
    return crypto::hash_token(std::string("csrf:") + std::string(session_token)).substr(0, 43);
}

void IdentityService::invalidate_auth_cache() {
    std::unique_lock lock(cache_mutex_);
    auth_cache_.clear();
    workspace_cache_.clear();
}

Result<IdentityService::CachedWorkspace> IdentityService::cached_workspace(Id workspace_id) {
    const UnixMillis now = clock_.now_ms();
    {
        std::shared_lock lock(cache_mutex_);
        auto it = workspace_cache_.find(workspace_id);
        if (it != workspace_cache_.end() && it->second.expires_at > now) return it->second;
    }
    auto ws = RAPPORT_TRY(repo_.find_workspace(workspace_id));
    if (!ws) return fail(Error::not_found("the workspace no longer exists"));
    auto grants = RAPPORT_TRY(repo_.role_grants(workspace_id));
    CachedWorkspace entry{*ws, grants, now + options_.auth_cache_ttl_ms};
    std::unique_lock lock(cache_mutex_);
    if (workspace_cache_.size() >= kAuthCacheMax) workspace_cache_.clear();
    workspace_cache_[workspace_id] = entry;
    return entry;
}

Result<Principal> IdentityService::authenticate(std::string_view token) {
    const UnixMillis now = clock_.now_ms();
    const std::string key(token);
    {
        std::shared_lock lock(cache_mutex_);
        auto it = auth_cache_.find(key);
        if (it != auth_cache_.end() && it->second.expires_at > now) return it->second.principal;
    }
    auto principal = RAPPORT_TRY(authenticate_uncached(token));
    std::unique_lock lock(cache_mutex_);
    if (auth_cache_.size() >= kAuthCacheMax) auth_cache_.clear();
    auth_cache_[key] = CachedAuth{principal, now + options_.auth_cache_ttl_ms};
    return principal;
}

Result<Principal> IdentityService::authenticate_uncached(std::string_view token) {
    auto parsed = parse_credential(token);
    if (!parsed)
        return fail(Error::unauthenticated("the credential is malformed; sign in again or use a valid API key"));
    const UnixMillis now = clock_.now_ms();
    const std::string hash = crypto::hash_token(parsed->secret);
    Principal p;
    p.workspace_id = parsed->workspace_id;
    if (parsed->kind == CredentialKind::ApiKey) {
        auto key = RAPPORT_TRY(repo_.find_api_key(parsed->workspace_id, parsed->record_id));
        if (!key || !crypto::constant_time_equal(key->secret_hash, hash)) {
            return fail(Error::unauthenticated("the API key is not valid"));
        }
        if (key->revoked_at) return fail(Error::unauthenticated("the API key was revoked; create a new one"));
        p.method = Principal::Method::ApiKey;
        p.api_key_id = key->key_id;
        p.role = key->role;
        p.label = "api-key:" + key->name;
        bool touch = false;
        {
            std::unique_lock lock(cache_mutex_);
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
        return fail(Error::unauthenticated("the session has ended; sign in again"));
    }
    if (session->expires_at <= now) return fail(Error::unauthenticated("the session expired; sign in again"));
    auto user = RAPPORT_TRY(repo_.find_user(session->workspace_id, session->user_id));
    if (!user || !user->active) return fail(Error::unauthenticated("this user is deactivated"));
    p.method = Principal::Method::Session;
    p.user_id = user->user_id;
    p.session_id = session->session_id;
    p.role = user->role;
    p.label = user->email;
    return p;
}

Result<Workspace> IdentityService::workspace_of(const Principal& principal) {
    return RAPPORT_TRY(cached_workspace(principal.workspace_id)).workspace;
}

Result<std::vector<User>> IdentityService::memberships_of(const User& user) {
    return repo_.memberships(user.account_id);
}

Result<Actor> IdentityService::actor_for(const Principal& principal) {
    Actor a;
    a.user_id = principal.user_id;
    a.role = principal.role;
    if (principal.user_id) {
        a.team_ids = RAPPORT_TRY(repo_.team_ids_of(principal.workspace_id, *principal.user_id));
        auto partitions = RAPPORT_TRY(repo_.partition_access_of(principal.workspace_id, *principal.user_id));
        a.partner_company_id = partitions.partner_company_id;
        a.partitions = std::move(partitions.granted);
    }
    // The owner role is the data controller: every buyer's consumers, and the one who grants them.
    a.all_partitions = principal.role == Role::Owner && !a.partner_company_id;
    return a;
}

Result<bool> IdentityService::is_partner(const Principal& actor) {
    if (!actor.user_id) return false;
    auto access = RAPPORT_TRY(repo_.partition_access_of(actor.workspace_id, *actor.user_id));
    return access.partner_company_id.has_value();
}

Result<Page<User>> IdentityService::list_users(const Principal& actor, const PageRequest& page) {
    // A buyer's partner user works outside the company: the staff directory is not theirs.
    if (RAPPORT_TRY(is_partner(actor))) {
        Page<User> self;
        if (!page.after) self.items.push_back(RAPPORT_TRY(get_user(actor, *actor.user_id)));
        return self;
    }
    return repo_.list_users(actor.workspace_id, page);
}

Result<User> IdentityService::get_user(const Principal& actor, Id user_id) {
    if (actor.user_id && user_id != *actor.user_id && RAPPORT_TRY(is_partner(actor))) {
        return fail(Error::not_found("no user " + id_to_string(user_id) + " in this workspace"));
    }
    auto user = RAPPORT_TRY(repo_.find_user(actor.workspace_id, user_id));
    if (!user) return fail(Error::not_found("no user " + id_to_string(user_id) + " in this workspace"));
    return *user;
}

Result<User> IdentityService::create_user(const Principal& actor, const UserInput& in, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "adding users"));
    std::vector<FieldError> errors;
    std::optional<std::string> email;
    if (!in.email) {
        errors.push_back({"/email", "required"});
    } else if (!(email = normalize_email(*in.email))) {
        errors.push_back({"/email", "not a valid email address"});
    }
    if (!in.display_name || in.display_name->empty()) errors.push_back({"/display_name", "required"});
    if (!in.role) errors.push_back({"/role", "required: owner, admin, manager, member or viewer"});
    if (in.password) {
        if (auto problem = password_problem(*in.password)) errors.push_back({"/password", *problem});
    }
    if (!errors.empty()) return fail(Error::validation("the user cannot be created", std::move(errors)));
    if (*in.role == Role::Owner) RAPPORT_CHECK(require_role(actor, Role::Owner, "making someone an owner"));

    NewUser nu;
    nu.workspace_id = actor.workspace_id;
    nu.user_id = new_id();
    nu.email = *email;
    nu.display_name = *in.display_name;
    nu.role = *in.role;
    nu.language = in.language;
    nu.now = clock_.now_ms();
    auto existing = RAPPORT_TRY(repo_.find_account_by_email(*email));
    if (!existing) {
        if (!in.password) {
            return fail(Error::field("/password", "required for a person who has no Rapport account yet"));
        }
        nu.password_hash = RAPPORT_TRY(crypto::hash_password(*in.password));
    }
    return repo_.create_user(
        nu, audit(actor, "user.created", "user", id_to_string(nu.user_id), ip,
                  "{\"email\":" + json_quote(*email) + ",\"role\":" + json_quote(to_string(nu.role)) + "}"));
}

Result<User> IdentityService::update_user(const Principal& actor, Id user_id, const UserInput& in,
                                          const std::string& ip) {
    User user = RAPPORT_TRY(get_user(actor, user_id));
    const bool self = actor.user_id && *actor.user_id == user_id;
    const bool touches_access = in.role || in.active || in.email;
    if (in.email) return fail(Error::field("/email", "an email cannot be changed; add a new user instead"));
    if (!self || touches_access) RAPPORT_CHECK(require_role(actor, Role::Admin, "changing another user"));
    if ((in.role && *in.role == Role::Owner) || user.role == Role::Owner) {
        if (touches_access) RAPPORT_CHECK(require_role(actor, Role::Owner, "changing an owner's access"));
    }
    if (in.password) {  // checked before any write, so a refused password changes nothing
        if (!self) RAPPORT_CHECK(require_role(actor, Role::Owner, "setting another person's password"));
        if (auto problem = password_problem(*in.password)) return fail(Error::field("/password", *problem));
    }
    const bool was_active_owner = user.role == Role::Owner && user.active;
    std::string detail = "{";
    if (in.display_name) {
        if (in.display_name->empty()) return fail(Error::field("/display_name", "cannot be empty"));
        user.display_name = *in.display_name;
    }
    if (in.language) user.language = in.language;
    if (in.role && *in.role != user.role) {
        detail +=
            "\"old_role\":" + json_quote(to_string(user.role)) + ",\"new_role\":" + json_quote(to_string(*in.role));
        user.role = *in.role;
    }
    if (in.active && *in.active != user.active) {
        if (detail.size() > 1) detail += ",";
        detail += std::string("\"active\":") + (*in.active ? "true" : "false");
        user.active = *in.active;
    }
    detail += "}";
    if (was_active_owner && !(user.role == Role::Owner && user.active)) {
        const int owners = RAPPORT_TRY(repo_.count_active_owners(actor.workspace_id));
        if (owners <= 1) {
            return fail(Error::conflict("this is the workspace's last active owner; make someone else owner first"));
        }
    }
    user.updated_at = clock_.now_ms();
    const char* action = (in.role || in.active) ? "user.access_changed" : "user.updated";
    auto updated =
        RAPPORT_TRY(repo_.update_user(user, audit(actor, action, "user", id_to_string(user_id), ip, detail)));
    if (in.password) {
        auto hash = RAPPORT_TRY(crypto::hash_password(*in.password));
        // Whoever knew the old password may hold a session: all end, except the one the
        // person changing their own password is using. An owner's reset ends them all.
        const std::optional<Id> keep = self ? actor.session_id : std::nullopt;
        RAPPORT_CHECK(repo_.set_password(user.account_id, hash, clock_.now_ms(), keep,
                                         audit(actor, "user.password_changed", "user", id_to_string(user_id), ip)));
    }
    if (!user.active) RAPPORT_CHECK(repo_.delete_sessions_of(actor.workspace_id, user_id));
    invalidate_auth_cache();
    return updated;
}

Result<CreatedApiKey> IdentityService::create_api_key(const Principal& actor, const std::string& name, Role role,
                                                      const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "creating API keys"));
    if (name.empty() || code_points(name) > 100)
        return fail(Error::field("/name", "give the key a name of 1 to 100 characters"));
    if (!role_at_least(actor.role, role)) {
        return fail(Error::forbidden("an API key cannot have more power than its creator (" +
                                     std::string(to_string(actor.role)) + ")"));
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
        key, audit(actor, "api_key.created", "api_key", id_to_string(key.key_id), ip,
                   "{\"name\":" + json_quote(name) + ",\"role\":" + json_quote(to_string(role)) + "}")));
    return CreatedApiKey{key, format_credential(CredentialKind::ApiKey, key.workspace_id, key.key_id, secret)};
}

Result<Page<ApiKey>> IdentityService::list_api_keys(const Principal& actor, const PageRequest& page) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "listing API keys"));
    return repo_.list_api_keys(actor.workspace_id, page);
}

Status IdentityService::revoke_api_key(const Principal& actor, Id key_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "revoking API keys"));
    RAPPORT_CHECK(repo_.revoke_api_key(actor.workspace_id, key_id, clock_.now_ms(),
                                       audit(actor, "api_key.revoked", "api_key", id_to_string(key_id), ip)));
    invalidate_auth_cache();
    return {};
}

Result<RoleGrants> IdentityService::role_grants(const Principal& actor) {
    return RAPPORT_TRY(cached_workspace(actor.workspace_id)).grants;
}

Status IdentityService::set_role_grant(const Principal& actor, const RoleGrant& grant, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Owner, "changing what a role may see and edit"));
    if (grant.role == Role::Owner && (grant.read != Scope::All || grant.write != Scope::All)) {
        return fail(Error::field("/role", "owners always read and write every record"));
    }
    RAPPORT_CHECK(
        repo_.set_role_grant(actor.workspace_id, grant,
                             audit(actor, "role.grant_changed", "role", std::string(to_string(grant.role)), ip,
                                   "{\"read\":" + json_quote(to_string(grant.read)) +
                                       ",\"write\":" + json_quote(to_string(grant.write)) + "}")));
    invalidate_auth_cache();
    return {};
}

}  // namespace rapport::domain
