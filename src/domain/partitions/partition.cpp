#include "domain/partitions/partition.hpp"

namespace rapport::domain::partitions {

std::string_view to_string(GranteeKind kind) {
    return kind == GranteeKind::User ? "user" : "team";
}

std::optional<GranteeKind> parse_grantee_kind(std::string_view text) {
    if (text == "user") return GranteeKind::User;
    if (text == "team") return GranteeKind::Team;
    return std::nullopt;
}

}  // namespace rapport::domain::partitions
