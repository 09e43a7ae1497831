#pragma once
// A small synchronous HTTP/1.1 client over loopback for API tests (Beast, keep-alive).
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>

namespace rapport::testing {

struct HttpResult {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;

    nlohmann::json json() const;
    std::string header(const std::string& lower_name) const;
};

class HttpClient {
public:
    HttpClient(std::string host, unsigned short port);
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;

    // Headers to send with every request (e.g. Authorization).
    void set_default_header(const std::string& name, const std::string& value) { defaults_[name] = value; }
    void clear_default_header(const std::string& name) { defaults_.erase(name); }

    HttpResult request(const std::string& method, const std::string& target, const std::string& body = "",
                       std::map<std::string, std::string> headers = {});
    HttpResult get(const std::string& target) { return request("GET", target); }
    HttpResult post(const std::string& target, const nlohmann::json& body) {
        return request("POST", target, body.dump(), {{"Content-Type", "application/json"}});
    }
    HttpResult patch(const std::string& target, const nlohmann::json& body) {
        return request("PATCH", target, body.dump(), {{"Content-Type", "application/json"}});
    }
    HttpResult put(const std::string& target, const nlohmann::json& body) {
        return request("PUT", target, body.dump(), {{"Content-Type", "application/json"}});
    }
    HttpResult del(const std::string& target) { return request("DELETE", target); }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::map<std::string, std::string> defaults_;
};

// Percent-encodes everything but unreserved characters (for query parameters).
std::string url_encode(const std::string& s);

// Sends raw bytes on a fresh connection and returns whatever the server answers before
// closing (or until `timeout_ms`).
std::string raw_exchange(unsigned short port, const std::string& bytes, int timeout_ms);

}  // namespace rapport::testing
