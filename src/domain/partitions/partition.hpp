#pragma once
// A B2B2C partition: the consumers of one buyer company (a reseller, distributor or retailer
// of the workspace). Who sees them is decided in domain/permissions/record_access.hpp; this
// is the data an admin manages: grants to users and teams, and the buyer's partner users.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::partitions {

enum class GranteeKind { User, Team };
std::string_view to_string(GranteeKind kind);
std::optional<GranteeKind> parse_grantee_kind(std::string_view text);

struct PartitionGrant {
    Id workspace_id = 0;
    Id buyer_company_id = 0;
    GranteeKind grantee_kind = GranteeKind::User;
    Id grantee_id = 0;
    std::string grantee_name;  // the user's display name or the team's name
    std::optional<Id> granted_by_user_id;
    UnixMillis created_at = 0;
};

struct PartnerUser {
    Id user_id = 0;
    std::string display_name;
    std::string email;
    UnixMillis created_at = 0;
};

// What GET .../partition answers. Grants and partners are listed to admins only; the count
// is an aggregate anyone who reads the buyer may see, granted or not.
struct PartitionView {
    Id buyer_company_id = 0;
    std::int64_t consumer_count = 0;
    bool consumers_visible = false;  // whether the asking actor may read these consumers
    std::optional<std::vector<PartitionGrant>> grants;
    std::optional<std::vector<PartnerUser>> partners;
};

}  // namespace rapport::domain::partitions
