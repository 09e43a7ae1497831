#pragma once
// Keeps passwords in PostgreSQL connection strings out of logs, error messages and commands.
//
// Understands both libpq forms: URIs (postgres://user:password@host:port/db?password=...) and
// keyword strings (host=... password='...'). The parsing is deliberately forgiving: on a
// malformed string it still hides whatever sits where a password would be.
// Pure functions; thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace rapport::storage::postgres {

// `url` with every password replaced by "***".
std::string redact_url(std::string_view url);

// `url` with every password removed (for commands the user runs with PGPASSWORD or ~/.pgpass).
std::string strip_password(std::string_view url);

// The passwords `url` carries, as written and percent-decoded; empty ones are left out.
std::vector<std::string> url_passwords(std::string_view url);

// `text` with each occurrence of each secret replaced by "***" (libpq messages may echo
// fragments of a malformed connection string).
std::string scrub_secrets(std::string text, const std::vector<std::string>& secrets);

}  // namespace rapport::storage::postgres
