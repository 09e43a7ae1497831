#include "http/query_string.hpp"

namespace rapport::http {

namespace {
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::optional<std::string> percent_decode(std::string_view in, bool plus_is_space) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size()) return std::nullopt;
            const int hi = hex_value(in[i + 1]);
            const int lo = hex_value(in[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            const char decoded = static_cast<char>(hi * 16 + lo);
            if (decoded == '\0') return std::nullopt;
            out.push_back(decoded);
            i += 2;
        } else if (c == '\0') {
            // Beast refuses raw control bytes in a target, but callers may pass other text:
            // a NUL is refused however it is written.
            return std::nullopt;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::optional<QueryParams> QueryParams::parse(std::string_view query) {
    QueryParams params;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        auto key = percent_decode(pair.substr(0, eq), true);
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
        if (!key || !value) return std::nullopt;
        params.items_.emplace_back(std::move(*key), std::move(*value));
    }
    return params;
}

std::optional<std::string_view> QueryParams::get(std::string_view key) const {
    for (const auto& [k, v] : items_) {
        if (k == key) return std::string_view(v);
    }
    return std::nullopt;
}

std::vector<std::string_view> QueryParams::get_all(std::string_view key) const {
    std::vector<std::string_view> out;
    for (const auto& [k, v] : items_) {
        if (k == key) out.emplace_back(v);
    }
    return out;
}

std::optional<Target> parse_target(std::string_view target) {
    if (target.empty() || target.front() != '/') return std::nullopt;
    const std::size_t q = target.find('?');
    auto path = percent_decode(target.substr(0, q), false);
    if (!path) return std::nullopt;
    // Refuse dot-dot segments outright: nothing legitimate needs them, and static file
    // serving must never climb out of its root.
    std::string_view p = *path;
    std::size_t start = 0;
    while (start <= p.size()) {
        const std::size_t slash = p.find('/', start);
        const std::string_view segment = p.substr(start, slash == std::string_view::npos ? p.npos : slash - start);
        if (segment == "..") return std::nullopt;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    Target out;
    out.path = std::move(*path);
    if (q != std::string_view::npos) out.query = std::string(target.substr(q + 1));
    return out;
}

}  // namespace rapport::http
