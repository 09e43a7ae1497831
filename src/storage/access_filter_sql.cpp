#include "storage/access_filter_sql.hpp"

namespace rapport::storage {

namespace {
std::string scope_condition(const domain::AccessFilter& filter, Params& params, const std::string& owner_column,
                            const std::string& team_column) {
    using domain::Scope;
    auto placeholder = [&params](Value v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    switch (filter.scope) {
        case Scope::All: return "1=1";
        case Scope::None: return "1=0";
        case Scope::Own:
            if (!filter.user_id) return "1=0";
            return "(" + owner_column + " = " + placeholder(*filter.user_id) + ")";
        case Scope::Team: {
            std::string out = "(";
            out += filter.user_id ? owner_column + " = " + placeholder(*filter.user_id) : "1=0";
            if (!filter.team_ids.empty()) {
                out += " OR " + team_column + " IN (";
                for (std::size_t i = 0; i < filter.team_ids.size(); ++i) {
                    if (i) out += ", ";
                    out += placeholder(filter.team_ids[i]);
                }
                out += ")";
            }
            return out + ")";
        }
    }
    return "1=0";
}
}  // namespace

std::string access_condition(const domain::AccessFilter& filter, Params& params, const std::string& owner_column,
                             const std::string& team_column, const PartitionColumns& partition) {
    auto placeholder = [&params](Value v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    if (filter.partner_company_id) {
        if (filter.scope == domain::Scope::None) return "1=0";
        // Only real expressions: PostgreSQL cannot type a parameter compared with a bare NULL.
        std::string out;
        for (const std::string* column : {&partition.consumer_of, &partition.company_id}) {
            if (*column == "NULL") continue;
            out += (out.empty() ? "(" : " OR ") + *column + " = " + placeholder(*filter.partner_company_id);
        }
        return out.empty() ? "1=0" : out + ")";
    }
    const std::string scope = scope_condition(filter, params, owner_column, team_column);
    if (filter.all_partitions || partition.consumer_of == "NULL") return scope;
    std::string visible = "(" + partition.consumer_of + " IS NULL";
    if (!filter.partitions.empty()) {
        visible += " OR " + partition.consumer_of + " IN (";
        for (std::size_t i = 0; i < filter.partitions.size(); ++i) {
            visible += (i ? ", " : "") + placeholder(filter.partitions[i]);
        }
        visible += ")";
    }
    return "(" + scope + " AND " + visible + "))";
}

}  // namespace rapport::storage
