#include "core/ids.hpp"

#include <sodium.h>

#include <atomic>
#include <charconv>
#include <chrono>

namespace rapport {

namespace {
constexpr int kRandomBits = 22;
std::atomic<std::int64_t> g_last{0};
}  // namespace

Id new_id() {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    const auto random = static_cast<std::int64_t>(randombytes_uniform(1u << 20));
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
