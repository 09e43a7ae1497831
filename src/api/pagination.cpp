#include "api/pagination.hpp"

#include <algorithm>
#include <charconv>

namespace rapport::api {

tl::expected<int, FieldError> limit_param(const http::RequestContext& ctx, int default_limit, int max_limit) {
    auto limit = ctx.query.get("limit");
    if (!limit) return default_limit;
    int value = 0;
    auto [p, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (ec != std::errc{} || p != limit->data() + limit->size() || value < 1 || value > max_limit) {
        return tl::unexpected(
            FieldError::localized("?limit", "common.limit_range", {{"max", std::to_string(max_limit)}}));
    }
    return value;
}

Result<domain::PageRequest> page_request(const http::RequestContext& ctx, int default_limit, int max_limit) {
    domain::PageRequest page;
    page.limit = default_limit;
    std::vector<FieldError> errors;
    if (auto limit = limit_param(ctx, default_limit, max_limit)) {
        page.limit = *limit;
    } else {
        errors.push_back(limit.error());
    }
    if (auto cursor = ctx.query.get("cursor"); cursor && !cursor->empty()) {
        auto id = parse_id(*cursor);
        if (!id) {
            errors.push_back(FieldError::localized("?cursor", "common.cursor_invalid"));
        } else {
            page.after = *id;
        }
    }
    if (!errors.empty())
        return fail(Error::localized(ErrorCode::Validation, "common.paging_invalid", {}, std::move(errors)));
    return page;
}

Result<Id> path_id(const http::RequestContext& ctx, std::string_view name, std::string_view what) {
    auto id = parse_id(ctx.param(name));
    // A malformed id cannot name anything: answer as for a missing record.
    if (!id) {
        std::string key = "common.no_such_" + std::string(what);
        std::replace(key.begin(), key.end(), ' ', '_');
        const MessageArgs args = {{"id", std::string(ctx.param(name))}};
        if (messages::has(key)) return fail(Error::localized(ErrorCode::NotFound, std::move(key), args));
        // A kind of record the catalogue has no message for yet: its name stays English.
        return fail(Error::localized(ErrorCode::NotFound, "common.no_such_record",
                                     {{"what", std::string(what)}, {"id", std::string(ctx.param(name))}}));
    }
    return *id;
}

}  // namespace rapport::api
