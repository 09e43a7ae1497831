#include "http/static_files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace rapport::http {

namespace fs = std::filesystem;

std::string_view content_type_for(const fs::path& path) {
    const std::string ext = path.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json" || ext == ".map") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    if (ext == ".webmanifest") return "application/manifest+json";
    return "application/octet-stream";
}

bool StaticFiles::available() const {
    std::error_code ec;
    return fs::is_regular_file(root_ / "index.html", ec);
}

Result<Response> StaticFiles::serve(const RequestContext& ctx) const {
    const auto verb = ctx.request.method();
    if (verb != Verb::get && verb != Verb::head)
        return fail(Error::localized(ErrorCode::NotFound, "http.no_resource", {{"path", ctx.path}}));
    if (ctx.path.rfind("/api/", 0) == 0)
        return fail(Error::localized(ErrorCode::NotFound, "http.no_api_resource", {{"path", ctx.path}}));

    // parse_target already refused ".." segments, so joining cannot escape root_.
    fs::path relative = fs::path(ctx.path).relative_path();
    fs::path file = root_ / relative;
    std::error_code ec;
    if (relative.empty() || fs::is_directory(file, ec)) file /= "index.html";
    if (!fs::is_regular_file(file, ec)) {
        if (relative.has_extension())
            return fail(Error::localized(ErrorCode::NotFound, "http.no_file", {{"path", ctx.path}}));
        file = root_ / "index.html";  // a client-side route
        if (!fs::is_regular_file(file, ec)) {
            return fail(Error::localized(ErrorCode::NotFound, "http.web_ui_not_built"));
        }
    }
    const auto size = fs::file_size(file, ec);
    const auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
    const std::string etag = fmt::format("\"{:x}-{:x}\"", size, static_cast<std::uint64_t>(mtime));

    const bool immutable = ctx.path.rfind("/assets/", 0) == 0;
    const std::string cache = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    if (auto inm = ctx.header("If-None-Match"); !inm.empty() && inm == etag) {
        Response res{HttpStatus::not_modified, 11};
        res.set(beast_http::field::etag, etag);
        res.set(beast_http::field::cache_control, cache);
        return res;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    Response res = make_response(HttpStatus::ok, body.str(), content_type_for(file));
    res.set(beast_http::field::etag, etag);
    res.set(beast_http::field::cache_control, cache);
    res.set("X-Content-Type-Options", "nosniff");
    if (file.extension() == ".html") {
        // The app has no inline script or style, so a strict policy costs nothing.
        res.set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        res.set("Referrer-Policy", "same-origin");
    }
    return res;
}

}  // namespace rapport::http
