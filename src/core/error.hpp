#pragma once
// The error model shared by every layer (see docs/adr/0001-error-model.md).
//
// Expected failures (bad input, missing record, conflict, ...) travel as values:
// functions return Result<T>. Exceptions mean bugs or resource exhaustion; the HTTP
// layer catches them once per request and answers 500.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "core/messages.hpp"

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
//
// A message from the catalogue (core/messages.hpp) also keeps its `key` and `args`, so the api
// layer can show it in the reader's language; `message` is always its English text.
struct Message;
struct FieldError {
    std::string pointer;
    std::string message;
    std::string key = {};  // the catalogue key of `message`; empty for a message not yet in it
    MessageArgs args = {};

    static FieldError localized(std::string pointer, std::string key, MessageArgs args = {}) {
        std::string english = messages::render(key, "en", args);
        return {std::move(pointer), std::move(english), std::move(key), std::move(args)};
    }
    static FieldError at(std::string pointer, Message message);
};

// A message on its own, for code that says what is wrong before it knows where (a value's
// normaliser): its English `text` and, when it comes from the catalogue, its key and arguments.
struct Message {
    std::string text;
    std::string key = {};
    MessageArgs args = {};

    static Message localized(std::string key, MessageArgs args = {}) {
        std::string english = messages::render(key, "en", args);
        return {std::move(english), std::move(key), std::move(args)};
    }
    bool operator==(std::string_view english) const { return text == english; }
    // Code written for plain English messages keeps working (and shows the English text).
    operator const std::string&() const { return text; }  // NOLINT(google-explicit-constructor)
};

inline FieldError FieldError::at(std::string pointer, Message message) {
    return {std::move(pointer), std::move(message.text), std::move(message.key), std::move(message.args)};
}

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string detail;
    std::vector<FieldError> fields;
    std::optional<int> retry_after_seconds;  // RateLimited/Unavailable: when to try again
    // The catalogue key of `detail` (core/messages.hpp) and its arguments; empty when the detail
    // is not in the catalogue yet. `detail` stays the English text.
    std::string key;
    MessageArgs args;
    // The language `detail` and the fields' messages were put in (api/localize.hpp); empty
    // while they are the English texts the code wrote.
    std::string language;

    Error() = default;
    Error(ErrorCode c, std::string d, std::vector<FieldError> f = {}, std::optional<int> retry_after = std::nullopt)
        : code(c), detail(std::move(d)), fields(std::move(f)), retry_after_seconds(retry_after) {}

    // A failure whose detail is the catalogue's message `key` (rendered in English here; the api
    // layer renders it again in the request's language): Error::localized(ErrorCode::NotFound,
    // "common.not_found", {{"what", "company"}}).
    static Error localized(ErrorCode c, std::string key, MessageArgs args = {}, std::vector<FieldError> f = {}) {
        Error e(c, messages::render(key, "en", args), std::move(f));
        e.key = std::move(key);
        e.args = std::move(args);
        return e;
    }
    // One invalid field whose message is the catalogue's `key`; the detail repeats it, as field() does.
    static Error localized_field(std::string pointer, std::string key, MessageArgs args = {}) {
        FieldError f = FieldError::localized(std::move(pointer), key, args);
        Error e(ErrorCode::Validation, f.message, {});
        e.key = std::move(key);
        e.args = std::move(args);
        e.fields.push_back(std::move(f));
        return e;
    }

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
