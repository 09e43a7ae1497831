#pragma once
// The demo data set's random numbers: std::mt19937, whose output the standard fixes, with
// helpers of our own instead of the standard distributions (whose results it does not fix),
// so a seed gives the same data set with every standard library. Not thread-safe.
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace rapport::app::demo {

class Rng {
public:
    explicit Rng(std::uint32_t seed) : engine_(seed) {}

    std::uint32_t next() { return static_cast<std::uint32_t>(engine_()); }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
    std::int64_t between64(std::int64_t lo, std::int64_t hi) {
        const std::uint64_t wide = (static_cast<std::uint64_t>(next()) << 32) | next();
        return lo + static_cast<std::int64_t>(wide % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return static_cast<double>(next()) < p * 4294967296.0; }

    template <class T>
    const T& pick(std::span<const T> items) {
        return items[below(items.size())];
    }
    std::size_t weighted(std::span<const int> weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = static_cast<int>(below(static_cast<std::size_t>(total)));
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }
    std::string digits(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + below(10)));
        return s;
    }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::mt19937 engine_;
};

}  // namespace rapport::app::demo
