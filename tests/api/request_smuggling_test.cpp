// Request smuggling over a raw socket against the real binary: a request whose body framing
// is ambiguous (RFC 9112 §6.3) is answered 400 and its connection closed, so the bytes after
// its header, here a complete POST /api/v1/people, never run as a second request.
#include <gtest/gtest.h>

#include <string>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class RequestSmugglingTest : public ApiTest {
protected:
    // A complete, authorised request that would create a person if it ever ran.
    std::string smuggled_create() {
        const std::string body = R"({"fields":{"first_name":"Smuggled","last_name":"Person"}})";
        return "POST /api/v1/people HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key() +
               "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
               body;
    }
    long people() {
        auto res = with_key(key()).get("/api/v1/people/count");
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json()["count"].get<long>();
    }
    const std::string& key() {
        if (key_.empty()) key_ = server_->api_key("acme", "admin");
        return key_;
    }
    // Sends `head` (the header fields after the request line) with the smuggled request as
    // its body; expects one 400 problem, a closed connection and no new person.
    void expect_refused(const std::string& head, const std::string& expected_detail) {
        SCOPED_TRACE(head);
        const long before = people();
        const std::string outer = "POST /api/v1/auth/login HTTP/1.1\r\n" + head + "\r\n" + smuggled_create();
        const auto raw = raw_exchange(server_->port(), outer, 2000);
        EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw;
        EXPECT_NE(raw.find("application/problem+json"), std::string::npos) << raw;
        EXPECT_NE(raw.find("Connection: close"), std::string::npos) << raw;
        EXPECT_NE(raw.find(expected_detail), std::string::npos) << raw;
        EXPECT_EQ(raw.find("HTTP/1.1", 1), std::string::npos) << "a second response was sent:\n" << raw;
        EXPECT_EQ(people(), before) << "the smuggled POST /api/v1/people ran";
    }

    std::string key_;
};

TEST_F(RequestSmugglingTest, TheSmuggledRequestRunsWhenSentOnItsOwn) {
    // The control: the very bytes the tests below hide in a body do create a person.
    const long before = people();
    const auto raw = raw_exchange(server_->port(), smuggled_create(), 2000);
    EXPECT_EQ(raw.rfind("HTTP/1.1 201", 0), 0u) << raw;
    EXPECT_EQ(people(), before + 1);
}

TEST_F(RequestSmugglingTest, TransferEncodingWhoseLastCodingIsNotChunkedIs400) {
    expect_refused("Host: x\r\nTransfer-Encoding: chunked, identity\r\n", "last transfer coding must be chunked");
    expect_refused("Host: x\r\nTransfer-Encoding: identity\r\n", "'identity'");
}

TEST_F(RequestSmugglingTest, UnsupportedCodingBeforeChunkedIs400) {
    expect_refused("Host: x\r\nTransfer-Encoding: gzip, chunked\r\n", "transfer coding 'gzip'");
}

TEST_F(RequestSmugglingTest, ContentLengthWithTransferEncodingIs400) {
    expect_refused("Host: x\r\nTransfer-Encoding: gzip\r\nContent-Length: 0\r\n",
                   "both Content-Length and Transfer-Encoding");
    // Beast already refuses this order; the answer must be the same.
    expect_refused("Host: x\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n", "\"status\":400");
}

TEST_F(RequestSmugglingTest, DuplicateOrConflictingContentLengthIs400) {
    expect_refused("Host: x\r\nContent-Length: 0\r\nContent-Length: 0\r\n", "more than one Content-Length");
    expect_refused("Host: x\r\nContent-Length: 0, 0\r\n", "one decimal number");
    expect_refused("Host: x\r\nContent-Length: 0\r\nContent-Length: 7\r\n", "\"status\":400");
}

TEST_F(RequestSmugglingTest, Http11RequestWithoutHostIs400) {
    const long before = people();
    // Otherwise a complete, authorised request: only the Host header is missing.
    const std::string body = R"({"fields":{"first_name":"No","last_name":"Host"}})";
    const auto raw = raw_exchange(
        server_->port(),
        "POST /api/v1/people HTTP/1.1\r\nAuthorization: Bearer " + key() +
            "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body,
        2000);
    EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw;
    EXPECT_NE(raw.find("needs a Host header"), std::string::npos) << raw;
    EXPECT_EQ(people(), before);
}

}  // namespace rapport::testing
