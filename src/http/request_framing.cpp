#include "http/request_framing.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace rapport::http {

namespace beast_http = boost::beast::http;

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Every transfer coding named by every Transfer-Encoding field, in order. Empty list
// elements are skipped (RFC 9110 §5.6.1); parameters stay attached, so "chunked;x=1" is
// not mistaken for chunked.
std::vector<std::string> transfer_codings(const beast_http::fields& fields) {
    std::vector<std::string> codings;
    auto [first, last] = fields.equal_range(beast_http::field::transfer_encoding);
    for (auto it = first; it != last; ++it) {
        std::string_view value(it->value().data(), it->value().size());
        while (true) {
            const auto comma = value.find(',');
            const auto element = trim(value.substr(0, comma));
            if (!element.empty()) codings.push_back(lower(element));
            if (comma == std::string_view::npos) break;
            value.remove_prefix(comma + 1);
        }
    }
    return codings;
}

std::size_t count(const beast_http::fields& fields, beast_http::field name) {
    auto [first, last] = fields.equal_range(name);
    return static_cast<std::size_t>(std::distance(first, last));
}

constexpr std::string_view kHowToSend =
    "; send the body with one Content-Length or with Transfer-Encoding: chunked alone";

}  // namespace

std::optional<std::string> framing_problem(const beast_http::request_header<>& header) {
    const auto& fields = static_cast<const beast_http::fields&>(header);
    if (header.version() >= 11) {
        const auto hosts = count(fields, beast_http::field::host);
        if (hosts == 0) return "an HTTP/1.1 request needs a Host header";
        if (hosts > 1) return "the request has more than one Host header";
    }

    const auto lengths = count(fields, beast_http::field::content_length);
    if (lengths > 1) return "the request has more than one Content-Length header" + std::string(kHowToSend);
    if (lengths == 1) {
        const auto value = trim(std::string_view(fields[beast_http::field::content_length].data(),
                                                 fields[beast_http::field::content_length].size()));
        const bool digits = !value.empty() && std::all_of(value.begin(), value.end(),
                                                          [](unsigned char c) { return std::isdigit(c) != 0; });
        if (!digits) return "Content-Length must be one decimal number of bytes" + std::string(kHowToSend);
    }

    if (count(fields, beast_http::field::transfer_encoding) == 0) return std::nullopt;
    if (header.version() < 11) return "Transfer-Encoding is not defined for HTTP/1.0" + std::string(kHowToSend);
    if (lengths > 0) return "the request has both Content-Length and Transfer-Encoding" + std::string(kHowToSend);
    const auto codings = transfer_codings(fields);
    if (codings.empty()) return "Transfer-Encoding names no transfer coding" + std::string(kHowToSend);
    if (codings.back() != "chunked") {
        return "the last transfer coding must be chunked, got '" + codings.back() + "'" + std::string(kHowToSend);
    }
    if (codings.size() == 1) return std::nullopt;
    if (codings.front() == "chunked") return "chunked may be applied only once" + std::string(kHowToSend);
    // identity is no transfer coding in HTTP/1.1, and we decode no compression.
    return "this server does not accept the transfer coding '" + codings.front() + "'" + std::string(kHowToSend);
}

}  // namespace rapport::http
