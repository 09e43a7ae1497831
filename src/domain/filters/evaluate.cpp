#include "domain/filters/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <compare>
#include <optional>

namespace rapport::domain::filters {

namespace {

std::string fold(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::optional<std::string> as_text(const FieldValue& v) {
    const auto* s = std::get_if<std::string>(&v);
    if (!s || s->empty()) return std::nullopt;
    return *s;
}

std::optional<double> as_number(const FieldValue& v) {
    if (const auto* d = std::get_if<double>(&v)) return std::isnan(*d) ? std::nullopt : std::optional<double>(*d);
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    return std::nullopt;
}

std::optional<CalendarDate> as_date(const FieldValue& v) {
    if (const auto* d = std::get_if<CalendarDate>(&v)) return *d;
    if (const auto* s = std::get_if<std::string>(&v)) return parse_iso_date(*s);
    return std::nullopt;
}

std::optional<Id> as_reference(const FieldValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* s = std::get_if<std::string>(&v)) return parse_id(*s);
    return std::nullopt;
}

std::optional<bool> as_bool(const FieldValue& v) {
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    return std::nullopt;
}

const TagSet* as_tags(const FieldValue& v) {
    return std::get_if<TagSet>(&v);
}

bool present(FieldType type, const FieldValue& v) {
    switch (type) {
        case FieldType::Text:
        case FieldType::Enum: return as_text(v).has_value();
        case FieldType::Number:
        case FieldType::Money:
        case FieldType::DateTime: return as_number(v).has_value();
        case FieldType::Date: return as_date(v).has_value();
        case FieldType::Bool: return as_bool(v).has_value();
        case FieldType::Reference: return as_reference(v).has_value();
        case FieldType::Tags: {
            const TagSet* tags = as_tags(v);
            return tags && !tags->empty();
        }
    }
    return false;
}

CalendarDate operand_date(const Operand& operand, UnixMillis now) {
    if (const auto* r = std::get_if<RelativeDate>(&operand)) return resolve(*r, now);
    return std::get<CalendarDate>(operand);
}

// How the record's value compares with one operand; nullopt when the value is absent.
// Text and Enum only know equal / not equal (unordered), which is all their operators need.
std::optional<std::partial_ordering> order(FieldType type, const FieldValue& v, const Operand& operand,
                                           UnixMillis now) {
    switch (type) {
        case FieldType::Text: {
            auto s = as_text(v);
            if (!s) return std::nullopt;
            return fold(*s) == fold(std::get<std::string>(operand)) ? std::partial_ordering::equivalent
                                                                    : std::partial_ordering::unordered;
        }
        case FieldType::Enum: {
            auto s = as_text(v);
            if (!s) return std::nullopt;
            return *s == std::get<std::string>(operand) ? std::partial_ordering::equivalent
                                                        : std::partial_ordering::unordered;
        }
        case FieldType::Number:
        case FieldType::Money: {
            auto x = as_number(v);
            if (!x) return std::nullopt;
            return *x <=> std::get<double>(operand);
        }
        case FieldType::Date: {
            auto d = as_date(v);
            if (!d) return std::nullopt;
            return *d <=> operand_date(operand, now);
        }
        case FieldType::DateTime: {
            auto ms = as_number(v);
            if (!ms) return std::nullopt;
            if (const auto* instant = std::get_if<Instant>(&operand)) {
                return *ms <=> static_cast<double>(instant->ms);
            }
            // Day granularity: the UTC day of the value against the operand's day.
            const CalendarDate day = date_of(static_cast<UnixMillis>(std::floor(*ms)));
            return day <=> operand_date(operand, now);
        }
        case FieldType::Bool: {
            auto b = as_bool(v);
            if (!b) return std::nullopt;
            return *b == std::get<bool>(operand) ? std::partial_ordering::equivalent : std::partial_ordering::unordered;
        }
        case FieldType::Reference: {
            auto id = as_reference(v);
            if (!id) return std::nullopt;
            return *id <=> std::get<Id>(operand);
        }
        case FieldType::Tags: break;  // tags have their own operators
    }
    return std::nullopt;
}

bool has_tag(const TagSet* tags, const Operand& operand) {
    if (!tags) return false;
    const std::string wanted = fold(std::get<std::string>(operand));
    return std::any_of(tags->begin(), tags->end(), [&](const std::string& t) { return fold(t) == wanted; });
}

bool text_match(const Condition& c, const FieldValue& v) {
    auto s = as_text(v);
    if (!s) return c.op == Op::NotContains;
    const std::string haystack = fold(*s);
    const std::string needle = fold(std::get<std::string>(c.values.at(0)));
    switch (c.op) {
        case Op::Contains: return haystack.find(needle) != std::string::npos;
        case Op::NotContains: return haystack.find(needle) == std::string::npos;
        case Op::StartsWith: return haystack.compare(0, needle.size(), needle) == 0;
        default: return false;
    }
}

bool eval_condition(const Condition& c, const Record& record, UnixMillis now) {
    const FieldValue v = record.get(c.field);
    auto is_eq = [&](const Operand& operand) {
        auto o = order(c.type, v, operand, now);
        return o && *o == 0;
    };
    switch (c.op) {
        case Op::IsEmpty: return !present(c.type, v);
        case Op::IsNotEmpty: return present(c.type, v);
        case Op::Eq: return is_eq(c.values.at(0));
        case Op::Neq: return !is_eq(c.values.at(0));
        case Op::In: return std::any_of(c.values.begin(), c.values.end(), is_eq);
        case Op::NotIn: return std::none_of(c.values.begin(), c.values.end(), is_eq);
        case Op::Contains:
        case Op::NotContains:
        case Op::StartsWith: return text_match(c, v);
        case Op::Gt:
        case Op::Gte:
        case Op::Lt:
        case Op::Lte: {
            auto o = order(c.type, v, c.values.at(0), now);
            if (!o) return false;
            if (c.op == Op::Gt) return *o > 0;
            if (c.op == Op::Gte) return *o >= 0;
            if (c.op == Op::Lt) return *o < 0;
            return *o <= 0;
        }
        case Op::Between: {
            auto low = order(c.type, v, c.values.at(0), now);
            auto high = order(c.type, v, c.values.at(1), now);
            return low && high && *low >= 0 && *high <= 0;
        }
        case Op::HasTag: return has_tag(as_tags(v), c.values.at(0));
        case Op::HasAnyTag:
            return std::any_of(c.values.begin(), c.values.end(),
                               [&](const Operand& t) { return has_tag(as_tags(v), t); });
        case Op::HasAllTags:
            return std::all_of(c.values.begin(), c.values.end(),
                               [&](const Operand& t) { return has_tag(as_tags(v), t); });
    }
    return false;
}

}  // namespace

FieldValue MapRecord::get(std::string_view field) const {
    auto it = values_.find(field);
    return it == values_.end() ? FieldValue{} : it->second;
}

bool matches(const FilterNode& filter, const Record& record, UnixMillis now) {
    return std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, And>) {
                return std::all_of(n.children.begin(), n.children.end(),
                                   [&](const FilterNode& child) { return matches(child, record, now); });
            } else if constexpr (std::is_same_v<T, Or>) {
                return std::any_of(n.children.begin(), n.children.end(),
                                   [&](const FilterNode& child) { return matches(child, record, now); });
            } else if constexpr (std::is_same_v<T, Not>) {
                return !matches(n.child(), record, now);
            } else {
                return eval_condition(n, record, now);
            }
        },
        filter.node);
}

}  // namespace rapport::domain::filters
