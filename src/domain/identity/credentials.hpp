#pragma once
// The wire format of bearer credentials. A token names its workspace and record so the
// server finds the stored hash with one primary-key lookup (and, on Citus, one shard):
//   session cookie  rps_<workspace_id>_<session_id>_<secret>
//   API key         rpk_<workspace_id>_<key_id>_<secret>
// Only a hash of <secret> is stored.
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"

namespace rapport::domain {

enum class CredentialKind { Session, ApiKey };

struct ParsedCredential {
    CredentialKind kind;
    Id workspace_id;
    Id record_id;
    std::string secret;
};

std::string format_credential(CredentialKind kind, Id workspace_id, Id record_id, std::string_view secret);
std::optional<ParsedCredential> parse_credential(std::string_view token);

}  // namespace rapport::domain
