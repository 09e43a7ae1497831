// Exports of lists and segments as CSV, JSON or NDJSON, streamed: records are read a batch at
// a time (CustomerService::stream) and each batch goes out as one chunk of a chunked response
// before the next is read, so an export of any size holds one batch in memory.
#include <cctype>
#include <chrono>
#include <memory>

#include "api/customers/customer_lists.hpp"
#include "api/exports/exports_api.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "domain/exports/csv_export.hpp"
#include "domain/filters/dates.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::api {

using nlohmann::json;
using namespace rapport::domain::customers;

namespace {

// Rows per chunk: large enough that per-query costs vanish, small enough that a chunk stays
// around a hundred kilobytes.
constexpr int kRowsPerChunk = 500;

enum class Format { Csv, Json, Ndjson };

struct ExportOptions {
    Format format = Format::Csv;
    char delimiter = ',';
    domain::exports::Formulas formulas = domain::exports::Formulas::Escape;
};

// ?format=csv|json|ndjson (default csv) and, for CSV, ?delimiter=comma|semicolon and
// ?formula_escape=true|false (default true; false is for programs reading the file).
ExportOptions export_options(const http::RequestContext& ctx, std::vector<FieldError>& errors) {
    ExportOptions out;
    const auto format = ctx.query.get("format").value_or("csv");
    if (format == "json") {
        out.format = Format::Json;
    } else if (format == "ndjson") {
        out.format = Format::Ndjson;
    } else if (format != "csv") {
        errors.push_back(FieldError::localized("?format", "exports.format_invalid"));
    }
    const auto delimiter = ctx.query.get("delimiter").value_or("comma");
    if (delimiter == "semicolon") {
        out.delimiter = ';';
    } else if (delimiter != "comma") {
        errors.push_back(FieldError::localized("?delimiter", "exports.delimiter_invalid"));
    }
    const auto escape = ctx.query.get("formula_escape").value_or("true");
    if (escape == "false") {
        out.formulas = domain::exports::Formulas::Keep;
    } else if (escape != "true") {
        errors.push_back(FieldError::localized("?formula_escape", "exports.formula_escape_invalid"));
    }
    return out;
}

std::string today() {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    return domain::filters::format_iso_date(domain::filters::date_of(ms));
}

// ASCII letters and digits of `name`, lower case, other runs as one '-': safe in any
// filename= parameter.
std::string slug(std::string_view name) {
    std::string out;
    for (const unsigned char c : name) {
        if (std::isalnum(c) && c < 0x80) {
            out += static_cast<char>(std::tolower(c));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 60) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// RFC 8187 percent-encoding for filename*=UTF-8''...
std::string ext_value(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) && c < 0x80) {
            out += static_cast<char>(c);
        } else if (c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// What the producer carries from one chunk to the next.
struct ExportState {
    RecordStream records;
    domain::exports::CsvRecordWriter csv;
    Format format;
    bool started = false;
    bool empty = true;
};

http::Response export_response(RecordStream records, EntityType type, const std::vector<CustomFieldDef>& custom,
                               ExportOptions options, const std::string& filename_base,
                               const std::string& display_name) {
    auto state = std::make_shared<ExportState>(ExportState{
        std::move(records), domain::exports::CsvRecordWriter(type, custom, options.delimiter, options.formulas),
        options.format});
    const char* extension = options.format == Format::Csv ? "csv" : options.format == Format::Json ? "json" : "ndjson";
    const char* content_type = options.format == Format::Csv    ? "text/csv; charset=utf-8"
                               : options.format == Format::Json ? "application/json"
                                                                : "application/x-ndjson";
    auto res =
        http::streaming_response(http::HttpStatus::ok, content_type, [state](std::string& chunk) -> Result<bool> {
            auto& s = *state;
            if (!s.started) {
                s.started = true;
                if (s.format == Format::Csv) s.csv.begin(chunk);
                if (s.format == Format::Json) chunk += "[";
            }
            const bool more = RAPPORT_TRY(s.records.next(kRowsPerChunk, [&](const CustomerRecord& r) {
                if (s.format == Format::Csv) {
                    s.csv.row(r, chunk);
                } else {
                    if (s.format == Format::Json) chunk += s.empty ? "\n" : ",\n";
                    chunk += record_json(r).dump(-1, ' ', false, json::error_handler_t::replace);
                    if (s.format == Format::Ndjson) chunk += "\n";
                }
                s.empty = false;
            }));
            if (!more && s.format == Format::Json) chunk += s.empty ? "]\n" : "\n]\n";
            return more;
        });
    const std::string filename = filename_base + "-" + today() + "." + extension;
    std::string disposition = "attachment; filename=\"" + filename + "\"";
    if (!display_name.empty()) {
        disposition += "; filename*=UTF-8''" + ext_value(display_name + "-" + today() + "." + extension);
    }
    res.set(http::beast_http::field::content_disposition, disposition);
    // An export is a snapshot of private data: never keep it in a shared cache.
    res.set(http::beast_http::field::cache_control, "no-store");
    return res;
}

void register_list_export(http::Router& router, ExportApi& api, EntityType type, const std::string& base,
                          const std::string& plural) {
    router.add(http::Verb::get, base + "/export",
               [&api, type, plural](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto params = RAPPORT_TRY(list_request(ctx));
                   const auto options = export_options(ctx, params.list.request_errors);
                   // Checked (filter, sort, options) before the first byte, so mistakes are a 422.
                   auto records = RAPPORT_TRY(api.customers.stream(principal, type, params.list));
                   const auto custom = RAPPORT_TRY(api.customers.custom_fields(principal, type));
                   return export_response(std::move(records), type, custom, options, plural, "");
               });
}

}  // namespace

void register_export_routes(http::Router& router, ExportApi& api) {
    register_list_export(router, api, EntityType::Company, "/api/v1/companies", "companies");
    register_list_export(router, api, EntityType::Person, "/api/v1/people", "people");

    router.add(http::Verb::get, "/api/v1/segments/{id}/export",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   const Id id = RAPPORT_TRY(path_id(ctx, "id", "segment"));
                   auto segment = RAPPORT_TRY(api.segments.get(principal, id));
                   std::vector<FieldError> errors;
                   const auto options = export_options(ctx, errors);
                   const auto order = ctx.query.get("order").value_or("asc");
                   if (order != "asc" && order != "desc")
                       errors.push_back(FieldError::localized("?order", "common.must_be_asc_or_desc"));
                   if (!errors.empty())
                       return fail(Error::localized(ErrorCode::Validation, "exports.request_invalid", {}, errors));
                   auto records = RAPPORT_TRY(api.segments.stream(
                       principal, segment, std::string(ctx.query.get("sort").value_or("")), order == "desc"));
                   const auto custom = RAPPORT_TRY(api.customers.custom_fields(principal, segment.entity_type));
                   const std::string name = slug(segment.name);
                   return export_response(std::move(records), segment.entity_type, custom, options,
                                          "segment-" + (name.empty() ? id_to_string(id) : name), segment.name);
               });
}

}  // namespace rapport::api
