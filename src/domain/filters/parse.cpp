#include "domain/filters/parse.hpp"
#include "core/edit_distance.hpp"
#include "core/json_pointer.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace rapport::domain::filters {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxErrors = 100;
constexpr const char* kNodeShapes =
    "{\"and\": [...]}, {\"or\": [...]}, {\"not\": {...}} or {\"field\": ..., \"op\": ..., \"value\": ...}";

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

// The closest candidate, if close enough to be a plausible typo of `typed`.
std::optional<std::string> closest(std::string_view typed, const std::vector<std::string>& candidates) {
    if (typed.size() > 200) return std::nullopt;  // quadratic cost; nobody mistypes 200 characters
    const std::size_t allowed = typed.size() <= 3 ? 1 : typed.size() <= 6 ? 2 : 3;
    std::optional<std::string> best;
    std::size_t best_distance = std::numeric_limits<std::size_t>::max();
    // Field names are ASCII: compared case-insensitively, typos being mostly swaps and slips.
    const auto lower = [](std::string_view text) {
        std::string out(text);
        for (auto& ch : out) ch = ascii_lower(ch);
        return out;
    };
    const std::string typed_lower = lower(typed);
    for (const auto& c : candidates) {
        const auto dist = static_cast<std::size_t>(edit_distance(typed_lower, lower(c), static_cast<int>(allowed)));
        if (dist <= allowed && dist < best_distance) {
            best = c;
            best_distance = dist;
        }
    }
    return best;
}

std::string join(const std::vector<std::string>& items, std::size_t max_items = 20) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < max_items; ++i) {
        if (i) out += ", ";
        out += items[i];
    }
    if (items.size() > max_items) out += ", ...";
    return out;
}

std::vector<std::string> op_names(const std::vector<Op>& ops) {
    std::vector<std::string> out;
    for (Op op : ops) out.emplace_back(to_string(op));
    return out;
}

std::string in_quotes(std::string_view text) {
    std::string shown(text.substr(0, 60));
    if (text.size() > 60) shown += "...";
    return "'" + shown + "'";
}

bool is_list_op(Op op) {
    return op == Op::In || op == Op::NotIn || op == Op::HasAnyTag || op == Op::HasAllTags;
}

class Parser {
public:
    Parser(const FieldCatalog& catalog, std::string_view prefix) : catalog_(catalog), prefix_(prefix) {
        for (const auto& f : catalog.fields()) field_names_.push_back(f.name);
    }

    Result<FilterNode> run(const json& doc) {
        std::optional<FilterNode> root;
        if (doc.is_null()) {
            root = match_all();
        } else {
            root = node(doc, prefix_, 1);
        }
        if (conditions_ > kMaxConditions) {
            error(prefix_, "filters.too_many_conditions",
                  {{"max", std::to_string(kMaxConditions)}, {"count", std::to_string(conditions_)}});
        }
        if (total_values_ > kMaxTotalValues) {
            error(prefix_, "filters.too_many_values",
                  {{"max", std::to_string(kMaxTotalValues)}, {"count", std::to_string(total_values_)}});
        }
        if (!errors_.empty() || !root) {
            if (errors_.size() == 1) {
                // The one problem says it all (in English after "invalid filter: ").
                Error e = Error::localized(ErrorCode::Validation, errors_.front().key, errors_.front().args);
                e.detail = "invalid filter: " + e.detail;  // english: other languages show the message alone
                e.fields = std::move(errors_);
                return fail(std::move(e));
            }
            const std::string count = std::to_string(errors_.size()) + (truncated_ ? "+" : "");
            return fail(
                Error::localized(ErrorCode::Validation, "filters.invalid", {{"count", count}}, std::move(errors_)));
        }
        return std::move(*root);
    }

private:
    // Records the catalogue message `key` (domain/filters/messages.json) at `pointer`.
    void error(std::string pointer, std::string key, MessageArgs args = {}) {
        if (errors_.size() >= kMaxErrors) {
            truncated_ = true;
            return;
        }
        errors_.push_back(FieldError::localized(std::move(pointer), std::move(key), std::move(args)));
    }

    std::optional<FilterNode> node(const json& j, const std::string& ptr, int depth) {
        if (!j.is_object()) {
            error(ptr, "filters.expected_object", {{"shapes", kNodeShapes}});
            return std::nullopt;
        }
        if (depth > kMaxDepth) {
            error(ptr, "filters.too_deep", {{"max", std::to_string(kMaxDepth)}});
            return std::nullopt;
        }
        if (j.empty()) return match_all();
        const bool has_and = j.contains("and");
        const bool has_or = j.contains("or");
        const bool has_not = j.contains("not");
        const bool has_condition = j.contains("field") || j.contains("op") || j.contains("value");
        const int kinds = int{has_and} + int{has_or} + int{has_not} + int{has_condition};
        if (kinds == 0) {
            for (const auto& item : j.items()) {
                error(ptr + "/" + json_pointer_token(item.key()), "filters.unknown_key_node",
                      {{"key", in_quotes(item.key())}, {"shapes", kNodeShapes}});
            }
            return std::nullopt;
        }
        if (kinds > 1) {
            error(ptr, "filters.exactly_one_of", {{"shapes", kNodeShapes}});
            return std::nullopt;
        }
        if (has_condition) return condition(j, ptr);
        const char* key = has_and ? "and" : has_or ? "or" : "not";
        bool ok = true;
        for (const auto& item : j.items()) {
            if (item.key() != key) {
                error(ptr + "/" + json_pointer_token(item.key()), "filters.unexpected_key",
                      {{"key", in_quotes(item.key())}, {"next_to", key}});
                ok = false;
            }
        }
        const json& body = j.at(key);
        const std::string body_ptr = ptr + "/" + key;
        if (has_not) {
            if (!body.is_object()) {
                error(body_ptr, "filters.not_needs_object");
                return std::nullopt;
            }
            auto child = node(body, body_ptr, depth + 1);
            if (!child || !ok) return std::nullopt;
            return FilterNode{Not{std::move(*child)}};
        }
        if (!body.is_array()) {
            error(body_ptr, "filters.expected_array");
            return std::nullopt;
        }
        std::vector<FilterNode> children;
        children.reserve(body.size());
        for (std::size_t i = 0; i < body.size(); ++i) {
            auto child = node(body[i], body_ptr + "/" + std::to_string(i), depth + 1);
            if (child) {
                children.push_back(std::move(*child));
            } else {
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        if (has_and) return FilterNode{And{std::move(children)}};
        return FilterNode{Or{std::move(children)}};
    }

    std::optional<FilterNode> condition(const json& j, const std::string& ptr) {
        ++conditions_;
        bool ok = true;
        for (const auto& item : j.items()) {
            if (item.key() != "field" && item.key() != "op" && item.key() != "value") {
                error(ptr + "/" + json_pointer_token(item.key()), "filters.unknown_key_condition",
                      {{"key", in_quotes(item.key())}});
                ok = false;
            }
        }

        const FieldInfo* field = nullptr;
        if (!j.contains("field")) {
            error(ptr + "/field", "filters.field_missing");
            ok = false;
        } else if (!j.at("field").is_string()) {
            error(ptr + "/field", "filters.field_not_text");
            ok = false;
        } else {
            const auto& name = j.at("field").get_ref<const std::string&>();
            field = catalog_.find(name);
            if (!field) {
                if (auto guess = closest(name, field_names_)) {
                    error(ptr + "/field", "filters.unknown_field_guess",
                          {{"name", in_quotes(name)}, {"guess", *guess}});
                } else {
                    error(ptr + "/field", "filters.unknown_field", {{"name", in_quotes(name)}});
                }
                ok = false;
            }
        }

        std::optional<Op> op;
        if (!j.contains("op")) {
            if (field) {
                error(ptr + "/op", "filters.op_missing_for",
                      {{"type", std::string(to_string(field->type))}, {"ops", join(op_names(ops_for(field->type)))}});
            } else {
                error(ptr + "/op", "filters.op_missing");
            }
            ok = false;
        } else if (!j.at("op").is_string()) {
            error(ptr + "/op", "filters.op_not_text");
            ok = false;
        } else {
            const auto& name = j.at("op").get_ref<const std::string&>();
            op = parse_op(name);
            if (!op) {
                const std::vector<std::string> candidates = op_names(field ? ops_for(field->type) : ops_for_all());
                const auto guess = closest(name, candidates);
                std::string key = field ? "filters.unknown_op_for" : "filters.unknown_op";
                MessageArgs args = {{"name", in_quotes(name)}, {"ops", join(candidates)}};
                if (field) args.push_back({"type", std::string(to_string(field->type))});
                if (guess) {
                    key += "_guess";
                    args.push_back({"guess", *guess});
                }
                error(ptr + "/op", std::move(key), std::move(args));
                ok = false;
            } else if (field && !op_applies(*op, field->type)) {
                error(ptr + "/op", "filters.op_not_for_type",
                      {{"name", in_quotes(name)},
                       {"type", std::string(to_string(field->type))},
                       {"ops", join(op_names(ops_for(field->type)))}});
                ok = false;
                op.reset();
            }
        }
        if (!field || !op) {
            return std::nullopt;
        }

        Condition out{field->name, field->type, *op, {}};
        const std::string value_ptr = ptr + "/value";
        const bool has_value = j.contains("value") && !j.at("value").is_null();
        const std::string op_name = in_quotes(to_string(*op));
        if (*op == Op::IsEmpty || *op == Op::IsNotEmpty) {
            if (has_value) {
                error(value_ptr, "filters.op_takes_no_value", {{"op", op_name}});
                return std::nullopt;
            }
            return ok ? std::optional<FilterNode>(FilterNode{std::move(out)}) : std::nullopt;
        }
        if (!has_value) {
            error(value_ptr, j.contains("value") ? "filters.op_needs_value_null" : "filters.op_needs_value",
                  {{"op", op_name}});
            return std::nullopt;
        }
        const json& value = j.at("value");
        if (is_list_op(*op)) {
            if (!value.is_array()) {
                error(value_ptr, "filters.op_needs_list", {{"op", op_name}});
                return std::nullopt;
            }
            if (value.empty() || value.size() > kMaxListValues) {
                error(value_ptr, "filters.list_size",
                      {{"op", op_name},
                       {"max", std::to_string(kMaxListValues)},
                       {"count", std::to_string(value.size())}});
                return std::nullopt;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                auto operand = scalar(value[i], *field, value_ptr + "/" + std::to_string(i));
                if (operand) {
                    out.values.push_back(std::move(*operand));
                } else {
                    ok = false;
                }
            }
        } else if (*op == Op::Between) {
            if (!value.is_array() || value.size() != 2) {
                error(value_ptr, "filters.between_pair");
                return std::nullopt;
            }
            for (std::size_t i = 0; i < 2; ++i) {
                auto operand = scalar(value[i], *field, value_ptr + "/" + std::to_string(i));
                if (operand) {
                    out.values.push_back(std::move(*operand));
                } else {
                    ok = false;
                }
            }
            if (ok && descending(out.values[0], out.values[1])) {
                error(value_ptr, "filters.between_order");
                ok = false;
            }
        } else {
            if (value.is_array()) {
                error(value_ptr, field->type == FieldType::Tags ? "filters.one_value_tags" : "filters.one_value",
                      {{"op", op_name}});
                return std::nullopt;
            }
            auto operand = scalar(value, *field, value_ptr);
            if (!operand) return std::nullopt;
            out.values.push_back(std::move(*operand));
        }
        total_values_ += out.values.size();
        if (!ok) return std::nullopt;
        return FilterNode{std::move(out)};
    }

    static const std::vector<Op>& ops_for_all() {
        static const std::vector<Op> all = [] {
            std::vector<Op> out;
            for (int i = 0; i <= static_cast<int>(Op::HasAllTags); ++i) out.push_back(static_cast<Op>(i));
            return out;
        }();
        return all;
    }

    // True when both bounds are absolute and the first is greater, so the range is empty.
    static bool descending(const Operand& low, const Operand& high) {
        if (const auto* a = std::get_if<double>(&low)) {
            if (const auto* b = std::get_if<double>(&high)) return *a > *b;
        }
        if (const auto* a = std::get_if<CalendarDate>(&low)) {
            if (const auto* b = std::get_if<CalendarDate>(&high)) return *a > *b;
            if (const auto* b = std::get_if<Instant>(&high)) return date_of(b->ms) < *a;
        }
        if (const auto* a = std::get_if<Instant>(&low)) {
            if (const auto* b = std::get_if<Instant>(&high)) return *a > *b;
            if (const auto* b = std::get_if<CalendarDate>(&high)) return date_of(a->ms) > *b;
        }
        return false;
    }

    // `expected`: the catalogue key saying what the value should have been.
    std::optional<Operand> text(const json& v, const std::string& ptr, const char* expected) {
        if (!v.is_string()) {
            error(ptr, expected);
            return std::nullopt;
        }
        const auto& s = v.get_ref<const std::string&>();
        if (s.empty()) {
            error(ptr, "filters.empty_text");
            return std::nullopt;
        }
        if (s.size() > kMaxTextBytes) {
            error(ptr, "filters.text_too_long", {{"max", std::to_string(kMaxTextBytes)}});
            return std::nullopt;
        }
        return Operand{s};
    }

    std::optional<Operand> date_value(const json& v, const FieldInfo& field, const std::string& ptr) {
        const bool with_time = field.type == FieldType::DateTime;
        const char* expected = with_time ? "filters.expected_date_time" : "filters.expected_date";
        if (v.is_object()) {
            bool ok = v.contains("relative");
            for (const auto& item : v.items()) {
                if (item.key() != "relative") {
                    error(ptr + "/" + json_pointer_token(item.key()), "filters.unknown_key_relative",
                          {{"key", in_quotes(item.key())}});
                    ok = false;
                }
            }
            if (!v.contains("relative")) {
                error(ptr, expected);
                return std::nullopt;
            }
            const json& spec = v.at("relative");
            if (!spec.is_string()) {
                error(ptr + "/relative", "filters.expected_relative");
                return std::nullopt;
            }
            auto relative = parse_relative_date(spec.get_ref<const std::string&>());
            if (!relative) {
                error(ptr + "/relative", "filters.not_relative",
                      {{"value", in_quotes(spec.get_ref<const std::string&>())}});
                return std::nullopt;
            }
            if (!ok) return std::nullopt;
            return Operand{std::move(*relative)};
        }
        if (!v.is_string()) {
            error(ptr, expected);
            return std::nullopt;
        }
        const auto& s = v.get_ref<const std::string&>();
        if (auto date = parse_iso_date(s)) return Operand{*date};
        if (with_time) {
            if (auto instant = parse_iso_instant(s)) return Operand{*instant};
        }
        if (parse_relative_date(s)) {
            error(ptr, "filters.relative_as_object", {{"value", json(s).dump()}});
        } else if (!with_time && parse_iso_instant(s)) {
            error(ptr, "filters.date_without_time", {{"name", in_quotes(field.name)}});
        } else if (with_time && s.size() >= 16 && parse_iso_date(s.substr(0, 10))) {
            error(ptr, "filters.needs_time_zone");
        } else {
            error(ptr, expected);
        }
        return std::nullopt;
    }

    std::optional<Operand> scalar(const json& v, const FieldInfo& field, const std::string& ptr) {
        switch (field.type) {
            case FieldType::Text: return text(v, ptr, "filters.expected_text");
            case FieldType::Tags: return text(v, ptr, "filters.expected_tag");
            case FieldType::Enum: {
                if (!v.is_string()) {
                    error(ptr, "filters.expected_option", {{"options", join(field.enum_values)}});
                    return std::nullopt;
                }
                const auto& s = v.get_ref<const std::string&>();
                for (const auto& option : field.enum_values) {
                    if (iequals(option, s)) return Operand{option};  // canonical spelling
                }
                MessageArgs args = {
                    {"value", in_quotes(s)}, {"name", in_quotes(field.name)}, {"options", join(field.enum_values)}};
                if (auto guess = closest(s, field.enum_values)) {
                    args.push_back({"guess", *guess});
                    error(ptr, "filters.not_an_option_guess", std::move(args));
                } else {
                    error(ptr, "filters.not_an_option", std::move(args));
                }
                return std::nullopt;
            }
            case FieldType::Number:
            case FieldType::Money:
                if (!v.is_number()) {
                    error(ptr, "filters.expected_number");
                    return std::nullopt;
                }
                return Operand{v.get<double>()};
            case FieldType::Bool:
                if (!v.is_boolean()) {
                    error(ptr, "filters.expected_bool");
                    return std::nullopt;
                }
                return Operand{v.get<bool>()};
            case FieldType::Reference: {
                std::optional<Id> id;
                if (v.is_string()) {
                    id = parse_id(v.get_ref<const std::string&>());
                } else if (v.is_number_unsigned()) {
                    const auto n = v.get<std::uint64_t>();
                    if (n <= static_cast<std::uint64_t>(std::numeric_limits<Id>::max())) id = static_cast<Id>(n);
                } else if (v.is_number_integer()) {
                    id = v.get<std::int64_t>();
                }
                if (!id || *id <= 0) {
                    error(ptr, "filters.expected_record_id");
                    return std::nullopt;
                }
                return Operand{*id};
            }
            case FieldType::Date:
            case FieldType::DateTime: return date_value(v, field, ptr);
        }
        error(ptr, "filters.unsupported_type");
        return std::nullopt;
    }

    const FieldCatalog& catalog_;
    std::string prefix_;
    std::vector<std::string> field_names_;
    std::vector<FieldError> errors_;
    bool truncated_ = false;
    int conditions_ = 0;
    std::size_t total_values_ = 0;
};

}  // namespace

Result<FilterNode> parse_filter(const nlohmann::json& doc, const FieldCatalog& catalog,
                                std::string_view pointer_prefix) {
    return Parser(catalog, pointer_prefix).run(doc);
}

}  // namespace rapport::domain::filters
