#pragma once
// The customer records of the demo data set, generated in memory as rows ready to insert:
// companies (some of them buyers of the workspace's coffee: the B2B2C network), people
// (B2B contacts with their affiliations, and B2C consumers, many of them a buyer's) and
// affiliations. No I/O. The content is deterministic for a seed and the staff it is
// assigned to; the record ids come from new_id() and the timestamps are relative to `now_ms`.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/demo/demo_words.hpp"
#include "core/ids.hpp"

namespace rapport::app::demo {

// Who looks after a set of records: a team and the users who may own them.
struct Portfolio {
    std::optional<Id> team_id;
    std::vector<Id> owners;  // empty: the records have no owner
};

struct Staff {
    std::array<Portfolio, 6> by_country;  // indexed by Country: companies and their contacts
    Portfolio consumers;                  // consumers who are no buyer's
    std::vector<Id> service;              // Customer Service's agents (they write no records)
    std::vector<Id> team_ids;             // every team, in demo_teams() order
};

struct CompanyRow {
    Id company_id = 0;
    Country country_code = Country::It;
    std::string legal_name;
    std::optional<std::string> trade_name;
    std::string country;
    std::optional<std::string> vat_id;
    std::optional<std::string> pec;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::optional<std::string> website;
    std::string industry;
    std::string size;
    std::string market;
    std::string address_line;
    std::string postal_code;
    std::string city;
    std::string region;
    std::optional<std::string> buyer_kind;
    std::optional<Id> owner_user_id;
    std::optional<Id> team_id;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::string domain;  // mail and web domain (not a column)
};

struct PersonRow {
    Id person_id = 0;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::string language;
    std::optional<std::string> birthday;  // ISO date
    std::string city;
    std::string country;
    std::string kind;  // b2b_contact, b2c_consumer
    std::optional<Id> buyer_company_id;
    std::optional<Id> owner_user_id;
    std::optional<Id> team_id;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

struct AffiliationRow {
    Id person_id = 0;
    Id company_id = 0;
    std::string job_title;
    bool is_primary = false;
};

struct DemoCustomers {
    std::vector<CompanyRow> companies;
    std::vector<PersonRow> people;
    std::vector<AffiliationRow> affiliations;
};

// Sizes of the data set.
constexpr int kDemoCompanies = 300;
constexpr int kDemoBuyers = 20;
constexpr int kDemoContacts = 1800;
constexpr int kDemoBuyerConsumers = 800;
constexpr int kDemoDirectConsumers = 400;

// How many records to make. The defaults are the demo data set; larger scales (the
// benchmark workspaces of `rapport bench-data`) keep its proportions: per country, buyers
// among companies, and contacts : buyers' consumers : direct consumers as 18 : 8 : 4.
struct Scale {
    int companies = kDemoCompanies;
    int people = kDemoContacts + kDemoBuyerConsumers + kDemoDirectConsumers;
};

DemoCustomers generate_customers(std::uint32_t seed, const Staff& staff, std::int64_t now_ms, const Scale& scale = {});

// Lower-case ASCII letters and digits only, accents folded ("Niccolò D'Angelo" ->
// "niccolodangelo"): the stuff of email local parts and domain labels.
std::string ascii_key(std::string_view utf8);

}  // namespace rapport::app::demo
