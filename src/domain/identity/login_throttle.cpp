#include "domain/identity/login_throttle.hpp"

namespace rapport::domain {

std::optional<int> LoginThrottle::check(const std::string& key, int limit, UnixMillis now) {
    auto it = windows_.find(key);
    if (it == windows_.end()) return std::nullopt;
    if (now - it->second.started >= window_ms_) {
        windows_.erase(it);
        return std::nullopt;
    }
    if (it->second.failures < limit) return std::nullopt;
    return static_cast<int>((it->second.started + window_ms_ - now + 999) / 1000);
}

void LoginThrottle::bump(const std::string& key, UnixMillis now) {
    auto& w = windows_[key];
    if (w.failures == 0 || now - w.started >= window_ms_) w = Window{now, 0};
    ++w.failures;
}

std::optional<int> LoginThrottle::retry_after(const std::string& email, const std::string& ip) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now_ms();
    if (auto s = check("e:" + email, max_failures_, now)) return s;
    return check("i:" + ip, max_failures_ * 4, now);
}

void LoginThrottle::record_failure(const std::string& email, const std::string& ip) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now_ms();
    if (windows_.size() > 100000) windows_.clear();  // bound memory under a spray of addresses
    bump("e:" + email, now);
    bump("i:" + ip, now);
}

void LoginThrottle::record_success(const std::string& email) {
    std::lock_guard lock(mutex_);
    windows_.erase("e:" + email);
}

}  // namespace rapport::domain
