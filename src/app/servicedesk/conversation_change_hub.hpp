#pragma once
// Where conversation changes go: each change gets a sequence number and is kept in a short
// in-memory ring; subscribers (open inboxes' event streams, the reply sender) are woken and
// read what changed in their workspace since the last number they saw. Thread-safe; changed()
// never waits for a reader.
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "domain/servicedesk/conversation_events.hpp"

namespace rapport::app {

class ConversationChangeHub final : public domain::servicedesk::ConversationEvents,
                                    public domain::servicedesk::ConversationFeed {
public:
    void changed(Id workspace_id, Id conversation_id) override;
    std::uint64_t latest() const override;
    std::vector<Change> since(Id workspace_id, std::uint64_t after) const override;
    std::uint64_t subscribe(std::function<void()> wake) override;
    void unsubscribe(std::uint64_t token) override;

    // A heartbeat: every `period` each subscriber is woken with no change, so event streams can
    // send a keep-alive and find clients that went away.
    void start(std::chrono::milliseconds period = std::chrono::seconds(15));
    void stop();
    ~ConversationChangeHub() override { stop(); }

private:
    void wake_all();
    std::thread ticker_;
    std::condition_variable tick_;
    bool stopping_ = false;
    static constexpr std::size_t kRing = 4096;
    mutable std::mutex mutex_;
    std::deque<Change> ring_;
    std::uint64_t sequence_ = 0;
    std::uint64_t next_token_ = 0;
    std::map<std::uint64_t, std::function<void()>> subscribers_;
};

}  // namespace rapport::app
