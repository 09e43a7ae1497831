#pragma once
// Exact money arithmetic for the cost computation. Amounts are held in ticks, 1/kTicksPerCent
// of a minor unit: kTicksPerCent = 377580 is divisible by 60 (minutes of an hour) and by 28,
// 29, 30 and 31 (days of a month), so a minute of an hourly rate and a day of a monthly cost
// are whole numbers of ticks and every amount before the final rounding is exact.
//
// Rounding rule (largest remainder): a set of tick amounts becomes cents whose sum is the
// total rounded half up; each amount gets its floor, and the cents left over go one each to
// the amounts with the largest remainders (ties: the earlier amount). So every sum of rounded
// parts equals the rounded whole, to the cent.
#include <cstdint>
#include <vector>

namespace rapport::domain::costs {

inline constexpr std::int64_t kTicksPerCent = 377'580;

// Splits `total` (≥ 0) in proportion to `weights` (each ≥ 0) by the largest remainder; the
// parts sum to `total`. With no positive weight every part is 0 (the caller keeps the total).
std::vector<std::int64_t> split_by_weights(std::int64_t total, const std::vector<std::int64_t>& weights);

// Rounds tick amounts (each ≥ 0) to cents by the rule above.
std::vector<std::int64_t> ticks_to_cents(const std::vector<std::int64_t>& ticks);

// One tick amount rounded half up to cents.
std::int64_t round_ticks(std::int64_t ticks);

// A monthly amount pro-rated to the days [from, to): for each calendar month, amount × days in
// the period ÷ days of the month; exact, in ticks.
std::int64_t prorated_ticks(std::int64_t monthly_cents, std::int64_t from_day, std::int64_t to_day);

}  // namespace rapport::domain::costs
