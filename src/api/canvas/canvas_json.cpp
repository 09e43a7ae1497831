// The canvas routes' shared query reading and JSON (canvas_json.hpp).
#include "api/canvas/canvas_json.hpp"

#include <charconv>

namespace rapport::api {

using namespace rapport::domain::canvas;
using nlohmann::json;

namespace {

constexpr UnixMillis kDefaultPeriodMs = 90LL * 24 * 60 * 60 * 1000;

}  // namespace

std::optional<std::int64_t> integer_param(std::string_view text) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return v;
}

Result<CanvasQuery> read_canvas_query(const http::RequestContext& ctx, UnixMillis now) {
    CanvasQuery q;
    q.period = {now - kDefaultPeriodMs, now + 1};
    std::vector<FieldError> errors;
    for (const auto& [name, target] : {std::pair{"from", &q.period.from}, std::pair{"to", &q.period.to}}) {
        if (auto text = ctx.query.get(name); text && !text->empty()) {
            if (auto v = integer_param(*text)) {
                *target = *v;
            } else {
                errors.push_back(FieldError::localized(std::string("?") + name, "canvas.invalid_time"));
            }
        }
    }
    if (auto text = ctx.query.get("no_contact_days"); text && !text->empty()) {
        auto v = integer_param(*text);
        if (v && *v >= 1 && *v <= kMaxNoContactDays) {
            q.no_contact_days = static_cast<int>(*v);
        } else {
            errors.push_back(FieldError::localized("?no_contact_days", "canvas.no_contact_days_range",
                                                   {{"max", std::to_string(kMaxNoContactDays)}}));
        }
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "canvas.invalid_parameters", {}, std::move(errors)));
    }
    return q;
}

json figure_json(const Figure& f) {
    json value = nullptr;
    if (f.value) value = f.whole ? json(static_cast<std::int64_t>(*f.value)) : json(*f.value);
    return {
        {"value", value},
        {"reason", f.value ? json(nullptr) : json(f.reason)},
        {"link", {{"route", f.link.route.empty() ? json(nullptr) : json(f.link.route)}, {"filter", f.link.filter}}}};
}

json figures_json(const Figures& figures) {
    json out = json::object();
    for (const auto& [key, f] : figures) out[key] = figure_json(f);
    return out;
}

json section_json(const Section& s) {
    json facts = json::object();
    for (const auto& [k, v] : s.facts) facts[k] = v;
    json rows = json::object();
    for (const auto& [group, list] : s.rows) {
        json items = json::array();
        for (const auto& r : list) {
            items.push_back({{"id", r.id},
                             {"label", r.label},
                             {"kind", r.kind.empty() ? json(nullptr) : json(r.kind)},
                             {"figures", figures_json(r.figures)}});
        }
        rows[group] = std::move(items);
    }
    return {{"figures", figures_json(s.figures)},
            {"facts", facts},
            {"rows", rows},
            {"reason", s.reason.empty() ? json(nullptr) : json(s.reason)}};
}

}  // namespace rapport::api
