#pragma once
// Whether a list query's access filter lets every record of the workspace through: the "all"
// read scope, every buyer partition, and not a partner user. Aggregates (canvases, costs) take
// faster paths for such readers.
#include "domain/permissions/record_access.hpp"

namespace rapport::domain {

inline bool restricts_nothing(const AccessFilter& access) {
    return access.scope == Scope::All && access.all_partitions && !access.partner_company_id;
}

}  // namespace rapport::domain
