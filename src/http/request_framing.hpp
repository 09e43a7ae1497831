#pragma once
// How a request header frames its body (RFC 9112 §6.3), checked before any body byte is
// read. A request whose framing two parties could read differently is refused, because a
// proxy in front of us might take the bytes we treat as the next request as this request's
// body (request smuggling). Pure and thread-safe; the server and the fuzzers call it.
#include <boost/beast/http.hpp>

#include <optional>
#include <string>

namespace rapport::http {

// Nullopt when the framing is sound: at most one Content-Length (a plain decimal number), or
// Transfer-Encoding exactly "chunked" without Content-Length, and on HTTP/1.1 exactly one
// Host. Otherwise the detail for a 400 answer, after which the connection must be closed:
// the rest of the bytes on it cannot be trusted to start a request.
std::optional<std::string> framing_problem(const boost::beast::http::request_header<>& header);

}  // namespace rapport::http
