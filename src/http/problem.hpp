#pragma once
// RFC 9457 problem details: the one place where an Error becomes an HTTP status.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace rapport::http {

struct ProblemType {
    HttpStatus status;
    std::string_view type;   // a stable URI naming the kind of problem
    std::string_view title;  // a short, constant summary
};

ProblemType problem_type(ErrorCode code);

// At most this many entries of Error::fields are listed in "errors"; "errors_omitted"
// counts the rest and the detail says so.
inline constexpr std::size_t kMaxProblemErrors = 100;

// An application/problem+json response for `error`. `instance` is the request path.
Response problem_response(const Error& error, std::string_view instance, std::string_view request_id);

// For failures the server meets before any handler runs (413, 408, 404, 405, 400).
Response problem_response(HttpStatus status, std::string_view type, std::string_view title, std::string_view detail,
                          std::string_view instance, std::string_view request_id);

// The same, with the detail the catalogue's message `key` (core/messages.hpp) in the language
// the request's Accept-Language prefers (no user is known before a handler runs), and
// Content-Language set to it.
Response problem_response(HttpStatus status, std::string_view type, std::string_view title, const Request& request,
                          std::string_view key, const MessageArgs& args, std::string_view instance,
                          std::string_view request_id);

}  // namespace rapport::http
