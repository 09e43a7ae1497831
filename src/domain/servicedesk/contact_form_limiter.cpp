#include "domain/servicedesk/contact_form_limiter.hpp"

#include <algorithm>

namespace rapport::domain::servicedesk {

namespace {

int seconds_until(UnixMillis at, UnixMillis now) {
    return static_cast<int>(std::max<UnixMillis>(1, (at - now + 999) / 1000));
}

}  // namespace

std::optional<ContactFormLimiter::Refusal> ContactFormLimiter::admit(const std::string& address, Id workspace_id) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now_ms();
    if (addresses_.size() + workspaces_.size() > limits_.max_entries) {
        std::erase_if(addresses_, [&](const auto& e) { return now - e.second.started >= limits_.address_window_ms; });
        std::erase_if(workspaces_,
                      [&](const auto& e) { return now - e.second.started >= limits_.workspace_window_ms; });
        if (addresses_.size() + workspaces_.size() > limits_.max_entries) {
            addresses_.clear();
            workspaces_.clear();
        }
    }
    auto& by_address = addresses_[id_to_string(workspace_id) + '\n' + address];
    auto& by_workspace = workspaces_[workspace_id];
    if (now - by_address.started >= limits_.address_window_ms) by_address = Window{now, 0};
    if (now - by_workspace.started >= limits_.workspace_window_ms) by_workspace = Window{now, 0};
    if (by_address.count >= limits_.per_address) {
        return Refusal{Refusal::Scope::Address, seconds_until(by_address.started + limits_.address_window_ms, now)};
    }
    if (by_workspace.count >= limits_.per_workspace) {
        return Refusal{Refusal::Scope::Workspace,
                       seconds_until(by_workspace.started + limits_.workspace_window_ms, now)};
    }
    ++by_address.count;
    ++by_workspace.count;
    return std::nullopt;
}

}  // namespace rapport::domain::servicedesk
