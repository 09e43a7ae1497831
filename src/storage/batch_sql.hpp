#pragma once
// Statements over many rows at once, for batch writers (imports) and batch look-ups.
//
// Both helpers cut their input into chunks of a few fixed sizes, so each connection's
// prepared-statement cache sees a handful of SQL strings per statement kind whatever the
// batch size, and no statement nears SQLite's 32,766 bound parameters.
#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace rapport::storage {

// Runs `head` VALUES (...), (...) `tail` for every row of `rows` (each `width` values), in
// chunks of 512, 256, ..., 2 and 1 rows (at most ten statements for up to 1,023 rows). `head` is "INSERT INTO t (a,
// b)"; `tail` may hold an ON CONFLICT clause.
Status insert_rows(Connection& c, const std::string& head, std::size_t width, const std::string& tail,
                   const std::vector<Params>& rows);
// The same, moving the values out of `rows` instead of copying them (batches of thousands
// of rows with text values: half the allocations).
Status insert_rows(Connection& c, const std::string& head, std::size_t width, const std::string& tail,
                   std::vector<Params>&& rows);

// IN-list sizes: a chunk of values is padded (repeating its last value) to the next one.
inline constexpr std::size_t kInListSizes[] = {1, 8, 64, 256};

// Calls `run(in_list, params)` for chunks of at most 256 `values`: `in_list` is "($k, ...)"
// and `params` are `fixed` followed by the chunk's values. Returns the first error of `run`.
template <class T, class Run>
Status for_in_chunks(const std::vector<T>& values, const Params& fixed, Run run) {
    constexpr std::size_t kMax = kInListSizes[std::size(kInListSizes) - 1];
    for (std::size_t at = 0; at < values.size(); at += kMax) {
        const std::size_t n = std::min(kMax, values.size() - at);
        std::size_t padded = kMax;
        for (const std::size_t size : kInListSizes) {
            if (size >= n) {
                padded = size;
                break;
            }
        }
        Params params = fixed;
        std::string list;
        for (std::size_t i = 0; i < padded; ++i) {
            params.push_back(values[at + std::min(i, n - 1)]);
            list += (i ? ", $" : "($") + std::to_string(params.size());
        }
        list += ')';
        RAPPORT_CHECK(run(list, params));
    }
    return {};
}

}  // namespace rapport::storage
