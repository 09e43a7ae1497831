// The JSON body reader on arbitrary bytes, as a handler uses it: parse, read a few typed
// fields, finish. No memory error, no exception (an exception here is a 500), and a body
// that does not parse always gets a detail.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/json_body.hpp"
#include "api/json_syntax_error.hpp"
#include "fuzz/fuzz_check.hpp"

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    http::Request request;
    request.set(http::beast_http::field::content_type, "application/json");
    request.body().assign(reinterpret_cast<const char*>(data), size);
    const http::PeerInfo peer;
    const http::RequestContext ctx{request, peer, "/fuzz", {}, {}, "/fuzz", "fuzz"};

    auto body = api::JsonBody::parse(ctx);
    if (!body) {
        RAPPORT_FUZZ_CHECK(body.error().code == ErrorCode::BadRequest);
        RAPPORT_FUZZ_CHECK(!body.error().detail.empty());
        // Whatever the body reader refused, the locator must agree that it is not an object.
        const auto located = api::find_json_error(request.body());
        RAPPORT_FUZZ_CHECK(located || body.error().detail == "the body must be a JSON object");
        return 0;
    }
    RAPPORT_FUZZ_CHECK(!api::find_json_error(request.body()));
    body->string("name");
    body->boolean("flag");
    body->integer("n");
    body->objects("items");
    body->string_list("tags");
    const auto status = body->finish("fuzz");
    if (!status) RAPPORT_FUZZ_CHECK(!status.error().fields.empty());
    return 0;
}
