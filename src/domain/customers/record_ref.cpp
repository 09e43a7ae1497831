#include "domain/customers/record_ref.hpp"

namespace rapport::domain::customers {

RecordRef ref_of(const CustomerRecord& record) {
    RecordRef ref{record.owner_user_id, record.team_id, std::nullopt, std::nullopt};
    if (record.type == EntityType::Company) {
        ref.company_id = record.id;
    } else if (auto it = record.fields.find("buyer_company_id"); it != record.fields.end() && it->is_string()) {
        ref.partition = parse_id(it->get<std::string>());
    }
    return ref;
}

}  // namespace rapport::domain::customers
