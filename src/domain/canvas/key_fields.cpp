#include "domain/canvas/canvas_repository.hpp"

namespace rapport::domain::canvas {

// The fields a complete profile has (docs/architecture.md, "Canvas"): how to reach the
// customer (email, phone), where they are (city, country), and for people their language,
// for companies their tax identity, site and industry.
const std::vector<std::string>& key_fields(customers::EntityType type) {
    static const std::vector<std::string> people = {"email", "phone", "city", "country", "language"};
    static const std::vector<std::string> companies = {"vat_id", "email", "phone", "website", "industry", "city"};
    return type == customers::EntityType::Person ? people : companies;
}

}  // namespace rapport::domain::canvas
