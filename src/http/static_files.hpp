#pragma once
// Serves the built web UI from a directory. Single-page-app fallback: a GET for a path
// with no file extension answers index.html, so client-side routes survive a reload.
// Cache policy: Vite's content-hashed files under /assets/ are immutable for a year;
// everything else (index.html) must be revalidated, using an ETag.
#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace rapport::http {

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

    // Thread-safe (reads the file system on every call; the OS page cache does the caching).
    Result<Response> serve(const RequestContext& ctx) const;

    bool available() const;

private:
    std::filesystem::path root_;
};

std::string_view content_type_for(const std::filesystem::path& path);

}  // namespace rapport::http
