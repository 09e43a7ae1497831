#include "app/demo/demo_generator.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <span>
#include <unordered_set>

#include "app/demo/demo_rng.hpp"
#include "domain/customers/tax_id.hpp"

namespace rapport::app::demo {

namespace {

using sv = std::string_view;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// ---- Plan ------------------------------------------------------------------------------

// Buyer kinds: d distributor, r retailer, s reseller (the online shops).
struct CountryPlan {
    Country country;
    int companies;
    sv buyer_kinds;
};

constexpr std::array<CountryPlan, 6> kPlans = {{
    {Country::It, 120, "dddrrrrss"},
    {Country::Es, 75, "ddrrs"},
    {Country::Pt, 60, "drrs"},
    {Country::Gb, 20, "dr"},
    {Country::Ie, 10, ""},
    {Country::Us, 15, ""},
}};

constexpr int plan_companies() {
    int n = 0;
    for (const auto& p : kPlans) n += p.companies;
    return n;
}
constexpr int plan_buyers() {
    int n = 0;
    for (const auto& p : kPlans) n += static_cast<int>(p.buyer_kinds.size());
    return n;
}
static_assert(plan_companies() == kDemoCompanies);
static_assert(plan_buyers() == kDemoBuyers);

constexpr std::array<sv, 5> kSizes = {"1-10", "11-50", "51-200", "201-1000", "1000+"};
constexpr std::array<int, 5> kSizeWeights = {30, 35, 20, 10, 5};
// How many contacts a company of each size has, relatively.
constexpr std::array<int, 5> kContactWeights = {2, 4, 7, 10, 12};

// The workspace roasts coffee; its buyers are named for it. {L} a last name, {C} a city.
constexpr std::array<sv, 3> kItDistributors = {"Caffè Centrale Distribuzione", "{L} Distribuzione Bevande",
                                               "Horeca {C} Forniture"};
constexpr std::array<sv, 4> kItRetailers = {"Bar Pasticceria {L}", "Caffetteria {L}", "Bar Tabacchi {L}",
                                            "Drogheria {L}"};
constexpr std::array<sv, 2> kItResellers = {"Espresso a Casa", "Capsule e Cialde {C}"};
constexpr std::array<sv, 2> kEsDistributors = {"Cafés y Distribuciones {L}", "Distribuciones Hosteleras {C}"};
constexpr std::array<sv, 2> kEsRetailers = {"Cafetería {L}", "Pastelería {L}"};
constexpr std::array<sv, 1> kEsResellers = {"La Tienda del Café {C}"};
constexpr std::array<sv, 1> kPtDistributors = {"Distribuidora de Cafés {L}"};
constexpr std::array<sv, 2> kPtRetailers = {"Pastelaria {L}", "Café {L}"};
constexpr std::array<sv, 1> kPtResellers = {"Loja do Café {C}"};
constexpr std::array<sv, 1> kGbDistributors = {"{L} Coffee Wholesale"};
constexpr std::array<sv, 1> kGbRetailers = {"The {C} Coffee House"};
constexpr std::array<sv, 1> kGbResellers = {"Espresso Direct"};

std::span<const sv> buyer_templates(Country country, char kind) {
    switch (country) {
        case Country::It:
            return kind == 'd'   ? std::span<const sv>(kItDistributors)
                   : kind == 'r' ? std::span<const sv>(kItRetailers)
                                 : std::span<const sv>(kItResellers);
        case Country::Es:
            return kind == 'd'   ? std::span<const sv>(kEsDistributors)
                   : kind == 'r' ? std::span<const sv>(kEsRetailers)
                                 : std::span<const sv>(kEsResellers);
        case Country::Pt:
            return kind == 'd'   ? std::span<const sv>(kPtDistributors)
                   : kind == 'r' ? std::span<const sv>(kPtRetailers)
                                 : std::span<const sv>(kPtResellers);
        default:
            return kind == 'd'   ? std::span<const sv>(kGbDistributors)
                   : kind == 'r' ? std::span<const sv>(kGbRetailers)
                                 : std::span<const sv>(kGbResellers);
    }
}

std::string buyer_kind_name(char kind) {
    return kind == 'd' ? "distributor" : kind == 'r' ? "retailer" : "reseller";
}

// ---- Text ------------------------------------------------------------------------------

// ASCII for the Latin-1 letters (UTF-8 C3 80 .. C3 BF), lower case.
constexpr std::array<sv, 64> kFold = {"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
                                      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
                                      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
                                      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

std::string replace_all(std::string text, sv from, sv to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
    return text;
}

std::string zero_pad(int n, std::size_t width) {
    std::string s = std::to_string(n);
    if (s.size() < width) s.insert(0, width - s.size(), '0');
    return s;
}

// ---- Generator -------------------------------------------------------------------------

std::size_t country_index(Country c) {
    return static_cast<std::size_t>(c);
}

struct PersonName {
    std::string first;
    std::string last;
    std::string mail_last;  // the surname used in addresses
    bool female = false;
};

class Generator {
public:
    Generator(std::uint32_t seed, const Staff& staff, std::int64_t now_ms, const Scale& scale)
        : rng_(seed), staff_(staff), now_(now_ms), vat_base_(rng_.below(100'000) * 5), scale_(scale) {}

    DemoCustomers run() {
        make_companies();
        make_contacts();
        make_buyer_consumers();
        make_direct_consumers();
        return std::move(out_);
    }

private:
    // -- helpers

    std::string landline(const CountryWords& w, const City& city) {
        return std::string(w.calling_code) + std::string(city.phone_prefix) + rng_.digits(city.phone_rest);
    }

    std::string mobile(const CountryWords& w, const City& city) {
        if (w.mobile_prefixes.empty()) return landline(w, city);
        return std::string(w.calling_code) + std::string(rng_.pick(w.mobile_prefixes)) + rng_.digits(w.mobile_rest);
    }

    std::string address(const CountryWords& w) {
        const std::string street(rng_.pick(w.streets));
        const std::string number = std::to_string(rng_.between(1, w.country == Country::Us ? 2400 : 180));
        if (w.number_before_street) return number + " " + street;
        if (w.country == Country::It) return street + " " + number;
        return street + ", " + number;
    }

    std::string unique_email(const std::string& local, sv domain) {
        std::string candidate = local + "@" + std::string(domain);
        for (int n = 2; used_emails_.count(candidate) != 0; ++n) {
            candidate = local + std::to_string(n) + "@" + std::string(domain);
        }
        used_emails_.insert(candidate);
        return candidate;
    }

    std::string unique_domain(const std::string& label) {
        std::string domain = label + ".example";
        for (int n = 2; used_domains_.count(domain) != 0; ++n) domain = label + std::to_string(n) + ".example";
        used_domains_.insert(domain);
        return domain;
    }

    PersonName person_name(const CountryWords& w) {
        PersonName n;
        n.female = rng_.chance(0.5);
        n.first = std::string(rng_.pick(n.female ? w.female_names : w.male_names));
        const std::string s1(rng_.pick(w.last_names));
        n.last = s1;
        n.mail_last = s1;
        // Spaniards carry two surnames (the first is the one used day to day); many
        // Portuguese do too (the last is the one used).
        if ((w.country == Country::Es && rng_.chance(0.7)) || (w.country == Country::Pt && rng_.chance(0.5))) {
            std::string s2(rng_.pick(w.last_names));
            if (s2 != s1) {
                n.last = s1 + " " + s2;
                if (w.country == Country::Pt) n.mail_last = s2;
            }
        }
        return n;
    }

    std::optional<Id> pick_owner(const Portfolio& p, double unowned) {
        if (p.owners.empty() || rng_.chance(unowned)) return std::nullopt;
        return rng_.pick(std::span<const Id>(p.owners));
    }

    std::string birthday() {
        static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const int year = rng_.between(1950, 2006);
        const int month = rng_.between(1, 12);
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const int days = kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
        const int day = rng_.between(1, days);
        return zero_pad(year, 4) + "-" + zero_pad(month, 2) + "-" + zero_pad(day, 2);
    }

    // -- companies

    struct Slot {
        Country country;
        char buyer_kind;  // 0 when not a buyer
    };

    std::string legal_form(const CountryWords& w, std::size_t size, char buyer_kind) {
        const bool large = size >= 3;
        switch (w.country) {
            case Country::It:
                if (buyer_kind == 'r') return " S.n.c.";
                if (large) return " S.p.A.";
                if (buyer_kind != 0) return " S.r.l.";
                {
                    static constexpr std::array<int, 3> kWeights = {80, 10, 10};
                    static constexpr std::array<sv, 3> kForms = {" S.r.l.", " S.n.c.", " S.a.s."};
                    return std::string(kForms[rng_.weighted(kWeights)]);
                }
            case Country::Es: return large && buyer_kind == 0 ? " S.A." : " S.L.";
            case Country::Pt: return large && buyer_kind == 0 ? ", S.A." : ", Lda.";
            case Country::Gb: return large ? " PLC" : " Ltd";
            case Country::Ie: return large ? " DAC" : " Ltd";
            case Country::Us: return large ? " Corp." : rng_.chance(0.4) ? " LLC" : " Inc.";
        }
        return "";
    }

    std::string company_core(const CountryWords& w, const Activity& act, const City& city) {
        const std::string l1(rng_.pick(w.last_names));
        std::string l2(rng_.pick(w.last_names));
        if (l2 == l1) l2 = std::string(w.last_names[(rng_.below(w.last_names.size() - 1) + 1) % w.last_names.size()]);
        const std::string a(act.word);
        const std::string c(city.name);
        const std::size_t pattern = rng_.below(10);
        switch (w.country) {
            case Country::It:
                if (pattern < 5) return l1 + " " + a;
                if (pattern < 7) return a + " " + l1;
                if (pattern == 7) return "F.lli " + l1;
                if (pattern == 8) return l1 + " & " + l2;
                return a + " " + c;
            case Country::Es:
                if (pattern < 5) return a + " " + l1;
                if (pattern < 7) return l1 + " " + a;
                if (pattern == 7) return "Hermanos " + l1;
                if (pattern == 8) return l1 + " y " + l2;
                return a + " " + c;
            case Country::Pt:
                if (pattern < 5) return l1 + " " + a;
                if (pattern < 7) return a + " " + l1;
                if (pattern == 7) return l1 + " & Filhos";
                if (pattern == 8) return l1 + " & " + l2;
                return a + " " + c;
            default:
                if (pattern < 6) return l1 + " " + a;
                if (pattern < 8) return l1 + " & " + l2;
                return c + " " + a;
        }
    }

    std::optional<std::string> vat_for(Country country, std::size_t size) {
        const std::uint64_t seed = vat_base_ + vat_counter_++;
        switch (country) {
            case Country::It: return domain::make_partita_iva(seed);
            case Country::Es: return domain::make_spanish_cif(seed, size >= 3 ? 'A' : 'B');
            case Country::Pt: return domain::make_portuguese_nif(seed, 5);
            case Country::Gb:
                if (rng_.chance(0.8)) return domain::make_uk_vat(seed);
                return std::nullopt;
            case Country::Ie:
                if (rng_.chance(0.8)) return domain::make_irish_vat(seed);
                return std::nullopt;
            case Country::Us: return std::nullopt;  // no VAT in the US
        }
        return std::nullopt;
    }

    void make_companies() {
        std::vector<Slot> slots;
        const auto scaled = [&](long long n) { return static_cast<int>(n * scale_.companies / kDemoCompanies); };
        int planned = 0;
        for (const auto& plan : kPlans) planned += scaled(plan.companies);
        for (const auto& plan : kPlans) {
            // Rounding leftovers go to the first (largest) country; none at the demo's scale.
            const int companies = scaled(plan.companies) + (&plan == &kPlans[0] ? scale_.companies - planned : 0);
            const int buyers = std::min(companies, scaled(static_cast<long long>(plan.buyer_kinds.size())));
            for (int b = 0; b < buyers; ++b) {
                slots.push_back(
                    {plan.country, plan.buyer_kinds[static_cast<std::size_t>(b) % plan.buyer_kinds.size()]});
            }
            for (int i = buyers; i < companies; ++i) slots.push_back({plan.country, 0});
        }
        // Mixed order, so that listings by creation show every country.
        rng_.shuffle(slots);

        std::set<std::string> used_names;
        std::array<std::array<int, 3>, 6> buyer_counters{};  // per country, per kind: templates used
        for (const auto& slot : slots) {
            const CountryWords& w = words(slot.country);
            CompanyRow c;
            c.company_id = new_id();
            c.country_code = slot.country;
            c.country = std::string(w.iso2);
            const City& city = rng_.pick(w.cities);
            const Activity& act = rng_.pick(w.activities);

            std::size_t size = rng_.weighted(kSizeWeights);
            std::string core;
            if (slot.buyer_kind != 0) {
                const int kind_index = slot.buyer_kind == 'd' ? 0 : slot.buyer_kind == 'r' ? 1 : 2;
                int& used = buyer_counters[country_index(slot.country)][static_cast<std::size_t>(kind_index)];
                const auto templates = buyer_templates(slot.country, slot.buyer_kind);
                const std::string tmpl(templates[static_cast<std::size_t>(used++) % templates.size()]);
                core = replace_all(replace_all(tmpl, "{L}", rng_.pick(w.last_names)), "{C}", city.name);
                size = slot.buyer_kind == 'd' ? static_cast<std::size_t>(rng_.between(1, 2))
                                              : static_cast<std::size_t>(rng_.between(0, 1));
                c.buyer_kind = buyer_kind_name(slot.buyer_kind);
                c.industry = slot.buyer_kind == 'd' ? "wholesale" : slot.buyer_kind == 'r' ? "hospitality" : "retail";
            } else {
                core = company_core(w, act, city);
                c.industry = std::string(act.industry);
            }
            std::string legal = core + legal_form(w, size, slot.buyer_kind);
            const std::string in_town = " " + std::string(city.name);
            std::string in_town_core;  // set once the name has its town
            for (int attempt = 0, number = 2; used_names.count(legal) != 0; ++attempt) {
                // Names repeat: draw another, and in the end tell them apart as companies do, by
                // town, and (in the large benchmark data sets) then by number.
                if (slot.buyer_kind == 0 && attempt < 5) {
                    core = company_core(w, act, city);
                } else if (in_town_core.empty()) {
                    core += in_town;
                    in_town_core = core;
                } else {
                    core = in_town_core + " " + std::to_string(number++);
                }
                legal = core + legal_form(w, size, slot.buyer_kind);
            }
            used_names.insert(legal);
            c.legal_name = legal;
            if (slot.buyer_kind != 0 || rng_.chance(0.4)) c.trade_name = core;
            c.size = std::string(kSizes[size]);
            c.market = slot.buyer_kind == 0 && size == 0 && rng_.chance(0.35) ? "b2c" : "b2b";

            c.domain = unique_domain(ascii_key(core));
            c.vat_id = vat_for(slot.country, size);
            if (slot.country == Country::It) {
                // Certified email (PEC) boxes are named for the company at the provider's domain.
                const std::string label = c.domain.substr(0, c.domain.find('.'));
                c.pec = label + (rng_.chance(0.5) ? "@pec.example" : "@legalmail.example");
            }
            static constexpr std::array<sv, 6> kMailbox = {"info", "info", "geral", "info", "info", "hello"};
            std::string mailbox(kMailbox[country_index(slot.country)]);
            if (slot.country == Country::Es && rng_.chance(0.5)) mailbox = "contacto";
            if (rng_.chance(0.9)) c.email = mailbox + "@" + c.domain;
            c.phone = landline(w, city);
            if (rng_.chance(0.85)) c.website = "https://www." + c.domain;
            c.address_line = address(w);
            c.postal_code = std::string(city.postal_code);
            c.city = std::string(city.name);
            c.region = std::string(city.region);

            const Portfolio& p = staff_.by_country[country_index(slot.country)];
            c.owner_user_id = pick_owner(p, 0.04);  // a few unassigned: gaps in portfolio coverage
            c.team_id = p.team_id;
            c.created_at = now_ - rng_.between64(30 * kDayMs, 1100 * kDayMs);
            c.updated_at = c.created_at + rng_.between64(0, now_ - c.created_at);
            out_.companies.push_back(std::move(c));
        }
        for (std::size_t i = 0; i < out_.companies.size(); ++i) {
            by_country_[country_index(out_.companies[i].country_code)].push_back(i);
        }
    }

    // Splits `total` in proportion to `weights`, every share at least 1.
    static std::vector<int> apportion(const std::vector<int>& weights, int total) {
        long long sum = 0;
        for (int w : weights) sum += w;
        std::vector<int> shares(weights.size());
        int given = 0;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            shares[i] = std::max(1, static_cast<int>(static_cast<long long>(total) * weights[i] / sum));
            given += shares[i];
        }
        for (std::size_t i = 0; given < total; i = (i + 1) % shares.size(), ++given) ++shares[i];
        for (std::size_t i = 0; given > total; i = (i + 1) % shares.size()) {
            if (shares[i] > 1) {
                --shares[i];
                --given;
            }
        }
        return shares;
    }

    // -- people

    PersonRow person(const CountryWords& w, const PersonName& n, const City& city, sv kind) {
        PersonRow p;
        p.person_id = new_id();
        p.first_name = n.first;
        p.last_name = n.last;
        p.language = std::string(w.language);
        p.city = std::string(city.name);
        p.country = std::string(w.iso2);
        p.kind = std::string(kind);
        return p;
    }

    void make_contacts() {
        std::vector<int> weights;
        for (const auto& c : out_.companies) {
            std::size_t size = 0;
            while (kSizes[size] != c.size) ++size;
            weights.push_back(kContactWeights[size]);
        }
        const auto shares = apportion(weights, contacts());
        for (std::size_t ci = 0; ci < out_.companies.size(); ++ci) {
            const CompanyRow& company = out_.companies[ci];
            const CountryWords& w = words(company.country_code);
            for (int k = 0; k < shares[ci]; ++k) {
                const PersonName n = person_name(w);
                const City* city = nullptr;
                for (const auto& candidate : w.cities) {
                    if (candidate.name == company.city) city = &candidate;
                }
                if (city == nullptr || rng_.chance(0.3)) city = &rng_.pick(w.cities);
                PersonRow p = person(w, n, *city, "b2b_contact");
                p.email = unique_email(ascii_key(n.first) + "." + ascii_key(n.mail_last), company.domain);
                if (rng_.chance(0.8)) p.phone = mobile(w, *city);
                p.owner_user_id = company.owner_user_id;
                p.team_id = company.team_id;
                p.created_at = std::min(now_, company.created_at + rng_.between64(0, 90 * kDayMs));
                p.updated_at = p.created_at + rng_.between64(0, now_ - p.created_at);

                const Title& title = rng_.pick(w.job_titles);
                out_.affiliations.push_back(
                    {p.person_id, company.company_id, std::string(n.female ? title.female : title.male), true});
                if (rng_.chance(0.1)) {
                    // An adviser or board member of a second company, in the same country.
                    const auto& peers = by_country_[country_index(company.country_code)];
                    const std::size_t other = peers[rng_.below(peers.size())];
                    if (other != ci) {
                        const Title& side = rng_.pick(w.side_titles);
                        out_.affiliations.push_back({p.person_id, out_.companies[other].company_id,
                                                     std::string(n.female ? side.female : side.male), false});
                    }
                }
                out_.people.push_back(std::move(p));
            }
        }
    }

    PersonRow consumer(const CountryWords& w, const City& city) {
        const PersonName n = person_name(w);
        PersonRow p = person(w, n, city, "b2c_consumer");
        p.birthday = birthday();
        std::string local = ascii_key(n.first) + "." + ascii_key(n.mail_last);
        if (rng_.chance(0.5)) local += p.birthday->substr(2, 2);  // mario.rossi87
        if (rng_.chance(0.93)) p.email = unique_email(local, w.consumer_mail_domain);
        if (rng_.chance(0.65)) p.phone = mobile(w, city);
        p.created_at = now_ - rng_.between64(1 * kDayMs, 900 * kDayMs);
        p.updated_at = p.created_at + rng_.between64(0, now_ - p.created_at);
        return p;
    }

    void make_buyer_consumers() {
        std::vector<std::size_t> buyers;
        std::vector<int> weights;
        for (std::size_t i = 0; i < out_.companies.size(); ++i) {
            const auto& kind = out_.companies[i].buyer_kind;
            if (!kind) continue;
            buyers.push_back(i);
            // Shops and online resellers know many consumers; distributors a few (loyalty cards).
            weights.push_back(*kind == "reseller" ? 4 : *kind == "retailer" ? 3 : 1);
        }
        const auto shares = apportion(weights, buyer_consumers());
        for (std::size_t b = 0; b < buyers.size(); ++b) {
            const CompanyRow& buyer = out_.companies[buyers[b]];
            const CountryWords& w = words(buyer.country_code);
            for (int k = 0; k < shares[b]; ++k) {
                const City* city = &rng_.pick(w.cities);
                for (const auto& candidate : w.cities) {
                    if (candidate.name == buyer.city && rng_.chance(0.6)) city = &candidate;
                }
                PersonRow p = consumer(w, *city);
                p.buyer_company_id = buyer.company_id;
                p.owner_user_id = buyer.owner_user_id;
                p.team_id = buyer.team_id;
                out_.people.push_back(std::move(p));
            }
        }
    }

    void make_direct_consumers() {
        static constexpr std::array<int, 6> kCountryWeights = {45, 20, 15, 10, 5, 5};
        const int direct = scale_.people - contacts() - buyer_consumers();
        for (int k = 0; k < direct; ++k) {
            const auto country = static_cast<Country>(rng_.weighted(kCountryWeights));
            const CountryWords& w = words(country);
            PersonRow p = consumer(w, rng_.pick(w.cities));
            p.owner_user_id = pick_owner(staff_.consumers, 0.5);
            p.team_id = staff_.consumers.team_id;
            out_.people.push_back(std::move(p));
        }
    }

    // The demo's people are 1800 contacts, 800 buyers' consumers and 400 direct consumers.
    int contacts() const { return static_cast<int>(static_cast<long long>(scale_.people) * 18 / 30); }
    int buyer_consumers() const { return static_cast<int>(static_cast<long long>(scale_.people) * 8 / 30); }

    Rng rng_;
    const Staff& staff_;
    std::int64_t now_;
    std::uint64_t vat_base_;
    std::uint64_t vat_counter_ = 0;
    Scale scale_;
    std::unordered_set<std::string> used_emails_;
    std::unordered_set<std::string> used_domains_;
    std::array<std::vector<std::size_t>, 6> by_country_;
    DemoCustomers out_;
};

}  // namespace

std::string ascii_key(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto u = static_cast<unsigned char>(utf8[i]);
        if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z')) {
            out.push_back(static_cast<char>(u));
        } else if (u >= 'A' && u <= 'Z') {
            out.push_back(static_cast<char>(u - 'A' + 'a'));
        } else if (u == 0xC3 && i + 1 < utf8.size()) {
            const auto next = static_cast<unsigned char>(utf8[i + 1]);
            if (next >= 0x80 && next <= 0xBF) out += kFold[next - 0x80];
            ++i;
        }
        // Anything else (spaces, apostrophes, '&', other scripts' bytes) is left out.
    }
    return out;
}

DemoCustomers generate_customers(std::uint32_t seed, const Staff& staff, std::int64_t now_ms, const Scale& scale) {
    return Generator(seed, staff, now_ms, scale).run();
}

}  // namespace rapport::app::demo
