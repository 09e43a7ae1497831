// CSV imports of companies and people: upload, mapping, dry run, background run with
// progress, cancel, the rejected rows (page by page, or as CSV) and the history of imports. The work happens in the
// parts of domain/imports (import_parts.hpp); start only queues it (docs/adr/0002-threading.md).
#include "api/imports/imports_api.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/localize.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "domain/imports/csv_sniffer.hpp"
#include "domain/imports/import_parts.hpp"

namespace rapport::api {

using namespace rapport::domain::imports;
using domain::customers::EntityType;

namespace {

json opt_json(const std::optional<std::int64_t>& v) {
    return v ? json(*v) : json(nullptr);
}

json import_json(ImportApi& api, const domain::Principal& principal, const ImportJob& j) {
    json mapping = nullptr;
    if (j.mapping_json) {
        // Shown as stored; a mapping that no longer parses (a custom field was removed) is
        // shown raw, and start or dry-run say what is wrong with it.
        auto parsed = api.imports.mapper.mapping_of(principal, j);
        mapping = parsed ? mapping_to_view_json(*parsed) : json::parse(*j.mapping_json, nullptr, false);
    }
    const bool done = j.status == ImportStatus::Completed;
    const double percent =
        j.rows_total > 0 ? static_cast<double>(j.rows_done) * 100.0 / static_cast<double>(j.rows_total) : 100.0;
    return {{"id", id_to_string(j.import_id)},
            {"entity", domain::customers::to_string(j.entity_type)},
            {"filename", j.filename},
            {"status", to_string(j.status)},
            {"size_bytes", j.size_bytes},
            {"encoding", to_string(j.encoding)},
            {"encoding_reason", j.encoding_reason},
            {"delimiter", std::string(1, j.delimiter)},
            {"delimiter_name", delimiter_name(j.delimiter)},
            {"delimiter_reason", j.delimiter_reason},
            {"has_bom", j.has_bom},
            {"header", j.header},
            {"rows_total", j.rows_total},
            {"rows_done", j.rows_done},
            {"percent", done ? 100.0 : std::min(100.0, static_cast<double>(static_cast<int>(percent * 10)) / 10.0)},
            {"created", j.created},
            {"updated", j.updated},
            {"unchanged", j.unchanged},
            {"rejected", j.rejected},
            {"flagged", j.flagged},
            {"mapping", mapping},
            {"created_by", j.created_by_label},
            {"created_at", j.created_at},
            {"updated_at", j.updated_at},
            {"started_at", opt_json(j.started_at)},
            {"finished_at", opt_json(j.finished_at)},
            {"error", j.error ? json(*j.error) : json(nullptr)}};
}

// A rejected (or flagged) row; each problem in the reader's language when its message has a
// catalogue key (api/localize.hpp).
json rejected_json(const http::RequestContext& ctx, const RejectedRow& r) {
    json errors = json::array();
    for (const auto& e : r.errors) {
        errors.push_back(
            {{"field", e.field.empty() ? json(nullptr) : json(e.field)},
             {"column", e.column.empty() ? json(nullptr) : json(e.column)},
             {"detail", e.key.empty() ? e.detail : messages::render(e.key, request_language(ctx), e.args)}});
    }
    return {{"row", r.row}, {"line", r.line}, {"fields", r.fields}, {"errors", errors}};
}

// Uploads are the file itself, not a form: a browser's FormData or a JSON wrapper would be
// stored as if it were the CSV.
Status check_upload_type(const http::RequestContext& ctx) {
    const std::string_view type = ctx.header("Content-Type");
    for (std::string_view wrong : {"multipart/", "application/x-www-form-urlencoded", "json"}) {
        if (type.find(wrong) != std::string_view::npos) {
            return fail(
                Error::localized(ErrorCode::BadRequest, "imports.send_csv_body", {{"type", std::string(type)}}));
        }
    }
    return {};
}

}  // namespace

void register_import_routes(http::Router& router, ImportApi& api) {
    router.add(http::Verb::post, "/api/v1/imports", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        const auto entity = ctx.query.get("entity");
        const auto type = entity ? domain::customers::parse_entity_type(*entity) : std::nullopt;
        if (!type) return fail(Error::localized_field("?entity", "imports.entity_param"));
        RAPPORT_CHECK(check_upload_type(ctx));
        const std::string filename(ctx.query.get("filename").value_or("import.csv"));
        auto result = RAPPORT_TRY(api.imports.uploads.upload(principal, *type, filename, ctx.request.body()));
        json out = import_json(api, principal, result.job);
        out["sample_rows"] = result.sample_rows;
        json suggestions = json::array();
        json columns = json::object();
        for (const auto& s : result.suggestions) {
            suggestions.push_back({{"column", s.column},
                                   {"header", s.header},
                                   {"field", s.field.empty() ? json(nullptr) : json(s.field)},
                                   {"score", s.score}});
            if (!s.field.empty()) columns[s.header.empty() ? std::to_string(s.column) : s.header] = s.field;
        }
        out["suggestions"] = suggestions;
        out["suggested_mapping"] = {{"columns", columns}};
        auto res = ok_json(out, http::HttpStatus::created);
        res.set(http::beast_http::field::location, "/api/v1/imports/" + id_to_string(result.job.import_id));
        return res;
    });
    router.add(http::Verb::get, "/api/v1/imports", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto page = RAPPORT_TRY(page_request(ctx, 50, 200));
        auto result = RAPPORT_TRY(api.imports.history.list(principal, page));
        json items = json::array();
        for (const auto& j : result.items) items.push_back(import_json(api, principal, j));
        return ok_json(
            {{"items", items}, {"next_cursor", result.next_cursor ? json(*result.next_cursor) : json(nullptr)}});
    });
    router.add(http::Verb::get, "/api/v1/imports/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "import"));
        return ok_json(import_json(api, principal, RAPPORT_TRY(api.imports.runner.get(principal, id))));
    });
    router.add(http::Verb::put, "/api/v1/imports/{id}/mapping",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "import"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto job = RAPPORT_TRY(api.imports.mapper.set_mapping(principal, id, body.document()));
                   return ok_json(import_json(api, principal, job));
               });
    router.add(http::Verb::post, "/api/v1/imports/{id}/dry-run",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "import"));
                   auto report = RAPPORT_TRY(api.imports.mapper.dry_run(principal, id));
                   json rejected = json::array();
                   for (const auto& r : report.rejected_rows) rejected.push_back(rejected_json(ctx, r));
                   json flagged = json::array();
                   for (const auto& r : report.flagged_rows) flagged.push_back(rejected_json(ctx, r));
                   return ok_json({{"rows_total", report.rows_total},
                                   {"would_create", report.would_create},
                                   {"would_update", report.would_update},
                                   {"unchanged", report.unchanged},
                                   {"rejected", report.rejected},
                                   {"rejected_rows", rejected},
                                   {"rejected_rows_truncated", report.truncated},
                                   {"flagged", report.flagged},
                                   {"flagged_rows", flagged},
                                   {"flagged_rows_truncated", report.flagged_truncated}});
               });
    router.add(http::Verb::post, "/api/v1/imports/{id}/start",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "import"));
                   auto job = RAPPORT_TRY(api.imports.runner.start(principal, id));
                   auto res = ok_json(import_json(api, principal, job), http::HttpStatus::accepted);
                   res.set(http::beast_http::field::location, "/api/v1/imports/" + id_to_string(id));
                   return res;
               });
    router.add(http::Verb::post, "/api/v1/imports/{id}/cancel",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "import"));
                   return ok_json(import_json(api, principal, RAPPORT_TRY(api.imports.runner.cancel(principal, id))));
               });
    router.add(
        http::Verb::get, "/api/v1/imports/{id}/rejected", [&api](http::RequestContext& ctx) -> Result<http::Response> {
            auto principal = RAPPORT_TRY(authenticate(ctx, api));
            auto id = RAPPORT_TRY(path_id(ctx, "id", "import"));
            auto page = RAPPORT_TRY(page_request(ctx, 100, 500));
            auto result = RAPPORT_TRY(api.imports.rejections.page(principal, id, page));
            json items = json::array();
            for (const auto& r : result.items) items.push_back(rejected_json(ctx, r));
            return ok_json(
                {{"items", items}, {"next_cursor", result.next_cursor ? json(*result.next_cursor) : json(nullptr)}});
        });
    router.add(http::Verb::get, "/api/v1/imports/{id}/rejected.csv",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "import"));
                   auto csv = RAPPORT_TRY(api.imports.rejections.csv(principal, id));
                   auto res = http::make_response(http::HttpStatus::ok, std::move(csv), "text/csv; charset=utf-8");
                   res.set(http::beast_http::field::content_disposition,
                           "attachment; filename=\"import-" + id_to_string(id) + "-rejected.csv\"");
                   return res;
               });
}

}  // namespace rapport::api
