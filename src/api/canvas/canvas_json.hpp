#pragma once
// What the canvas routes share: the query parameters every canvas takes, and figures and
// sections as JSON ({value, reason, link}: value null means "not measured", and reason says
// why; never a zero in its place).
#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

#include "domain/canvas/canvas_service.hpp"
#include "http/router.hpp"

namespace rapport::api {

// ?from= and ?to= (Unix ms, to exclusive): the last 90 days up to now by default;
// ?no_contact_days= (default 90). Range problems are the service's.
struct CanvasQuery {
    domain::canvas::Period period;
    int no_contact_days = domain::canvas::kDefaultNoContactDays;
};
Result<CanvasQuery> read_canvas_query(const http::RequestContext& ctx, UnixMillis now);

// A whole number, all of `text`.
std::optional<std::int64_t> integer_param(std::string_view text);

nlohmann::json figure_json(const domain::canvas::Figure& f);
nlohmann::json figures_json(const domain::canvas::Figures& figures);
nlohmann::json section_json(const domain::canvas::Section& s);

}  // namespace rapport::api
