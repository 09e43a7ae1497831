#include "core/error.hpp"

namespace rapport {

const char* to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::BadRequest: return "bad_request";
        case ErrorCode::Validation: return "validation";
        case ErrorCode::NotFound: return "not_found";
        case ErrorCode::Conflict: return "conflict";
        case ErrorCode::PreconditionFailed: return "precondition_failed";
        case ErrorCode::Unauthenticated: return "unauthenticated";
        case ErrorCode::Forbidden: return "forbidden";
        case ErrorCode::PayloadTooLarge: return "payload_too_large";
        case ErrorCode::RateLimited: return "rate_limited";
        case ErrorCode::Unavailable: return "unavailable";
        case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

}  // namespace rapport
