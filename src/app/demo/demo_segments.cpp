#include "app/demo/demo_segments.hpp"

#include <algorithm>

namespace rapport::app::demo {

namespace {

using domain::customers::EntityType;
using domain::segments::SegmentKind;
using json = nlohmann::json;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

json condition(const char* field, const char* op, json value = nullptr) {
    json c = {{"field", field}, {"op", op}};
    if (!value.is_null()) c["value"] = std::move(value);
    return c;
}

json all_of(std::vector<json> conditions) {
    return {{"and", std::move(conditions)}};
}

// Creation times of the matching records, sorted.
std::vector<std::int64_t> matching_times(const DemoSegment& s, const DemoCustomers& customers) {
    std::vector<std::int64_t> times;
    if (s.entity_type == EntityType::Company) {
        for (const auto& c : customers.companies) {
            if (s.matches(&c, nullptr)) times.push_back(c.created_at);
        }
    } else {
        for (const auto& p : customers.people) {
            if (s.matches(nullptr, &p)) times.push_back(p.created_at);
        }
    }
    std::sort(times.begin(), times.end());
    return times;
}

}  // namespace

std::vector<DemoSegment> demo_segments() {
    std::vector<DemoSegment> out;
    out.push_back({"Buyers in Italy", "Bars, shops and distributors in Italy that resell our coffee.", SegmentKind::B2b,
                   EntityType::Company,
                   all_of({condition("buyer_kind", "is_not_empty"), condition("country", "eq", "IT")}),
                   [](const CompanyRow* c, const PersonRow*) { return c->buyer_kind && c->country == "IT"; }});
    out.push_back({"Large accounts", "Companies of more than 200 people: Key Accounts' first call.", SegmentKind::B2b,
                   EntityType::Company, all_of({condition("size", "in", json::array({"201-1000", "1000+"}))}),
                   [](const CompanyRow* c, const PersonRow*) { return c->size == "201-1000" || c->size == "1000+"; }});
    out.push_back({"Iberia", "Companies in Spain and Portugal (Ventas España).", SegmentKind::B2b, EntityType::Company,
                   all_of({condition("country", "in", json::array({"ES", "PT"}))}),
                   [](const CompanyRow* c, const PersonRow*) { return c->country == "ES" || c->country == "PT"; }});
    out.push_back(
        {"Consumers in Italy", "Coffee lovers in Italy, for the newsletter and the loyalty programme.",
         SegmentKind::B2c, EntityType::Person,
         all_of({condition("kind", "eq", "b2c_consumer"), condition("country", "eq", "IT")}),
         [](const CompanyRow*, const PersonRow* p) { return p->kind == "b2c_consumer" && p->country == "IT"; }});
    out.push_back(
        {"Consumers with a phone", "Consumers we can call or text about their orders.", SegmentKind::B2c,
         EntityType::Person, all_of({condition("kind", "eq", "b2c_consumer"), condition("phone", "is_not_empty")}),
         [](const CompanyRow*, const PersonRow* p) { return p->kind == "b2c_consumer" && p->phone.has_value(); }});
    out.push_back(
        {"Contacts in Portugal", "The people we talk to at Portuguese companies.", SegmentKind::B2b, EntityType::Person,
         all_of({condition("kind", "eq", "b2b_contact"), condition("country", "eq", "PT")}),
         [](const CompanyRow*, const PersonRow* p) { return p->kind == "b2b_contact" && p->country == "PT"; }});
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> segment_history(const DemoSegment& segment,
                                                                  const DemoCustomers& customers, std::int64_t now_ms,
                                                                  int days) {
    const auto times = matching_times(segment, customers);
    const std::int64_t today = now_ms - now_ms % kDayMs;
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (int d = days; d >= 1; --d) {
        const std::int64_t day_start = today - d * kDayMs;
        const std::int64_t day_end = day_start + kDayMs;  // exclusive
        const auto count = std::lower_bound(times.begin(), times.end(), day_end) - times.begin();
        out.emplace_back(domain::segments::utc_day(day_start), static_cast<std::int64_t>(count));
    }
    return out;
}

std::int64_t segment_size(const DemoSegment& segment, const DemoCustomers& customers) {
    return static_cast<std::int64_t>(matching_times(segment, customers).size());
}

}  // namespace rapport::app::demo
