#pragma once
// Server messages in the reader's language (docs/adr/0005-server-messages.md). The domain
// writes an Error in English and, for a message of the catalogue (core/messages.hpp), its key
// and arguments; here, once the request is known, the detail and each field error are
// rendered again in the request's language. Problem types, titles and field pointers stay as
// they are: clients branch on those.
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace rapport::api {

// The language problem details of this request are shown in: the signed-in user's setting
// (RequestContext::user_language), else the best served language of Accept-Language, else "en".
std::string_view request_language(const http::RequestContext& ctx);

// Renders `error`'s catalogue messages in the request's language and records it in
// Error::language (the problem response's Content-Language). Messages without a key stay English.
void localize_error(const http::RequestContext& ctx, Error& error);

// The router's error filter: places field errors (api/field_location.hpp), then localizes.
void filter_error(const http::RequestContext& ctx, Error& error);

}  // namespace rapport::api
