#include "app/access_log_sink.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <iterator>
#include <string>

namespace rapport::app {

namespace {
constexpr std::size_t kWriteThreshold = 32 * 1024;
}

struct AccessLogSink::ThreadBuffer {
    std::mutex mutex;  // taken by its own thread per line and by flush(): practically uncontended
    std::string data;
    std::time_t cached_second = -1;
    std::string cached_prefix;  // "YYYY-MM-DDTHH:MM:SS" of cached_second, in local time
};

AccessLogSink::AccessLogSink(int fd) : fd_(fd) {}

AccessLogSink::~AccessLogSink() {
    flush();
}

AccessLogSink::ThreadBuffer& AccessLogSink::buffer_of_this_thread() {
    // Keyed by sink so that a second sink (tests) never writes into another's buffer.
    thread_local const AccessLogSink* owner = nullptr;
    thread_local ThreadBuffer* buffer = nullptr;
    if (owner != this) {
        auto fresh = std::make_unique<ThreadBuffer>();
        fresh->data.reserve(kWriteThreshold + 1024);
        std::lock_guard lock(registry_mutex_);
        buffer = fresh.get();
        buffers_.push_back(std::move(fresh));
        owner = this;
    }
    return *buffer;
}

void AccessLogSink::log(const spdlog::details::log_msg& msg) {
    ThreadBuffer& buf = buffer_of_this_thread();
    const auto since_epoch = msg.time.time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
    std::lock_guard lock(buf.mutex);
    const std::time_t now = static_cast<std::time_t>(seconds.count());
    if (now != buf.cached_second) {
        std::tm local{};
        localtime_r(&now, &local);
        char text[32];
        const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
        buf.cached_prefix.assign(text, n);
        buf.cached_second = now;
    }
    buf.data += buf.cached_prefix;
    fmt::format_to(std::back_inserter(buf.data), ".{:03} access ", millis);
    buf.data.append(msg.payload.data(), msg.payload.size());
    buf.data += '\n';
    if (buf.data.size() >= kWriteThreshold) write_out(buf.data);
}

void AccessLogSink::flush() {
    std::lock_guard registry(registry_mutex_);
    for (auto& buf : buffers_) {
        std::lock_guard lock(buf->mutex);
        if (!buf->data.empty()) write_out(buf->data);
    }
}

void AccessLogSink::write_out(std::string& data) {
    std::lock_guard lock(write_mutex_);
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
        if (n <= 0) break;  // nowhere to log to: drop rather than stall requests
        done += static_cast<std::size_t>(n);
    }
    data.clear();
}

}  // namespace rapport::app
