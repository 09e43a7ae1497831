#pragma once
// The error model shared by every layer (see docs/adr/0001-error-model.md).
//
// Expected failures (bad input, missing record, conflict, ...) travel as values:
// functions return Result<T>. Exceptions mean bugs or resource exhaustion; the HTTP
// layer catches them once per request and answers 500.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace rapport {

enum class ErrorCode {
    BadRequest,  // the request cannot be parsed (malformed JSON, bad query syntax)
    Validation,  // it parses, but values break rules (per-field errors)
    NotFound,
    Conflict,
    PreconditionFailed,
    Unauthenticated,
    Forbidden,
    PayloadTooLarge,
    RateLimited,
    Unavailable,
    Internal,
};

// One invalid field. `pointer` is an RFC 6901 JSON pointer to it in the input the code that
// found it was given ("/email", "/filter/all/0/field"); the domain knows nothing of where
// that input came from. The api layer places it in the request (api/field_location.hpp): it
// stays a pointer into the JSON body, or becomes a query parameter ("?filter/all/0/field").
// Code that reads the request itself may name a query parameter directly ("?limit").
struct FieldError {
    std::string pointer;
    std::string message;
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string detail;
    std::vector<FieldError> fields;
    std::optional<int> retry_after_seconds;  // RateLimited/Unavailable: when to try again

    Error() = default;
    Error(ErrorCode c, std::string d, std::vector<FieldError> f = {}, std::optional<int> retry_after = std::nullopt)
        : code(c), detail(std::move(d)), fields(std::move(f)), retry_after_seconds(retry_after) {}

    static Error bad_request(std::string detail) { return {ErrorCode::BadRequest, std::move(detail), {}}; }
    static Error validation(std::string detail, std::vector<FieldError> fields = {}) {
        return {ErrorCode::Validation, std::move(detail), std::move(fields)};
    }
    static Error field(std::string pointer, std::string message) {
        std::string detail = message;
        return {ErrorCode::Validation, std::move(detail), {{std::move(pointer), std::move(message)}}};
    }
    static Error not_found(std::string detail) { return {ErrorCode::NotFound, std::move(detail), {}}; }
    static Error conflict(std::string detail) { return {ErrorCode::Conflict, std::move(detail), {}}; }
    static Error unauthenticated(std::string detail) { return {ErrorCode::Unauthenticated, std::move(detail), {}}; }
    static Error forbidden(std::string detail) { return {ErrorCode::Forbidden, std::move(detail), {}}; }
    static Error rate_limited(std::string detail, std::optional<int> retry_after = std::nullopt) {
        return {ErrorCode::RateLimited, std::move(detail), {}, retry_after};
    }
    static Error unavailable(std::string detail) { return {ErrorCode::Unavailable, std::move(detail), {}}; }
    static Error internal(std::string detail) { return {ErrorCode::Internal, std::move(detail), {}}; }
};

template <class T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> fail(Error e) {
    return tl::unexpected<Error>(std::move(e));
}

const char* to_string(ErrorCode code);

}  // namespace rapport

// Propagates the error of a Result-returning expression, otherwise yields its value.
// A GNU statement expression: g++ and clang both accept it, and it keeps call sites flat.
#define RAPPORT_TRY(expr)                                                                         \
    __extension__({                                                                               \
        auto&& rapport_try_result_ = (expr);                                                      \
        if (!rapport_try_result_) return ::rapport::fail(std::move(rapport_try_result_).error()); \
        std::move(rapport_try_result_).value();                                                   \
    })

#define RAPPORT_CHECK(expr)                                                                           \
    do {                                                                                              \
        auto&& rapport_check_result_ = (expr);                                                        \
        if (!rapport_check_result_) return ::rapport::fail(std::move(rapport_check_result_).error()); \
    } while (0)
