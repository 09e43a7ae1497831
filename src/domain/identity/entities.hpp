#pragma once
// The identity records: workspaces (one company using Rapport), users (a person's
// membership of a workspace, with a role), sessions and API keys.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/identity/role.hpp"

namespace rapport::domain {

struct Workspace {
    Id workspace_id = 0;
    std::string slug;
    std::string name;
    std::string default_language = "en";
    UnixMillis created_at = 0;
};

struct User {
    Id workspace_id = 0;
    Id user_id = 0;
    Id account_id = 0;
    std::string email;
    std::string display_name;
    Role role = Role::Member;
    std::optional<std::string> language;
    bool active = true;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
};

// What a login finds for an email: the account and its password hash.
struct Account {
    Id account_id = 0;
    std::string email;
    std::string password_hash;
};

struct Session {
    Id workspace_id = 0;
    Id session_id = 0;
    Id user_id = 0;
    std::string secret_hash;
    UnixMillis created_at = 0;
    UnixMillis expires_at = 0;
};

struct ApiKey {
    Id workspace_id = 0;
    Id key_id = 0;
    std::string name;
    Role role = Role::Viewer;
    std::string secret_hash;
    std::optional<Id> created_by_user_id;
    UnixMillis created_at = 0;
    std::optional<UnixMillis> last_used_at;
    std::optional<UnixMillis> revoked_at;
};

// Who is making a request, once authenticated.
struct Principal {
    enum class Method { Session, ApiKey };
    Method method = Method::Session;
    Id workspace_id = 0;
    std::optional<Id> user_id;     // absent for API keys
    std::optional<Id> api_key_id;  // absent for sessions
    std::optional<Id> session_id;
    Role role = Role::Viewer;
    std::string label;     // "ada@example.com" or "api-key:Zapier"
    std::string language;  // the user's language setting (en, it, es, pt); empty for API keys or when unset
};

}  // namespace rapport::domain
