#include "domain/identity/credentials.hpp"

namespace rapport::domain {

std::string format_credential(CredentialKind kind, Id workspace_id, Id record_id, std::string_view secret) {
    std::string out = kind == CredentialKind::Session ? "rps_" : "rpk_";
    out += id_to_string(workspace_id);
    out += '_';
    out += id_to_string(record_id);
    out += '_';
    out += secret;
    return out;
}

std::optional<ParsedCredential> parse_credential(std::string_view token) {
    if (token.size() < 8 || token.size() > 256) return std::nullopt;
    CredentialKind kind;
    if (token.substr(0, 4) == "rps_") {
        kind = CredentialKind::Session;
    } else if (token.substr(0, 4) == "rpk_") {
        kind = CredentialKind::ApiKey;
    } else {
        return std::nullopt;
    }
    token.remove_prefix(4);
    const auto first = token.find('_');
    if (first == std::string_view::npos) return std::nullopt;
    const auto second = token.find('_', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    auto workspace = parse_id(token.substr(0, first));
    auto record = parse_id(token.substr(first + 1, second - first - 1));
    std::string_view secret = token.substr(second + 1);
    if (!workspace || !record || secret.size() < 16) return std::nullopt;
    return ParsedCredential{kind, *workspace, *record, std::string(secret)};
}

}  // namespace rapport::domain
