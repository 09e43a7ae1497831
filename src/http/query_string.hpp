#pragma once
// Splitting a request target into path and query, and parsing the query string
// (application/x-www-form-urlencoded rules: '+' is a space, %XX escapes, repeated keys kept).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport::http {

// Decodes %XX escapes (and '+' as space when `plus_is_space`). Returns nullopt for a
// malformed escape or a NUL byte, decoded or raw.
std::optional<std::string> percent_decode(std::string_view in, bool plus_is_space);

class QueryParams {
public:
    QueryParams() = default;
    // Fails (nullopt) when any key or value has a malformed escape.
    static std::optional<QueryParams> parse(std::string_view query);

    // The first value of `key`, if present.
    std::optional<std::string_view> get(std::string_view key) const;
    // Every value of `key`, in order.
    std::vector<std::string_view> get_all(std::string_view key) const;
    bool has(std::string_view key) const { return get(key).has_value(); }
    const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

struct Target {
    std::string path;   // percent-decoded
    std::string query;  // raw, after '?'
};

// Splits and decodes a request-target in origin form ("/a/b?x=1"). Rejects targets that
// do not start with '/', that contain a NUL (raw or decoded), or a ".." segment.
std::optional<Target> parse_target(std::string_view target);

}  // namespace rapport::http
