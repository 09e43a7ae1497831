#include "app/logging.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <mutex>

namespace rapport::app {

namespace {

// Appends formatted lines to a buffer and writes it to a file descriptor when it passes
// 64 KiB or on flush (spdlog::flush_every), i.e. a few writes per second under load
// instead of one per request.
class BufferedFdSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit BufferedFdSink(int fd) : fd_(fd) { buffer_.reserve(kCapacity); }
    ~BufferedFdSink() override { write_out(); }

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        spdlog::memory_buf_t formatted;
        formatter_->format(msg, formatted);
        buffer_.append(formatted.data(), formatted.size());
        if (buffer_.size() >= kCapacity) write_out();
    }
    void flush_() override { write_out(); }

private:
    static constexpr std::size_t kCapacity = 64 * 1024;
    void write_out() {
        std::size_t done = 0;
        while (done < buffer_.size()) {
            const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
            if (n <= 0) break;  // nowhere to log to: drop rather than stall requests
            done += static_cast<std::size_t>(n);
        }
        buffer_.clear();
    }
    int fd_;
    std::string buffer_;
};

}  // namespace

void setup_logging(const std::string& level, bool access_log) {
    // Logs go to stderr so stdout stays for command output (tokens, the listen line).
    auto main_logger = spdlog::stderr_color_mt("rapport");
    spdlog::set_default_logger(main_logger);
    spdlog::set_level(spdlog::level::from_str(level));
    if (!access_log) return;
    // 1024 queued lines: the logging thread drains them in batches; under overload the oldest
    // lines are dropped (and counted by spdlog) rather than slowing requests.
    spdlog::init_thread_pool(1024, 1);
    auto sink = std::make_shared<BufferedFdSink>(STDERR_FILENO);
    auto access = std::make_shared<spdlog::async_logger>("access", sink, spdlog::thread_pool(),
                                                         spdlog::async_overflow_policy::overrun_oldest);
    access->set_pattern("%Y-%m-%dT%H:%M:%S.%e access %v");
    access->set_level(spdlog::level::info);
    spdlog::register_logger(access);
    spdlog::flush_every(std::chrono::seconds(1));
}

}  // namespace rapport::app
