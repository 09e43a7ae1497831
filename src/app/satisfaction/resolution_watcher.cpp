#include "app/satisfaction/resolution_watcher.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <set>

namespace rapport::app {

namespace {
constexpr auto kCatchUpEvery = std::chrono::minutes(5);
constexpr int kCatchUpBatch = 200;
}  // namespace

void ResolutionWatcher::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    seen_ = feed_.latest();
    token_ = feed_.subscribe([this] {
        {
            std::lock_guard inner(mutex_);
            woken_ = true;
        }
        wake_.notify_all();
    });
    thread_ = std::thread([this] { run(); });
}

void ResolutionWatcher::stop() {
    {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable()) return;
        stopping_ = true;
    }
    feed_.unsubscribe(token_);
    wake_.notify_all();
    thread_.join();
}

void ResolutionWatcher::run() {
    catch_up();
    auto next_catch_up = std::chrono::steady_clock::now() + kCatchUpEvery;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait_until(lock, next_catch_up, [this] { return stopping_ || woken_; });
            if (stopping_) return;
            woken_ = false;
        }
        if (feed_.latest() != seen_) follow_feed();
        if (std::chrono::steady_clock::now() >= next_catch_up) {
            catch_up();
            next_catch_up = std::chrono::steady_clock::now() + kCatchUpEvery;
        }
    }
}

void ResolutionWatcher::follow_feed() {
    const std::uint64_t latest = feed_.latest();
    auto workspaces = repo_.workspace_ids();
    if (!workspaces) {
        spdlog::warn("satisfaction: cannot read the workspaces: {}", workspaces.error().detail);
        return;
    }
    bool made = false;
    for (Id ws : *workspaces) {
        std::set<Id> done;
        for (const auto& change : feed_.since(ws, seen_)) {
            if (!done.insert(change.conversation_id).second) continue;
            auto r = service_.conversation_changed(ws, change.conversation_id);
            if (!r) {
                spdlog::warn("satisfaction: cannot ask for a rating of conversation {}: {}",
                             id_to_string(change.conversation_id), r.error().detail);
            } else if (*r) {
                made = true;
            }
        }
    }
    seen_ = latest;
    if (made && requested_) requested_();
}

void ResolutionWatcher::catch_up() {
    auto missed = repo_.unasked_resolutions(clock_.now_ms() - kCatchUpWindowMs, kCatchUpBatch);
    if (!missed) {
        spdlog::warn("satisfaction: cannot look for resolutions: {}", missed.error().detail);
        return;
    }
    bool made = false;
    for (const auto& [ws, conversation_id] : *missed) {
        if (auto r = service_.conversation_changed(ws, conversation_id); r && *r) made = true;
    }
    if (made && requested_) requested_();
}

}  // namespace rapport::app
