#pragma once
// The access log's sink: one line per request, written without a cross-thread hand-off.
//
// spdlog's async logger pushes every line through a mutex + condition variable queue and
// wakes its logging thread per line; on a 2-core machine that context switch per request
// cost a quarter of /healthz throughput. Here each I/O thread appends to its own buffer
// (an uncontended lock) and writes it out itself when it passes 32 KiB; spdlog's periodic
// flush (flush_every) writes out whatever is left, so a quiet server's lines appear within
// a second. Lines of one thread stay in order; each carries its own timestamp.
#include <spdlog/sinks/sink.h>

#include <memory>
#include <mutex>
#include <vector>

namespace rapport::app {

class AccessLogSink final : public spdlog::sinks::sink {
public:
    explicit AccessLogSink(int fd);
    ~AccessLogSink() override;

    void log(const spdlog::details::log_msg& msg) override;
    void flush() override;
    // The line format is fixed ("<ISO time with ms> access <message>"): patterns are ignored.
    void set_pattern(const std::string&) override {}
    void set_formatter(std::unique_ptr<spdlog::formatter>) override {}

private:
    struct ThreadBuffer;
    ThreadBuffer& buffer_of_this_thread();
    void write_out(std::string& data);

    int fd_;
    std::mutex registry_mutex_;
    std::vector<std::unique_ptr<ThreadBuffer>> buffers_;
    std::mutex write_mutex_;  // whole buffers reach the fd one at a time, never interleaved
};

}  // namespace rapport::app
