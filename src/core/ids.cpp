#include "core/ids.hpp"

#include <sodium.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <iterator>

namespace rapport {

namespace {
constexpr int kRandomBits = 22;
std::atomic<std::int64_t> g_last{0};

// Random words from libsodium, fetched 1 KiB at a time: one getrandom() call per 256 ids
// instead of one per id (imports make a dozen ids per record, for its history rows).
std::uint32_t random_word() {
    thread_local std::uint32_t buffer[256];
    thread_local std::size_t next = std::size(buffer);
    if (next == std::size(buffer)) {
        randombytes_buf(buffer, sizeof buffer);
        next = 0;
    }
    return buffer[next++];
}
}  // namespace

Id new_id() {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    const auto random = static_cast<std::int64_t>(random_word() & ((1u << 20) - 1));  // uniform: a power of two
    std::int64_t candidate = (static_cast<std::int64_t>(ms) << kRandomBits) | random;
    std::int64_t last = g_last.load(std::memory_order_relaxed);
    while (true) {
        const std::int64_t next = candidate > last ? candidate : last + 1;
        if (g_last.compare_exchange_weak(last, next, std::memory_order_relaxed)) return next;
    }
}

std::string id_to_string(Id id) {
    return std::to_string(id);
}

std::optional<Id> parse_id(std::string_view text) {
    Id value = 0;
    if (text.empty() || text.size() > 19) return std::nullopt;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

}  // namespace rapport
