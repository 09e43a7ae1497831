#include "domain/filters/filter.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace rapport::domain::filters {

namespace {

struct OpName {
    Op op;
    std::string_view name;
};

constexpr std::array<OpName, 17> kOpNames = {{
    {Op::Eq, "eq"},
    {Op::Neq, "neq"},
    {Op::In, "in"},
    {Op::NotIn, "not_in"},
    {Op::Contains, "contains"},
    {Op::NotContains, "not_contains"},
    {Op::StartsWith, "starts_with"},
    {Op::Gt, "gt"},
    {Op::Gte, "gte"},
    {Op::Lt, "lt"},
    {Op::Lte, "lte"},
    {Op::Between, "between"},
    {Op::IsEmpty, "is_empty"},
    {Op::IsNotEmpty, "is_not_empty"},
    {Op::HasTag, "has_tag"},
    {Op::HasAnyTag, "has_any_tag"},
    {Op::HasAllTags, "has_all_tags"},
}};

void collect_fields(const FilterNode& node, std::set<std::string>& out) {
    std::visit(
        [&out](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, And> || std::is_same_v<T, Or>) {
                for (const auto& child : n.children) collect_fields(child, out);
            } else if constexpr (std::is_same_v<T, Not>) {
                collect_fields(n.child(), out);
            } else {
                out.insert(n.field);
            }
        },
        node.node);
}

}  // namespace

std::string_view to_string(FieldType type) {
    switch (type) {
        case FieldType::Text: return "text";
        case FieldType::Number: return "number";
        case FieldType::Money: return "money";
        case FieldType::Date: return "date";
        case FieldType::DateTime: return "date-time";
        case FieldType::Bool: return "boolean";
        case FieldType::Enum: return "choice";
        case FieldType::Tags: return "tag";
        case FieldType::Reference: return "reference";
    }
    return "unknown";
}

std::string_view to_string(Op op) {
    for (const auto& entry : kOpNames) {
        if (entry.op == op) return entry.name;
    }
    return "unknown";
}

std::optional<Op> parse_op(std::string_view text) {
    for (const auto& entry : kOpNames) {
        if (entry.name == text) return entry.op;
    }
    return std::nullopt;
}

const std::vector<Op>& ops_for(FieldType type) {
    static const std::vector<Op> text = {Op::Eq,          Op::Neq,        Op::In,      Op::NotIn,     Op::Contains,
                                         Op::NotContains, Op::StartsWith, Op::IsEmpty, Op::IsNotEmpty};
    static const std::vector<Op> number = {Op::Eq, Op::Neq, Op::In,      Op::NotIn,   Op::Gt,        Op::Gte,
                                           Op::Lt, Op::Lte, Op::Between, Op::IsEmpty, Op::IsNotEmpty};
    static const std::vector<Op> date = {Op::Eq,  Op::Neq,     Op::Gt,      Op::Gte,       Op::Lt,
                                         Op::Lte, Op::Between, Op::IsEmpty, Op::IsNotEmpty};
    static const std::vector<Op> boolean = {Op::Eq, Op::Neq, Op::IsEmpty, Op::IsNotEmpty};
    static const std::vector<Op> choice = {Op::Eq, Op::Neq, Op::In, Op::NotIn, Op::IsEmpty, Op::IsNotEmpty};
    static const std::vector<Op> tags = {Op::HasTag, Op::HasAnyTag, Op::HasAllTags, Op::IsEmpty, Op::IsNotEmpty};
    switch (type) {
        case FieldType::Text: return text;
        case FieldType::Number:
        case FieldType::Money: return number;
        case FieldType::Date:
        case FieldType::DateTime: return date;
        case FieldType::Bool: return boolean;
        case FieldType::Enum:
        case FieldType::Reference: return choice;
        case FieldType::Tags: return tags;
    }
    return boolean;
}

bool op_applies(Op op, FieldType type) {
    const auto& ops = ops_for(type);
    return std::find(ops.begin(), ops.end(), op) != ops.end();
}

Not::Not(FilterNode child) : child_(std::make_unique<FilterNode>(std::move(child))) {}
Not::Not(const Not& other) : child_(other.child_ ? std::make_unique<FilterNode>(*other.child_) : nullptr) {}
Not& Not::operator=(const Not& other) {
    if (this != &other) child_ = other.child_ ? std::make_unique<FilterNode>(*other.child_) : nullptr;
    return *this;
}
Not::~Not() = default;

FilterNode match_all() {
    return FilterNode{And{}};
}

std::vector<std::string> referenced_fields(const FilterNode& filter) {
    std::set<std::string> names;
    collect_fields(filter, names);
    return {names.begin(), names.end()};
}

FieldCatalog::FieldCatalog(std::vector<FieldInfo> fields) {
    for (auto& f : fields) add(std::move(f));
}

void FieldCatalog::add(FieldInfo field) {
    if (auto it = index_.find(field.name); it != index_.end()) {
        fields_[it->second] = std::move(field);
        return;
    }
    index_.emplace(field.name, fields_.size());
    fields_.push_back(std::move(field));
}

const FieldInfo* FieldCatalog::find(std::string_view name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &fields_[it->second];
}

}  // namespace rapport::domain::filters
