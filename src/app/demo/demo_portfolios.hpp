#pragma once
// The demo's portfolios: one hand-over already happened, so the manager's view has a
// reassignment in its history and the receiving account manager's desk shows the records as
// new. Written through the portfolio service, like a real reassignment.
#include "app/demo/demo_generator.hpp"
#include "app/services.hpp"

namespace rapport::app::demo {

// Moves the first `count` people owned by `from` to `to` as one reassignment of chosen records.
Status reassign_demo_portfolio(Services& services, Id workspace_id, Id from, Id to, const DemoCustomers& customers,
                               std::size_t count);

}  // namespace rapport::app::demo
