#pragma once
// The portfolios area's routes: my portfolio, another user's, the manager's view, the
// reassignment of a portfolio and its log. The portfolios module (src/app/modules) builds it.
#include "api/api_context.hpp"
#include "domain/portfolios/portfolio_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

struct PortfoliosApi : ApiContext {
    domain::portfolios::PortfolioService& portfolios;
};

void register_portfolio_routes(http::Router& router, PortfoliosApi& api);

}  // namespace rapport::api
