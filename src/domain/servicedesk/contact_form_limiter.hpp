#pragma once
// Rate limits of the public contact form, in the manner of identity's LoginThrottle: fixed
// windows counted in memory, per client address and per workspace. An attempt that is let
// through counts (spam included, so a bot spends its allowance); a refused one does not, so
// waiting Retry-After seconds always helps. A restart forgets; memory stays bounded (past
// `max_entries` expired windows go, then everything). Thread-safe.
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::servicedesk {

class ContactFormLimiter {
public:
    struct Limits {
        int per_address = 5;
        UnixMillis address_window_ms = 10 * 60 * 1000;
        int per_workspace = 200;
        UnixMillis workspace_window_ms = 60 * 60 * 1000;
        std::size_t max_entries = 100'000;
    };
    struct Refusal {
        enum class Scope { Address, Workspace };
        Scope scope;
        int retry_after_s;  // at least 1
    };

    explicit ContactFormLimiter(const Clock& clock) : ContactFormLimiter(clock, Limits{}) {}
    ContactFormLimiter(const Clock& clock, Limits limits) : clock_(clock), limits_(limits) {}

    // nullopt (and the attempt counted) when `address` may submit to the workspace's form now.
    std::optional<Refusal> admit(const std::string& address, Id workspace_id);

private:
    struct Window {
        UnixMillis started = 0;
        int count = 0;
    };

    const Clock& clock_;
    Limits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> addresses_;  // workspace id + '\n' + address
    std::unordered_map<Id, Window> workspaces_;
};

}  // namespace rapport::domain::servicedesk
