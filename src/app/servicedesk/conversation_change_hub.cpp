#include "app/servicedesk/conversation_change_hub.hpp"

#include <vector>

namespace rapport::app {

void ConversationChangeHub::changed(Id workspace_id, Id conversation_id) {
    {
        std::lock_guard lock(mutex_);
        ring_.push_back({++sequence_, workspace_id, conversation_id});
        if (ring_.size() > kRing) ring_.pop_front();
    }
    wake_all();
}

void ConversationChangeHub::wake_all() {
    std::vector<std::function<void()>> wake;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [token, w] : subscribers_) wake.push_back(w);
    }
    for (const auto& w : wake) w();
}

void ConversationChangeHub::start(std::chrono::milliseconds period) {
    std::lock_guard lock(mutex_);
    if (ticker_.joinable()) return;
    stopping_ = false;
    ticker_ = std::thread([this, period] {
        for (;;) {
            {
                std::unique_lock wait(mutex_);
                if (tick_.wait_for(wait, period, [this] { return stopping_; })) return;
            }
            wake_all();
        }
    });
}

void ConversationChangeHub::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    tick_.notify_all();
    if (ticker_.joinable()) ticker_.join();
}

std::uint64_t ConversationChangeHub::latest() const {
    std::lock_guard lock(mutex_);
    return sequence_;
}

std::vector<ConversationChangeHub::Change> ConversationChangeHub::since(Id workspace_id, std::uint64_t after) const {
    std::lock_guard lock(mutex_);
    std::vector<Change> out;
    for (auto it = ring_.rbegin(); it != ring_.rend() && it->sequence > after; ++it) {
        if (it->workspace_id == workspace_id) out.push_back(*it);
    }
    return {out.rbegin(), out.rend()};
}

std::uint64_t ConversationChangeHub::subscribe(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    subscribers_[++next_token_] = std::move(wake);
    return next_token_;
}

void ConversationChangeHub::unsubscribe(std::uint64_t token) {
    std::lock_guard lock(mutex_);
    subscribers_.erase(token);
}

}  // namespace rapport::app
