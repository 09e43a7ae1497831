#pragma once
// The demo's relationship plans: what Caffè Demo wants for each of its segments, with a
// history. Buyers in Italy started with dedicated assistance for acquisition and switched it
// to retention once the Italian market saturated (version 2, two months ago), and added a
// co-creation entry that nothing on the timeline establishes yet; Contacts in Portugal have
// no plan at all. So the canvases show gaps on first start. Versions are written with their
// past dates straight through the plans' repository (validated first), each audited.
#include <vector>

#include "app/services.hpp"
#include "core/ids.hpp"

namespace rapport::app::demo {

// `team_ids` as create_staff makes them (Sales Italia, Ventas España, Marketing, Customer
// Service, IT, Key Accounts). Returns how many plan versions it wrote.
Result<int> create_relationship_plans(Services& services, Id workspace_id, Id owner_user_id,
                                      const std::string& owner_email, const std::vector<Id>& team_ids);

}  // namespace rapport::app::demo
