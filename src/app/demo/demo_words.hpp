#pragma once
// Word lists of the demo data set, per country: first and last names, cities (with postal
// codes, regions and landline prefixes), streets, business activities and job titles in the
// country's language. Plain constant data; the generator (demo_generator.hpp) draws from it.
//
// Telephone prefixes: where the regulator reserves numbers for fiction (UK: Ofcom's drama
// ranges; US: 555-0100..0199) the lists use them, so no demo number rings a real phone there.
// Every number must also be valid by Rapport's own phone check (libphonenumber's IsValidNumber
// for the country, domain/customers/phone.hpp), or the records fail validation when edited or
// merged: hence no UK mobiles, as Ofcom's drama mobile range (07700 900xxx) is not valid to it.
#include <span>
#include <string_view>

namespace rapport::app::demo {

enum class Country { It, Es, Pt, Gb, Ie, Us };

struct City {
    std::string_view name;
    std::string_view postal_code;
    std::string_view region;        // Italian region, Spanish community, Portuguese district, UK nation, US state
    std::string_view phone_prefix;  // national digits a landline of the city starts with
    int phone_rest = 0;             // random digits that follow the prefix
};

struct Activity {
    std::string_view word;      // as it appears in company names ("Meccanica")
    std::string_view industry;  // Rapport's industry key ("manufacturing")
};

// Job titles are gendered in Italian, Spanish and Portuguese.
struct Title {
    std::string_view male;
    std::string_view female;
};

struct CountryWords {
    Country country;
    std::string_view iso2;
    std::string_view language;      // it, es, pt, en
    std::string_view calling_code;  // "+39"
    std::span<const std::string_view> male_names;
    std::span<const std::string_view> female_names;
    std::span<const std::string_view> last_names;
    std::span<const City> cities;
    std::span<const std::string_view> streets;
    bool number_before_street = false;  // "12 High Street" rather than "Via Roma 12"
    std::span<const Activity> activities;
    std::span<const Title> job_titles;
    std::span<const Title> side_titles;                 // for a person's second company: adviser, board member
    std::span<const std::string_view> mobile_prefixes;  // empty: mobiles look like landlines (US, UK)
    int mobile_rest = 0;
    std::string_view consumer_mail_domain;  // a reserved .example domain
};

const CountryWords& words(Country country);

}  // namespace rapport::app::demo
