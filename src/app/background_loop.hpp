#pragma once
// A thread for the server's periodic jobs (segment snapshots, planner statistics, sending
// mail): it runs one body, which sleeps between passes through wait_until/wait_for; wake()
// ends a wait early (new work), and stop() wakes those waits, lets the pass at hand finish,
// and joins. Passes run off the io threads because they
// take longer than a request may.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace rapport::app {

class BackgroundLoop {
public:
    BackgroundLoop() = default;
    ~BackgroundLoop() { stop(); }
    BackgroundLoop(const BackgroundLoop&) = delete;
    BackgroundLoop& operator=(const BackgroundLoop&) = delete;

    // Runs `body` on the thread. Call at most once.
    void start(std::function<void()> body) { thread_ = std::thread(std::move(body)); }
    // Idempotent; returns once the thread has ended.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        if (thread_.joinable()) thread_.join();
    }
    // Ends the body's current (or next) wait early without stopping it: there is work now.
    void wake() {
        {
            std::lock_guard lock(mutex_);
            woken_ = true;
        }
        wake_.notify_all();
    }
    // For the body: false once stop() was called, at once or at `at` at the latest (or when
    // woken, with true).
    bool wait_until(std::chrono::system_clock::time_point at) {
        std::unique_lock lock(mutex_);
        wake_.wait_until(lock, at, [this] { return stopping_ || woken_; });
        woken_ = false;
        return !stopping_;
    }
    bool wait_for(std::chrono::milliseconds period) {
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, period, [this] { return stopping_ || woken_; });
        woken_ = false;
        return !stopping_;
    }
    // For a pass that can stop between items.
    bool running() const {
        std::lock_guard lock(mutex_);
        return !stopping_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace rapport::app
