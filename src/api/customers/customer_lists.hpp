#pragma once
// What the routes that show lists of companies and people share (lists, segment members,
// exports): reading the list parameters and the JSON of a record.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/customers/customer_record.hpp"
#include "domain/customers/list_query.hpp"
#include "http/message.hpp"

namespace rapport::api {

// A record as every route shows it: {id, type, fields, custom, tags, owner_user_id, team_id,
// created_at, updated_at}.
nlohmann::json record_json(const domain::customers::CustomerRecord& r);

// Provenance per field: {"email": {"source", "ref", "data_kind", "recorded_at"}, ...}.
nlohmann::json provenance_json(const std::vector<domain::customers::FieldProvenance>& provenance);
// A record's data-quality flags (domain/customers/field_flag.hpp), as single-record answers
// show them: [{"field", "rule", "value", "source": {"kind", "ref", "import_id"}, "flagged_at"}].
nlohmann::json flags_json(const std::vector<domain::customers::FieldFlag>& flags);

struct ListParams {
    domain::customers::ListRequest list;
    std::vector<std::string> fields;  // empty: all
};

// ?filter=<JSON>&q=<quick search>&ids=<id,id,...>&sort=<field>&order=asc|desc&fields=a,b&limit=&cursor=
// BadRequest when ?filter is not JSON; other problems travel in list.request_errors, so they
// are reported together with the filter and sort checks.
Result<ListParams> list_request(const http::RequestContext& ctx);

}  // namespace rapport::api
