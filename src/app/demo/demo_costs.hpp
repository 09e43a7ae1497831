#pragma once
// The demo's cost model: hourly costs for the six teams and the roles, the fixed monthly costs
// a coffee roaster's customer work carries (software, telephony, and the ones companies forget:
// barista training and certifications), a cost per service desk message, in two dated versions
// (a year ago, and three months ago with higher rates and a new certification), so the costs
// report shows a history and the canvas a Costs block on first start.
#include <vector>

#include "app/services.hpp"
#include "core/ids.hpp"

namespace rapport::app::demo {

// `team_ids` in demo_teams() order. Saved through the cost service as the operator.
Status create_costs(Services& services, Id ws, const std::vector<Id>& team_ids);

}  // namespace rapport::app::demo
