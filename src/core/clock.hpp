#pragma once
// Time is injected so tests can be deterministic (LevelDB's Env idea, reduced to a clock).
#include <chrono>
#include <cstdint>

namespace rapport {

// Milliseconds since the Unix epoch: the one time representation stored in the database.
using UnixMillis = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    virtual UnixMillis now_ms() const = 0;
};

class SystemClock final : public Clock {
public:
    UnixMillis now_ms() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

// A clock tests move by hand. Not thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(UnixMillis start) : now_(start) {}
    UnixMillis now_ms() const override { return now_; }
    void advance_ms(UnixMillis delta) { now_ += delta; }

private:
    UnixMillis now_;
};

}  // namespace rapport
