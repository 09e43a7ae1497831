#include "api/customers/customer_lists.hpp"

#include "api/pagination.hpp"

#include <charconv>

namespace rapport::api {

using nlohmann::json;
using namespace rapport::domain::customers;

json provenance_json(const std::vector<FieldProvenance>& provenance) {
    json out = json::object();
    for (const auto& p : provenance) {
        out[p.field] = {{"source", to_string(p.source.kind)},
                        {"ref", p.source.ref},
                        {"data_kind", to_string(p.source.data_kind)},
                        {"recorded_at", p.recorded_at}};
    }
    return out;
}

json flags_json(const std::vector<FieldFlag>& flags) {
    json out = json::array();
    for (const auto& f : flags) {
        out.push_back({{"field", f.field},
                       {"rule", f.rule},
                       {"value", f.value},
                       {"source",
                        {{"kind", to_string(f.source_kind)},
                         {"ref", f.source_ref},
                         {"import_id", f.import_id ? json(id_to_string(*f.import_id)) : json(nullptr)}}},
                       {"flagged_at", f.flagged_at}});
    }
    return out;
}

json record_json(const CustomerRecord& r) {
    json tags = r.tags;
    return {{"id", id_to_string(r.id)},
            {"type", to_string(r.type)},
            {"fields", r.fields},
            {"custom", r.custom},
            {"tags", tags},
            {"owner_user_id", r.owner_user_id ? json(id_to_string(*r.owner_user_id)) : json(nullptr)},
            {"team_id", r.team_id ? json(id_to_string(*r.team_id)) : json(nullptr)},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at}};
}

namespace {
constexpr std::size_t kMaxListedIds = 1000;
}  // namespace

Result<ListParams> list_request(const http::RequestContext& ctx) {
    ListParams out;
    std::vector<FieldError> errors;
    if (auto f = ctx.query.get("filter"); f && !f->empty()) {
        out.list.filter = json::parse(*f, nullptr, false);
        if (out.list.filter.is_discarded()) {
            return fail(Error::localized(ErrorCode::BadRequest, "filters.query_not_json"));
        }
    }
    out.list.q = std::string(ctx.query.get("q").value_or(""));
    out.list.sort = std::string(ctx.query.get("sort").value_or(""));
    const auto order = ctx.query.get("order").value_or("asc");
    if (order != "asc" && order != "desc")
        errors.push_back(FieldError::localized("?order", "common.must_be_asc_or_desc"));
    out.list.descending = order == "desc";
    if (auto limit = limit_param(ctx, out.list.limit, 500)) {
        out.list.limit = *limit;
    } else {
        errors.push_back(limit.error());
    }
    if (auto c = ctx.query.get("cursor"); c && !c->empty()) out.list.cursor = std::string(*c);
    if (auto fields = ctx.query.get("fields"); fields && !fields->empty()) {
        std::string_view rest = *fields;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            out.list.fields.emplace_back(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
    }
    // ?ids=1,2,3: only these records (an export of the rows selected in a list).
    if (auto ids = ctx.query.get("ids"); ids && !ids->empty()) {
        std::string_view rest = *ids;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            if (auto id = parse_id(rest.substr(0, comma))) {
                out.list.ids.push_back(*id);
            } else {
                errors.push_back(FieldError::localized("?ids", "lists.ids_query_invalid"));
                break;
            }
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        if (out.list.ids.size() > kMaxListedIds) {
            errors.push_back(
                FieldError::localized("?ids", "lists.ids_too_many", {{"max", std::to_string(kMaxListedIds)}}));
        }
    }
    out.fields = out.list.fields;
    out.list.request_errors = std::move(errors);  // reported together with the filter and sort checks
    return out;
}

}  // namespace rapport::api
