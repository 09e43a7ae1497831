#include "api/pagination.hpp"

#include <charconv>

namespace rapport::api {

Result<domain::PageRequest> page_request(const http::RequestContext& ctx, int default_limit, int max_limit) {
    domain::PageRequest page;
    page.limit = default_limit;
    std::vector<FieldError> errors;
    if (auto limit = ctx.query.get("limit")) {
        int value = 0;
        auto [p, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
        if (ec != std::errc{} || p != limit->data() + limit->size() || value < 1 || value > max_limit) {
            errors.push_back({"?limit", "must be a whole number from 1 to " + std::to_string(max_limit)});
        } else {
            page.limit = value;
        }
    }
    if (auto cursor = ctx.query.get("cursor"); cursor && !cursor->empty()) {
        auto id = parse_id(*cursor);
        if (!id) {
            errors.push_back({"?cursor", "not a cursor this API returned; start again without it"});
        } else {
            page.after = *id;
        }
    }
    if (!errors.empty()) return fail(Error::validation("the paging parameters are not valid", std::move(errors)));
    return page;
}

Result<Id> path_id(const http::RequestContext& ctx, std::string_view name, std::string_view what) {
    auto id = parse_id(ctx.param(name));
    // A malformed id cannot name anything: answer as for a missing record.
    if (!id) return fail(Error::not_found("no " + std::string(what) + " '" + std::string(ctx.param(name)) + "'"));
    return *id;
}

}  // namespace rapport::api
