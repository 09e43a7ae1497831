#include "domain/duplicates/match_record.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

#include "domain/duplicates/name_similarity.hpp"

namespace rapport::domain::duplicates {

std::uint64_t key_hash(std::string_view text) {
    if (text.empty()) return 0;
    const std::uint64_t h = std::hash<std::string_view>{}(text);
    return h == 0 ? 1 : h;
}

namespace {

// Only values shaped like what validation stores are keys: an import that flags invalid
// values keeps them raw (field_flag.hpp), and placeholders such as "n/a" or "-" shared by
// thousands of records are not evidence that they are one customer.
bool email_shaped(std::string_view v) {
    const auto at = v.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < v.size() &&
           v.find_first_of(" \t") == std::string_view::npos;
}

bool e164_shaped(std::string_view v) {
    if (v.size() < 4 || v.front() != '+') return false;
    return v.find_first_not_of("0123456789", 1) == std::string_view::npos;
}

bool tax_id_shaped(std::string_view v) {
    if (v.size() < 5) return false;
    return std::all_of(v.begin(), v.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

std::uint64_t key_if(bool shaped, std::string_view v) {
    return shaped ? key_hash(v) : 0;
}

}  // namespace

PreparedRecord prepare(EntityType type, const MatchRecord& r) {
    PreparedRecord p;
    p.id = r.id;
    if (type == EntityType::Person) {
        const std::string first = normalize_name(r.name, false);
        const std::string last = normalize_name(r.alt_name, false);
        p.name = first.empty() ? last : last.empty() ? first : first + " " + last;
        p.given = first;
        p.family = last;
        p.name_key = phonetic_key(last.empty() ? first : last);
        p.birthday = key_hash(r.birthday);
        p.company_id = r.company_id.value_or(0);
    } else {
        p.name = normalize_name(r.name, true);
        p.alt_name = normalize_name(r.alt_name, true);
        p.name_key = phonetic_key(p.name);
        p.alt_key = phonetic_key(p.alt_name);
        p.tax_id = key_if(tax_id_shaped(r.tax_id), r.tax_id);
        p.pec = key_if(email_shaped(r.pec), r.pec);
    }
    p.email = key_if(email_shaped(r.email), r.email);
    p.phone = key_if(e164_shaped(r.phone), r.phone);
    p.city = key_hash(normalize_name(r.city, false));
    return p;
}

}  // namespace rapport::domain::duplicates
