#include "domain/costs/money_split.hpp"

#include <algorithm>
#include <numeric>

#include "domain/costs/calendar.hpp"

namespace rapport::domain::costs {

namespace {

// Products of an amount in ticks and a weight exceed 64 bits; GCC and Clang's 128-bit integer
// holds them exactly (__extension__: not ISO C++, said once here).
__extension__ typedef __int128 Wide;

// Gives `left` extra units, one each, to the largest remainders (ties: earlier index).
void hand_out(std::vector<std::int64_t>& parts, const std::vector<std::int64_t>& remainders, std::int64_t left) {
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t i = 0; i < order.size() && left > 0; ++i, --left) ++parts[order[i]];
}

}  // namespace

std::vector<std::int64_t> split_by_weights(std::int64_t total, const std::vector<std::int64_t>& weights) {
    std::vector<std::int64_t> parts(weights.size(), 0);
    Wide sum = 0;
    for (auto w : weights) sum += w;
    if (sum <= 0 || total <= 0) return parts;
    std::vector<std::int64_t> remainders(weights.size(), 0);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Wide product = static_cast<Wide>(total) * weights[i];
        parts[i] = static_cast<std::int64_t>(product / sum);
        // The remainder compared across parts needs the same scale: remainder / sum, so the
        // numerators compare directly (they fit: each is < sum ≤ INT64_MAX as weights are int64 sums).
        remainders[i] = static_cast<std::int64_t>(product % sum);
        given += parts[i];
    }
    hand_out(parts, remainders, total - given);
    return parts;
}

std::int64_t round_ticks(std::int64_t ticks) {
    return (ticks + kTicksPerCent / 2) / kTicksPerCent;
}

std::vector<std::int64_t> ticks_to_cents(const std::vector<std::int64_t>& ticks) {
    std::vector<std::int64_t> cents(ticks.size(), 0), remainders(ticks.size(), 0);
    std::int64_t total_ticks = 0, floors = 0;
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        cents[i] = ticks[i] / kTicksPerCent;
        remainders[i] = ticks[i] % kTicksPerCent;
        floors += cents[i];
        total_ticks += ticks[i];
    }
    hand_out(cents, remainders, round_ticks(total_ticks) - floors);
    return cents;
}

std::int64_t prorated_ticks(std::int64_t monthly_cents, std::int64_t from_day, std::int64_t to_day) {
    std::int64_t out = 0;
    for (Day d = from_day; d < to_day;) {
        const Day month_end = next_month_start(d);
        const Day month_days = month_end - month_start(d);
        const Day days = std::min(to_day, month_end) - d;
        out += monthly_cents * days * (kTicksPerCent / month_days);
        d = month_end;
    }
    return out;
}

}  // namespace rapport::domain::costs
