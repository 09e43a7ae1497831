#include "storage/filter_sql.hpp"

#include <cctype>
#include <variant>

namespace rapport::storage {

namespace {

namespace f = domain::filters;
using f::FieldType;
using f::Op;

// The alias of the tag rows inside EXISTS subqueries; unusual so that it cannot capture an
// alias of the outer query that the map's expressions refer to.
constexpr const char* kTagAlias = "filter_tag_";

std::string like_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 4);
    for (char c : text) {
        if (c == '\\' || c == '%' || c == '_') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

bool valid_json_key(std::string_view key) {
    if (key.empty() || key.size() > 100) return false;
    for (char c : key) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    return true;
}

// A cheap guard against a map entry that would break the statement around it: expressions
// must not carry their own numbered parameters or end the statement.
bool plausible_expression(std::string_view sql) {
    if (sql.empty()) return false;
    if (sql.find(';') != std::string_view::npos || sql.find("--") != std::string_view::npos) return false;
    for (std::size_t i = 0; i + 1 < sql.size(); ++i) {
        if (sql[i] == '$' && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) return false;
    }
    return true;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

class Builder {
public:
    Builder(const SqlFieldMap& map, Dialect dialect, UnixMillis now, Params& params)
        : map_(map), dialect_(dialect), now_(now), params_(params) {}

    Result<std::string> node(const f::FilterNode& filter) {
        return std::visit(
            [&](const auto& n) -> Result<std::string> {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, f::And> || std::is_same_v<T, f::Or>) {
                    constexpr bool is_and = std::is_same_v<T, f::And>;
                    if (n.children.empty()) return std::string(is_and ? "1=1" : "1=0");
                    std::vector<std::string> parts;
                    for (const auto& child : n.children) parts.push_back(RAPPORT_TRY(node(child)));
                    if (parts.size() == 1) return parts.front();
                    return "(" + join(parts, is_and ? " AND " : " OR ") + ")";
                } else if constexpr (std::is_same_v<T, f::Not>) {
                    return "NOT (" + RAPPORT_TRY(node(n.child())) + ")";
                } else {
                    return condition(n);
                }
            },
            filter.node);
    }

private:
    std::string bind(Value v) {
        params_.push_back(std::move(v));
        return "$" + std::to_string(params_.size());
    }
    std::string bind_text(std::string s) { return "CAST(" + bind(std::move(s)) + " AS TEXT)"; }
    std::string bind_lower_text(std::string s) { return "lower(" + bind_text(std::move(s)) + ")"; }
    std::string bind_bigint(std::int64_t n) { return "CAST(" + bind(n) + " AS BIGINT)"; }

    // The PostgreSQL view of a custom JSON value: `->` for its type, `->>` for its text.
    std::string pg_json(const SqlField& field, const char* arrow) const {
        return "((" + field.expression + ")::jsonb " + arrow + " '" + field.json_key + "')";
    }
    std::string sqlite_json(const SqlField& field, const char* function) const {
        return std::string(function) + "(" + field.expression + ", '$." + field.json_key + "')";
    }

    // The field's value as a SQL expression of its type, NULL when absent or ill-typed.
    // Text and Enum columns stay bare so that indexes on them (or on lower(column)) apply:
    // operands are never empty, so '' can only matter to emptiness tests (see empty_test).
    // Date columns need NULLIF because '' would sort before every date.
    std::string value_expression(const SqlField& field, FieldType type) const {
        if (field.kind == SqlField::Kind::Column) {
            if (type == FieldType::Date) return "NULLIF(" + field.expression + ", '')";
            return "(" + field.expression + ")";
        }
        const bool sqlite = dialect_ == Dialect::Sqlite;
        const std::string type_of =
            sqlite ? sqlite_json(field, "json_type") : "jsonb_typeof(" + pg_json(field, "->") + ")";
        const std::string raw = sqlite ? sqlite_json(field, "json_extract") : pg_json(field, "->>");
        switch (type) {
            case FieldType::Text:
            case FieldType::Enum:
            case FieldType::Date:
                return "(CASE WHEN " + type_of + (sqlite ? " = 'text'" : " = 'string'") + " THEN NULLIF(" + raw +
                       ", '') END)";
            case FieldType::Reference:  // custom references hold the id as a decimal string
                return "(CASE WHEN " + type_of + (sqlite ? " = 'text'" : " = 'string'") + " THEN NULLIF(" + raw +
                       ", '') END)";
            case FieldType::Number:
            case FieldType::Money:
            case FieldType::DateTime:
                if (sqlite) return "(CASE WHEN " + type_of + " IN ('integer', 'real') THEN " + raw + " END)";
                return "(CASE WHEN " + type_of + " = 'number' THEN (" + raw + ")::double precision END)";
            case FieldType::Bool:
                if (sqlite) return "(CASE " + type_of + " WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)";
                return "(CASE WHEN " + type_of + " = 'boolean' THEN (" + raw + ")::boolean END)";
            case FieldType::Tags: break;  // handled by tag_exists
        }
        return "NULL";
    }

    // A comparable form of the value for ordering comparisons.
    std::string ordered(const std::string& value, FieldType type) const {
        // ISO dates order as text only under a byte-wise collation.
        if (type == FieldType::Date && dialect_ == Dialect::Postgres) return "(" + value + " COLLATE \"C\")";
        return value;
    }

    // Whether text comparisons (equality: text has no ordering operators) may use the bare
    // column (see SqlField::StoredCase).
    static bool single_case(const SqlField& field, FieldType type) {
        return type == FieldType::Text && field.kind == SqlField::Kind::Column &&
               field.stored_case != SqlField::StoredCase::Mixed;
    }

    // The value's side of a comparison with operand(): lower(value) for text, the bare value
    // for text stored in one case (operand() binds the operand in that case).
    std::string text_side(const SqlField& field, FieldType type, const std::string& value) const {
        if (type != FieldType::Text) return ordered(value, type);
        return single_case(field, type) ? value : "lower(" + value + ")";
    }

    // A bound operand in the field's SQL type.
    std::string operand(const SqlField& field, FieldType type, const f::Operand& o) {
        switch (type) {
            case FieldType::Text:
                if (single_case(field, type) && field.stored_case == SqlField::StoredCase::Upper) {
                    return "upper(" + bind_text(std::get<std::string>(o)) + ")";
                }
                return bind_lower_text(std::get<std::string>(o));
            case FieldType::Enum: return bind_text(std::get<std::string>(o));
            case FieldType::Number:
            case FieldType::Money: return "CAST(" + bind(std::get<double>(o)) + " AS DOUBLE PRECISION)";
            case FieldType::Bool: return "CAST(" + bind(std::get<bool>(o)) + " AS BOOLEAN)";
            case FieldType::Reference:
                if (field.kind == SqlField::Kind::CustomJson) return bind_text(id_to_string(std::get<Id>(o)));
                return bind_bigint(std::get<Id>(o));
            case FieldType::Date: return bind_text(f::format_iso_date(operand_date(o)));
            case FieldType::DateTime: return bind_bigint(std::get<f::Instant>(o).ms);
            case FieldType::Tags: return bind_lower_text(std::get<std::string>(o));
        }
        return "NULL";
    }

    f::CalendarDate operand_date(const f::Operand& o) const {
        if (const auto* r = std::get_if<f::RelativeDate>(&o)) return f::resolve(*r, now_);
        return std::get<f::CalendarDate>(o);
    }

    // `value <sql_op> operand`, assuming value IS NOT NULL. A DateTime compared with a day
    // becomes a comparison with the day's bounds, which keeps it index-friendly.
    std::string compare(const SqlField& field, FieldType type, const std::string& value, std::string_view sql_op,
                        const f::Operand& o) {
        if (type == FieldType::DateTime && !std::holds_alternative<f::Instant>(o)) {
            const f::CalendarDate day = operand_date(o);
            const auto start = [&](f::CalendarDate d) { return bind_bigint(f::start_of(d)); };
            const f::CalendarDate next{day.days + 1};
            if (sql_op == "=") {
                const std::string low = start(day);  // bound first, so $N follow the text order
                return value + " >= " + low + " AND " + value + " < " + start(next);
            }
            if (sql_op == ">") return value + " >= " + start(next);
            if (sql_op == ">=") return value + " >= " + start(day);
            if (sql_op == "<") return value + " < " + start(day);
            return value + " < " + start(next);  // <=
        }
        return text_side(field, type, value) + " " + std::string(sql_op) + " " + operand(field, type, o);
    }

    // "No value": NULL, or '' in a bare Text/Enum column (custom values already map '' to NULL).
    static std::string empty_test(const SqlField& field, FieldType type, const std::string& value) {
        if (field.kind == SqlField::Kind::Column && (type == FieldType::Text || type == FieldType::Enum)) {
            return "(" + value + " IS NULL OR " + value + " = '')";
        }
        return "(" + value + " IS NULL)";
    }

    static std::string positive(const std::string& value, const std::string& test) {
        return "(" + value + " IS NOT NULL AND " + test + ")";
    }
    static std::string negative(const std::string& value, const std::string& test) {
        return "(" + value + " IS NULL OR NOT (" + test + "))";
    }

    Result<std::string> condition(const f::Condition& c) {
        const SqlField* field = map_.find(c.field);
        if (!field) return fail(Error::internal("filter field '" + c.field + "' has no SQL mapping"));
        RAPPORT_CHECK(check_mapping(*field, c.type));
        if (c.type == FieldType::Tags) return tags(*field, c);

        const std::string v = value_expression(*field, c.type);
        switch (c.op) {
            case Op::IsEmpty: return empty_test(*field, c.type, v);
            case Op::IsNotEmpty: return "NOT " + empty_test(*field, c.type, v);
            case Op::Eq: return positive(v, compare(*field, c.type, v, "=", c.values.at(0)));
            case Op::Neq: return negative(v, compare(*field, c.type, v, "=", c.values.at(0)));
            case Op::In:
            case Op::NotIn: {
                std::vector<std::string> items;
                for (const auto& o : c.values) items.push_back(operand(*field, c.type, o));
                const std::string test = text_side(*field, c.type, v) + " IN (" + join(items, ", ") + ")";
                return c.op == Op::In ? positive(v, test) : negative(v, test);
            }
            case Op::Contains:
            case Op::NotContains:
            case Op::StartsWith: {
                const std::string& text = std::get<std::string>(c.values.at(0));
                const std::string pattern =
                    c.op == Op::StartsWith ? like_escape(text) + "%" : "%" + like_escape(text) + "%";
                const std::string test = "lower(" + v + ") LIKE " + bind_lower_text(pattern) + " ESCAPE '\\'";
                return c.op == Op::NotContains ? negative(v, test) : positive(v, test);
            }
            case Op::Gt: return positive(v, compare(*field, c.type, v, ">", c.values.at(0)));
            case Op::Gte: return positive(v, compare(*field, c.type, v, ">=", c.values.at(0)));
            case Op::Lt: return positive(v, compare(*field, c.type, v, "<", c.values.at(0)));
            case Op::Lte: return positive(v, compare(*field, c.type, v, "<=", c.values.at(0)));
            case Op::Between: {
                const std::string low = compare(*field, c.type, v, ">=", c.values.at(0));
                const std::string high = compare(*field, c.type, v, "<=", c.values.at(1));
                return positive(v, low + " AND " + high);
            }
            case Op::HasTag:
            case Op::HasAnyTag:
            case Op::HasAllTags: break;
        }
        return fail(Error::internal("operator '" + std::string(f::to_string(c.op)) + "' does not apply to field '" +
                                    c.field + "'"));
    }

    Status check_mapping(const SqlField& field, FieldType type) const {
        auto bad = [&](const std::string& why) {
            return fail(Error::internal("SQL mapping of filter field '" + field.name + "': " + why));
        };
        switch (field.kind) {
            case SqlField::Kind::Column:
                if (type == FieldType::Tags) return bad("a tag field needs a TagSet or CustomJson mapping");
                if (!plausible_expression(field.expression)) return bad("implausible column expression");
                break;
            case SqlField::Kind::CustomJson:
                if (!valid_json_key(field.json_key)) return bad("JSON keys must match [A-Za-z0-9_]+");
                if (!plausible_expression(field.expression)) return bad("implausible JSON column expression");
                break;
            case SqlField::Kind::TagSet:
                if (type != FieldType::Tags) return bad("a TagSet mapping holds tags only");
                if (!plausible_expression(field.tag_table) || !plausible_expression(field.workspace_expression) ||
                    !plausible_expression(field.entity_id_expression) || !plausible_expression(field.tag_column) ||
                    (!field.tag_list_expression.empty() && !plausible_expression(field.tag_list_expression))) {
                    return bad("implausible tag table or expressions");
                }
                break;
        }
        return {};
    }

    // "EXISTS (SELECT 1 FROM <the field's tags> WHERE ... [AND <extra>])". Binds the entity
    // type (TagSet) before `extra`'s own parameters, so the caller passes a generator.
    template <class Extra>
    std::string tag_exists(const SqlField& field, Extra&& extra) {
        const std::string alias = kTagAlias;
        std::string from;
        std::string tag;
        if (field.kind == SqlField::Kind::TagSet) {
            from = field.tag_table + " AS " + alias + " WHERE " + alias + ".workspace_id = (" +
                   field.workspace_expression + ") AND " + alias +
                   ".entity_type = " + bind_text(field.tag_entity_type) + " AND " + alias + ".entity_id = (" +
                   field.entity_id_expression + ")";
            tag = alias + "." + field.tag_column;
        } else if (dialect_ == Dialect::Sqlite) {
            from = sqlite_json(field, "json_each") + " AS " + alias + " WHERE " + sqlite_json(field, "json_type") +
                   " = 'array' AND " + alias + ".type = 'text'";
            tag = alias + ".value";
        } else {
            const std::string array = pg_json(field, "->");
            from = "jsonb_array_elements(CASE WHEN jsonb_typeof(" + array + ") = 'array' THEN " + array + " END) AS " +
                   alias + "(elem) WHERE jsonb_typeof(" + alias + ".elem) = 'string'";
            tag = "(" + alias + ".elem #>> '{}')";
        }
        const std::string more = extra("lower(" + tag + ")");
        return "EXISTS (SELECT 1 FROM " + from + (more.empty() ? "" : " AND " + more) + ")";
    }

    // "The tag list holds `tag`": a string search for the lower-cased tag between separators
    // in the list, which holds its tags in lower case already (no lower() per row).
    std::string listed(const SqlField& field, const std::string& tag) {
        const std::string needle = bind_lower_text(tag);
        if (dialect_ == Dialect::Sqlite) {
            return "instr(" + field.tag_list_expression + ", char(31) || " + needle + " || char(31)) > 0";
        }
        return "strpos(" + field.tag_list_expression + ", chr(31) || " + needle + " || chr(31)) > 0";
    }

    Result<std::string> tag_list_test(const SqlField& field, const f::Condition& c) {
        std::vector<std::string> parts;
        switch (c.op) {
            case Op::IsEmpty: return "(" + field.tag_list_expression + " = '')";
            case Op::IsNotEmpty: return "(" + field.tag_list_expression + " <> '')";
            case Op::HasTag:
            case Op::HasAnyTag:
            case Op::HasAllTags:
                for (const auto& o : c.values) parts.push_back(listed(field, std::get<std::string>(o)));
                if (parts.size() == 1) return parts.front();
                return "(" + join(parts, c.op == Op::HasAllTags ? " AND " : " OR ") + ")";
            default: break;
        }
        return fail(Error::internal("operator '" + std::string(f::to_string(c.op)) + "' does not apply to tag field '" +
                                    c.field + "'"));
    }

    Result<std::string> tags(const SqlField& field, const f::Condition& c) {
        if (!field.tag_list_expression.empty()) return tag_list_test(field, c);
        auto none = [](const std::string&) { return std::string(); };
        switch (c.op) {
            case Op::IsEmpty: return "NOT " + tag_exists(field, none);
            case Op::IsNotEmpty: return tag_exists(field, none);
            case Op::HasTag:
            case Op::HasAnyTag: {
                return tag_exists(field, [&](const std::string& tag) {
                    std::vector<std::string> items;
                    for (const auto& o : c.values) items.push_back(bind_lower_text(std::get<std::string>(o)));
                    if (items.size() == 1) return tag + " = " + items.front();
                    return tag + " IN (" + join(items, ", ") + ")";
                });
            }
            case Op::HasAllTags: {
                std::vector<std::string> parts;
                for (const auto& o : c.values) {
                    parts.push_back(tag_exists(field, [&](const std::string& tag) {
                        return tag + " = " + bind_lower_text(std::get<std::string>(o));
                    }));
                }
                if (parts.size() == 1) return parts.front();
                return "(" + join(parts, " AND ") + ")";
            }
            default: break;
        }
        return fail(Error::internal("operator '" + std::string(f::to_string(c.op)) + "' does not apply to tag field '" +
                                    c.field + "'"));
    }

    const SqlFieldMap& map_;
    Dialect dialect_;
    UnixMillis now_;
    Params& params_;
};

}  // namespace

SqlField SqlField::column(std::string name, std::string expression, StoredCase stored_case) {
    SqlField out;
    out.name = std::move(name);
    out.kind = Kind::Column;
    out.expression = std::move(expression);
    out.stored_case = stored_case;
    return out;
}

SqlField SqlField::custom_json(std::string name, std::string json_column, std::string key) {
    SqlField out;
    out.name = std::move(name);
    out.kind = Kind::CustomJson;
    out.expression = std::move(json_column);
    out.json_key = std::move(key);
    return out;
}

SqlField SqlField::tag_set(std::string name, std::string tag_table, std::string entity_type,
                           std::string workspace_expression, std::string entity_id_expression,
                           std::string tag_list_expression, std::string tag_column) {
    SqlField out;
    out.name = std::move(name);
    out.kind = Kind::TagSet;
    out.tag_table = std::move(tag_table);
    out.tag_entity_type = std::move(entity_type);
    out.workspace_expression = std::move(workspace_expression);
    out.entity_id_expression = std::move(entity_id_expression);
    out.tag_list_expression = std::move(tag_list_expression);
    out.tag_column = std::move(tag_column);
    return out;
}

SqlFieldMap::SqlFieldMap(std::vector<SqlField> fields) {
    for (auto& field : fields) add(std::move(field));
}

void SqlFieldMap::add(SqlField field) {
    std::string key = field.name;
    fields_.insert_or_assign(std::move(key), std::move(field));
}

const SqlField* SqlFieldMap::find(std::string_view name) const {
    auto it = fields_.find(name);
    return it == fields_.end() ? nullptr : &it->second;
}

Result<std::string> filter_condition(const domain::filters::FilterNode& filter, const SqlFieldMap& fields,
                                     Dialect dialect, UnixMillis now, Params& params) {
    const std::size_t before = params.size();
    auto out = Builder(fields, dialect, now, params).node(filter);
    if (!out) params.resize(before);
    return out;
}

}  // namespace rapport::storage
