#include <utility>

#include "testlib/http_client.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

namespace rapport::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

nlohmann::json HttpResult::json() const {
    return nlohmann::json::parse(body, nullptr, false);
}

std::string HttpResult::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string{} : it->second;
}

struct HttpClient::Impl {
    std::string host;
    unsigned short port;
    net::io_context io;
    std::unique_ptr<beast::tcp_stream> stream;
    beast::flat_buffer buffer;

    void connect() {
        stream = std::make_unique<beast::tcp_stream>(io);
        stream->connect(tcp::endpoint(net::ip::make_address(host), port));
        buffer.clear();
    }
};

HttpClient::HttpClient(std::string host, unsigned short port) : impl_(std::make_unique<Impl>()) {
    impl_->host = std::move(host);
    impl_->port = port;
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResult HttpClient::request(const std::string& method, const std::string& target, const std::string& body,
                               std::map<std::string, std::string> headers) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!impl_->stream) impl_->connect();
        bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
        req.set(bhttp::field::host, impl_->host);
        for (const auto& [k, v] : defaults_) req.set(k, v);
        for (const auto& [k, v] : headers) req.set(k, v);
        req.body() = body;
        req.prepare_payload();
        beast::error_code ec;
        bhttp::write(*impl_->stream, req, ec);
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        if (method == "HEAD") parser.skip(true);
        if (!ec) bhttp::read(*impl_->stream, impl_->buffer, parser, ec);
        if (ec) {  // the server closed a kept-alive connection: reconnect once
            impl_->stream.reset();
            if (attempt == 0) continue;
            throw std::runtime_error("HTTP " + method + " " + target + " failed: " + ec.message());
        }
        auto res = parser.release();
        HttpResult out;
        out.status = static_cast<int>(res.result_int());
        for (const auto& field : res) {
            std::string name(field.name_string());
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            out.headers[name] = std::string(field.value());
        }
        out.body = std::move(res.body());
        if (!res.keep_alive()) impl_->stream.reset();
        return out;
    }
    throw std::runtime_error("unreachable");
}

std::string url_encode(const std::string& s) {
    std::string out;
    const char* hex = "0123456789ABCDEF";
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string raw_exchange(unsigned short port, const std::string& bytes, int timeout_ms) {
    net::io_context io;
    tcp::socket socket(io);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    net::write(socket, net::buffer(bytes));
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    socket.non_blocking(true);
    char buf[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        beast::error_code ec;
        const auto n = socket.read_some(net::buffer(buf), ec);
        if (ec == net::error::would_block) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        if (ec) break;  // closed
        out.append(buf, n);
    }
    return out;
}

}  // namespace rapport::testing
