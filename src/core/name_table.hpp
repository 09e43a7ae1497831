#pragma once
// An enum's API names as a constexpr table of (value, name) pairs, read both ways: one table
// per enum instead of a switch for each direction.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace rapport {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

// The name of `value` ("" when the table lacks it).
template <class E, std::size_t N>
constexpr std::string_view name_in(const NameTable<E, N>& table, E value) {
    for (const auto& [e, name] : table) {
        if (e == value) return name;
    }
    return "";
}

// The value named `text`, if any.
template <class E, std::size_t N>
constexpr std::optional<E> parse_in(const NameTable<E, N>& table, std::string_view text) {
    for (const auto& [e, name] : table) {
        if (name == text) return e;
    }
    return std::nullopt;
}

}  // namespace rapport
