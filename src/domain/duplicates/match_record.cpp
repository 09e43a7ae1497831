#include "domain/duplicates/match_record.hpp"

#include <functional>

#include "domain/duplicates/name_similarity.hpp"

namespace rapport::domain::duplicates {

std::uint64_t key_hash(std::string_view text) {
    if (text.empty()) return 0;
    const std::uint64_t h = std::hash<std::string_view>{}(text);
    return h == 0 ? 1 : h;
}

PreparedRecord prepare(EntityType type, const MatchRecord& r) {
    PreparedRecord p;
    p.id = r.id;
    if (type == EntityType::Person) {
        const std::string first = normalize_name(r.name, false);
        const std::string last = normalize_name(r.alt_name, false);
        p.name = first.empty() ? last : last.empty() ? first : first + " " + last;
        p.alt_name = first.empty() ? last : last.empty() ? first : last + " " + first;
        p.name_key = phonetic_key(last.empty() ? first : last);
        p.birthday = key_hash(r.birthday);
        p.company_id = r.company_id.value_or(0);
    } else {
        p.name = normalize_name(r.name, true);
        p.alt_name = normalize_name(r.alt_name, true);
        p.name_key = phonetic_key(p.name);
        p.alt_key = phonetic_key(p.alt_name);
        p.tax_id = key_hash(r.tax_id);
        p.pec = key_hash(r.pec);
    }
    p.email = key_hash(r.email);
    p.phone = key_hash(r.phone);
    p.city = key_hash(normalize_name(r.city, false));
    return p;
}

}  // namespace rapport::domain::duplicates
