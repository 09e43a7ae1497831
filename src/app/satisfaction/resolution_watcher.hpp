#pragma once
// Asks for a CSAT rating when a conversation is resolved: subscribed to the service desk's
// ConversationFeed, it reads each changed conversation of every workspace on its own thread
// (the feed wakes it from the writer's thread, which must not block) and lets the
// SatisfactionService make the request, once per resolution (a unique key makes a second
// attempt a no-op). At start, and every few minutes, it also catches resolutions it missed
// (the feed is an in-memory ring; the server may have been down) from the last 7 days.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "domain/satisfaction/satisfaction_repository.hpp"
#include "domain/satisfaction/satisfaction_service.hpp"
#include "domain/servicedesk/conversation_events.hpp"

namespace rapport::app {

class ResolutionWatcher {
public:
    ResolutionWatcher(domain::servicedesk::ConversationFeed& feed, domain::satisfaction::SatisfactionRepository& repo,
                      domain::satisfaction::SatisfactionService& service, std::function<void()> requested,
                      const Clock& clock)
        : feed_(feed), repo_(repo), service_(service), requested_(std::move(requested)), clock_(clock) {}
    ~ResolutionWatcher() { stop(); }

    void start();
    void stop();

    static constexpr UnixMillis kCatchUpWindowMs = 7LL * 24 * 60 * 60 * 1000;

private:
    void run();
    void follow_feed();
    void catch_up();

    domain::servicedesk::ConversationFeed& feed_;
    domain::satisfaction::SatisfactionRepository& repo_;
    domain::satisfaction::SatisfactionService& service_;
    std::function<void()> requested_;  // a request was made: wake the mailer
    const Clock& clock_;
    std::uint64_t token_ = 0;
    std::uint64_t seen_ = 0;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace rapport::app
