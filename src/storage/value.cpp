#include "storage/value.hpp"

#include <charconv>
#include <stdexcept>

namespace rapport::storage {

std::int64_t as_int(const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
    if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
    if (auto* s = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
        if (ec == std::errc{}) return out;
        throw std::runtime_error("column value is not an integer: " + *s);
    }
    throw std::runtime_error("unexpected NULL where an integer was required");
}

double as_double(const Value& v) {
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (auto* s = std::get_if<std::string>(&v)) return std::stod(*s);
    if (auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
    throw std::runtime_error("unexpected NULL where a number was required");
}

std::string as_text(const Value& v) {
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
    if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    throw std::runtime_error("unexpected NULL where text was required");
}

bool as_bool(const Value& v) {
    if (auto* b = std::get_if<bool>(&v)) return *b;
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i != 0;
    if (auto* s = std::get_if<std::string>(&v)) return *s == "t" || *s == "true" || *s == "1";
    throw std::runtime_error("unexpected NULL where a boolean was required");
}

std::optional<std::int64_t> as_opt_int(const Value& v) {
    if (is_null(v)) return std::nullopt;
    return as_int(v);
}

std::optional<std::string> as_opt_text(const Value& v) {
    if (is_null(v)) return std::nullopt;
    return as_text(v);
}

}  // namespace rapport::storage
