#pragma once
// Throttles password guessing without letting a stranger lock a user out (OWASP
// Authentication Cheat Sheet: throttle per account *and* per address, not a bare account
// lockout). Three counters of failed sign-ins, each over a fixed window:
// - per (email, address) pair: `per_pair` failures refuse that address for that email until
//   the window passes: the guesser is stopped, the user elsewhere is not;
// - per address: `per_address` failures over any emails refuse that address (spraying);
// - per email, from every address: beyond `account_free` failures each further one makes the
//   email wait before its next attempt, doubling from 1 s up to `account_max_delay_ms`: a
//   guesser with many addresses gets a bounded rate, and the user a bounded wait. Addresses
//   that signed in to the email successfully within `remember_good_ms` skip this wait.
// Emails are counted whether or not an account has them, so the answers enumerate nothing.
// In memory: a restart forgets, which only ever favours the user; with several servers each
// counts its own attempts (docs/architecture.md). Memory stays bounded: past `max_entries`
// expired entries go, then everything (availability over strictness). Thread-safe.
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace rapport::domain {

class LoginThrottle {
public:
    struct Limits {
        int per_pair = 5;
        int per_address = 20;
        int account_free = 10;
        UnixMillis account_max_delay_ms = 60'000;
        UnixMillis window_ms = 15 * 60 * 1000;
        UnixMillis remember_good_ms = 30LL * 24 * 3600 * 1000;
        std::size_t good_per_account = 8;
        std::size_t max_entries = 100'000;
    };

    // Why an attempt is refused, and for how long.
    struct Refusal {
        enum class Scope { Address, Account };
        Scope scope;
        int retry_after_s;  // at least 1
    };

    explicit LoginThrottle(const Clock& clock) : LoginThrottle(clock, Limits{}) {}
    LoginThrottle(const Clock& clock, Limits limits) : clock_(clock), limits_(limits) {}

    // nullopt when `address` may try `email` now.
    std::optional<Refusal> check(const std::string& email, const std::string& address);
    void record_failure(const std::string& email, const std::string& address);
    // Forgets the pair's failures and remembers `address` as good for `email`. The address's
    // and the email's counters stay: a success on one's own account must not reset a spray.
    void record_success(const std::string& email, const std::string& address);

private:
    struct Window {
        UnixMillis started = 0;
        int failures = 0;
    };
    struct Account {
        Window window;
        UnixMillis next_attempt_at = 0;
        std::deque<std::pair<std::string, UnixMillis>> good;  // address, last success; newest first
    };

    bool expired(const Window& w, UnixMillis now) const { return now - w.started >= limits_.window_ms; }
    void bump(Window& w, UnixMillis now) const;
    bool is_good(const Account& a, const std::string& address, UnixMillis now) const;
    void prune(UnixMillis now);

    const Clock& clock_;
    Limits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> pairs_;  // email + '\n' + address
    std::unordered_map<std::string, Window> addresses_;
    std::unordered_map<std::string, Account> accounts_;
};

}  // namespace rapport::domain
