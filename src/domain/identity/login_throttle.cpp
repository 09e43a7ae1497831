#include "domain/identity/login_throttle.hpp"

#include <algorithm>

namespace rapport::domain {

namespace {

std::string pair_key(const std::string& email, const std::string& address) {
    return email + '\n' + address;
}

int seconds_until(UnixMillis at, UnixMillis now) {
    return static_cast<int>(std::max<UnixMillis>(1, (at - now + 999) / 1000));
}

}  // namespace

void LoginThrottle::bump(Window& w, UnixMillis now) const {
    if (w.failures == 0 || expired(w, now)) w = Window{now, 0};
    ++w.failures;
}

bool LoginThrottle::is_good(const Account& a, const std::string& address, UnixMillis now) const {
    return std::any_of(a.good.begin(), a.good.end(),
                       [&](const auto& g) { return g.first == address && now - g.second < limits_.remember_good_ms; });
}

std::optional<LoginThrottle::Refusal> LoginThrottle::check(const std::string& email, const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now_ms();
    const auto over = [&](const auto& map, const std::string& key, int limit) -> std::optional<Refusal> {
        const auto it = map.find(key);
        if (it == map.end() || expired(it->second, now) || it->second.failures < limit) return std::nullopt;
        return Refusal{Refusal::Scope::Address, seconds_until(it->second.started + limits_.window_ms, now)};
    };
    if (auto r = over(pairs_, pair_key(email, address), limits_.per_pair)) return r;
    if (auto r = over(addresses_, address, limits_.per_address)) return r;
    const auto it = accounts_.find(email);
    if (it == accounts_.end() || it->second.next_attempt_at <= now || is_good(it->second, address, now)) {
        return std::nullopt;
    }
    return Refusal{Refusal::Scope::Account, seconds_until(it->second.next_attempt_at, now)};
}

void LoginThrottle::record_failure(const std::string& email, const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now_ms();
    prune(now);
    bump(pairs_[pair_key(email, address)], now);
    bump(addresses_[address], now);
    auto& account = accounts_[email];
    bump(account.window, now);
    const int beyond = account.window.failures - limits_.account_free;
    if (beyond > 0) {
        // 1 s, 2 s, 4 s ... up to the cap; the shift is bounded so it cannot overflow.
        const UnixMillis delay = std::min<UnixMillis>(1000LL << std::min(beyond - 1, 30), limits_.account_max_delay_ms);
        account.next_attempt_at = now + delay;
    }
}

void LoginThrottle::record_success(const std::string& email, const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now_ms();
    prune(now);
    pairs_.erase(pair_key(email, address));
    auto& good = accounts_[email].good;
    std::erase_if(good, [&](const auto& g) { return g.first == address; });
    good.emplace_front(address, now);
    if (good.size() > limits_.good_per_account) good.pop_back();
}

void LoginThrottle::prune(UnixMillis now) {
    if (pairs_.size() + addresses_.size() + accounts_.size() <= limits_.max_entries) return;
    std::erase_if(pairs_, [&](const auto& e) { return expired(e.second, now); });
    std::erase_if(addresses_, [&](const auto& e) { return expired(e.second, now); });
    for (auto it = accounts_.begin(); it != accounts_.end();) {
        auto& a = it->second;
        std::erase_if(a.good, [&](const auto& g) { return now - g.second >= limits_.remember_good_ms; });
        const bool idle = a.good.empty() && expired(a.window, now) && a.next_attempt_at <= now;
        it = idle ? accounts_.erase(it) : std::next(it);
    }
    // A spray of fresh addresses and emails could still fill memory: forget it all then.
    if (pairs_.size() + addresses_.size() + accounts_.size() > limits_.max_entries) {
        pairs_.clear();
        addresses_.clear();
        accounts_.clear();
    }
}

}  // namespace rapport::domain
