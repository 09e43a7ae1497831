// GET /api/v1/conversations/events: a server-sent event stream of the reader's workspace. Each
// change to a conversation (a new customer message, a reply, a new assignee) sends
// `event: conversation` with its id; open inboxes refresh their lists and counts from it.
// The stream waits parked (http::StreamPark) and holds no thread; a heartbeat comment every
// 15 seconds keeps proxies from closing it and finds clients that went away.
#include <mutex>

#include "api/request_auth.hpp"
#include "api/servicedesk/servicedesk_api.hpp"

namespace rapport::api {

using domain::servicedesk::ConversationFeed;

namespace {

constexpr UnixMillis kHeartbeatMs = 15'000;

class EventStream : public std::enable_shared_from_this<EventStream> {
public:
    EventStream(ConversationFeed& feed, const Clock& clock, Id workspace_id)
        : feed_(feed), clock_(clock), workspace_id_(workspace_id), last_(feed.latest()) {}
    ~EventStream() {
        if (token_) feed_.unsubscribe(token_);
    }
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;

    void subscribe() {
        std::weak_ptr<EventStream> weak = shared_from_this();
        token_ = feed_.subscribe([weak] {
            if (auto self = weak.lock()) self->wake();
        });
    }

    Result<bool> produce(std::string& chunk) {
        const UnixMillis now = clock_.now_ms();
        if (!started_) {
            started_ = true;
            chunk += "retry: 2000\nevent: ready\ndata: {}\n\n";
        }
        for (const auto& change : feed_.since(workspace_id_, last_)) {
            chunk += "event: conversation\nid: " + std::to_string(change.sequence) + "\ndata: {\"id\":\"" +
                     id_to_string(change.conversation_id) + "\"}\n\n";
            last_ = change.sequence;
        }
        last_ = std::max(last_, feed_.latest());
        if (chunk.empty() && now - last_write_ >= kHeartbeatMs) chunk += ": keep-alive\n\n";
        if (!chunk.empty()) last_write_ = now;
        return true;  // an event stream never ends by itself
    }

    void park(std::function<void()> resume) {
        {
            std::lock_guard lock(mutex_);
            resume_ = std::move(resume);
        }
        // A change that came while the last piece was written must not wait for the next one.
        if (feed_.latest() > last_ || clock_.now_ms() - last_write_ >= kHeartbeatMs) wake();
    }

    void wake() {
        std::function<void()> resume;
        {
            std::lock_guard lock(mutex_);
            resume = std::move(resume_);
            resume_ = nullptr;
        }
        if (resume) resume();
    }

private:
    ConversationFeed& feed_;
    const Clock& clock_;
    Id workspace_id_;
    std::uint64_t last_;
    std::uint64_t token_ = 0;
    bool started_ = false;
    UnixMillis last_write_ = 0;
    std::mutex mutex_;
    std::function<void()> resume_;
};

}  // namespace

void register_conversation_event_routes(http::Router& router, ServiceDeskApi& api) {
    router.add(http::Verb::get, "/api/v1/conversations/events",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto stream = std::make_shared<EventStream>(api.feed, api.clock, principal.workspace_id);
                   stream->subscribe();
                   auto res = http::streaming_response(
                       http::HttpStatus::ok, "text/event-stream",
                       [stream](std::string& chunk) -> Result<bool> { return stream->produce(chunk); });
                   res.park = [stream](std::function<void()> resume) { stream->park(std::move(resume)); };
                   res.set(http::beast_http::field::cache_control, "no-store");
                   res.set("X-Accel-Buffering", "no");
                   return res;
               });
}

}  // namespace rapport::api
