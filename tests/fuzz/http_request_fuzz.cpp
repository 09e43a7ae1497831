// Beast's request parser plus our framing check, fed from bytes as the server reads a
// connection (no socket): header first, framing_problem(), then the body, then the next
// request on the same bytes (keep-alive). No memory error; an accepted request's framing
// is one the check calls sound.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "http/request_framing.hpp"

namespace beast_http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (int requests = 0; requests < 8 && !input.empty(); ++requests) {
        std::optional<beast_http::request_parser<beast_http::string_body>> parser;
        parser.emplace();
        parser->body_limit(64 * 1024);
        parser->header_limit(8 * 1024);
        parser->eager(false);
        boost::beast::error_code ec;
        // Header: as async_read_header does, feed until the header is done.
        while (!parser->is_header_done()) {
            const auto used = parser->put(boost::asio::buffer(input.data(), input.size()), ec);
            input.remove_prefix(used);
            if (ec == beast_http::error::need_more) return 0;  // the client has not sent it all
            if (ec) return 0;                                  // a 400, connection closed
            if (used == 0) return 0;
        }
        if (rapport::http::framing_problem(parser->get())) return 0;  // a 400, connection closed
        // A sound framing: chunked, or at most one plain Content-Length.
        const auto& req = parser->get();
        RAPPORT_FUZZ_CHECK(
            !(req.count(beast_http::field::content_length) && req.count(beast_http::field::transfer_encoding)));
        parser->eager(true);
        while (!parser->is_done()) {
            const auto used = parser->put(boost::asio::buffer(input.data(), input.size()), ec);
            input.remove_prefix(used);
            if (ec && ec != beast_http::error::need_more) return 0;  // a 400 or 413, connection closed
            if (used == 0) return 0;                                 // waiting for more bytes
        }
        if (const auto length = parser->content_length()) {
            RAPPORT_FUZZ_CHECK(parser->get().body().size() == *length);
        }
        if (!parser->keep_alive()) return 0;
    }
    return 0;
}
