#include "storage/access_filter_sql.hpp"

namespace rapport::storage {

std::string access_condition(const domain::AccessFilter& filter, Params& params, const std::string& owner_column,
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

}  // namespace rapport::storage
