#include "app/demo/demo_portfolios.hpp"

#include "domain/identity/principals.hpp"
#include "domain/portfolios/portfolio_service.hpp"

namespace rapport::app::demo {

Status reassign_demo_portfolio(Services& services, Id ws, Id from, Id to, const DemoCustomers& customers,
                               std::size_t count) {
    domain::portfolios::ReassignRequest request;
    request.from_user_id = from;
    request.to_user_id = to;
    std::vector<domain::portfolios::RecordKey> records;
    for (const auto& p : customers.people) {
        if (records.size() == count) break;
        if (p.owner_user_id == from) records.push_back({domain::customers::EntityType::Person, p.person_id});
    }
    if (records.empty()) return {};
    request.records = std::move(records);
    auto done = services.get<domain::portfolios::PortfolioService>().reassign(domain::operator_principal(ws), request);
    if (!done) return fail(done.error());
    return {};
}

}  // namespace rapport::app::demo
