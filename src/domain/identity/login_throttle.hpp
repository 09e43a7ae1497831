#pragma once
// Throttles password guessing: after `max_failures` failed logins for one email (or
// 4x that from one IP address) within `window`, further attempts are refused until the
// window passes. In memory: a restart forgets, which only ever favours the user; with
// several servers each counts its own attempts (docs/architecture.md).
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace rapport::domain {

class LoginThrottle {
public:
    explicit LoginThrottle(const Clock& clock, int max_failures = 5, UnixMillis window_ms = 15 * 60 * 1000)
        : clock_(clock), max_failures_(max_failures), window_ms_(window_ms) {}

    // Seconds until another attempt is allowed, or nullopt when allowed now. Thread-safe.
    std::optional<int> retry_after(const std::string& email, const std::string& ip);
    void record_failure(const std::string& email, const std::string& ip);
    void record_success(const std::string& email);

private:
    struct Window {
        UnixMillis started = 0;
        int failures = 0;
    };
    std::optional<int> check(const std::string& key, int limit, UnixMillis now);
    void bump(const std::string& key, UnixMillis now);

    const Clock& clock_;
    int max_failures_;
    UnixMillis window_ms_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
};

}  // namespace rapport::domain
