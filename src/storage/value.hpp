#pragma once
// Values crossing the storage boundary: bound parameters and column values.
// Both engines speak this one vocabulary, so repositories never see sqlite3_* or PG* types.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace rapport::storage {

using Value = std::variant<std::monostate, std::int64_t, double, std::string, bool>;
using Row = std::vector<Value>;
using Params = std::vector<Value>;

inline bool is_null(const Value& v) {
    return std::holds_alternative<std::monostate>(v);
}

// Conversions are lenient across representations (PostgreSQL numeric text, SQLite 0/1
// booleans) and strict about nulls: asking a non-optional accessor for NULL throws,
// because it is a schema bug, not bad user input.
std::int64_t as_int(const Value& v);
double as_double(const Value& v);
std::string as_text(const Value& v);
bool as_bool(const Value& v);
std::optional<std::int64_t> as_opt_int(const Value& v);
std::optional<std::string> as_opt_text(const Value& v);

template <class T>
Value opt(const std::optional<T>& v) {
    if (!v) return Value{};
    if constexpr (std::is_same_v<T, int> || std::is_same_v<T, long> || std::is_same_v<T, long long>) {
        return Value{static_cast<std::int64_t>(*v)};
    } else {
        return Value{*v};
    }
}

struct ResultSet {
    std::vector<std::string> columns;
    std::vector<Row> rows;

    bool empty() const { return rows.empty(); }
    std::size_t size() const { return rows.size(); }
};

}  // namespace rapport::storage
