#include "http/request_framing.hpp"

#include <gtest/gtest.h>

#include <string>

namespace rapport::http {
namespace {

namespace beast_http = boost::beast::http;

// Parses a request header from bytes as the server does, then checks its framing. Returns
// "beast: ..." when Beast itself refuses the header, the framing problem when we refuse it,
// and "" when the request is accepted.
std::string verdict(const std::string& head) {
    beast_http::request_parser<beast_http::string_body> parser;
    parser.eager(false);
    boost::beast::error_code ec;
    const std::string bytes = head + "\r\n";
    parser.put(boost::asio::buffer(bytes), ec);
    if (ec) return "beast: " + ec.message();
    EXPECT_TRUE(parser.is_header_done()) << head;
    return framing_problem(parser.get()).value_or("");
}

TEST(RequestFraming, AcceptsOneContentLengthOrChunkedAlone) {
    EXPECT_EQ(verdict("GET / HTTP/1.1\r\nHost: x\r\n"), "");
    EXPECT_EQ(verdict("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"), "");
    EXPECT_EQ(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"), "");
    EXPECT_EQ(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n"), "");
    EXPECT_EQ(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: , chunked ,\r\n"), "");
    EXPECT_EQ(verdict("GET / HTTP/1.0\r\n"), "");  // Host is required from HTTP/1.1 on
}

TEST(RequestFraming, RefusesACodingOtherThanChunkedLastOrAlone) {
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n")
                  .find("last transfer coding must be chunked, got 'identity'"),
              std::string::npos);
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n").find("'identity'"),
              std::string::npos);
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n")
                  .find("does not accept the transfer coding 'gzip'"),
              std::string::npos);
    // The same list split over two fields.
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"), "");
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n"), "");
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked;x=1\r\n"), "");
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \r\n"), "");
    EXPECT_NE(verdict("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n").find("HTTP/1.0"), std::string::npos);
}

TEST(RequestFraming, RefusesContentLengthWithTransferEncodingInEitherOrder) {
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n"), "");
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n"), "");
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nContent-Length: 5\r\n")
                  .find("both Content-Length and Transfer-Encoding"),
              std::string::npos);
}

TEST(RequestFraming, RefusesDuplicateOrConflictingContentLength) {
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n")
                  .find("more than one Content-Length"),
              std::string::npos);
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n").find("one decimal number"),
              std::string::npos);
    EXPECT_NE(verdict("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n"), "");
}

TEST(RequestFraming, RefusesAnHttp11RequestWithoutExactlyOneHost) {
    EXPECT_EQ(verdict("GET / HTTP/1.1\r\n"), "an HTTP/1.1 request needs a Host header");
    EXPECT_EQ(verdict("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n"), "the request has more than one Host header");
}

}  // namespace
}  // namespace rapport::http
