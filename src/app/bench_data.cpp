#include "app/bench_data.hpp"

#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <random>
#include <set>

#include "app/demo/demo_data.hpp"
#include "app/demo/demo_generator.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/identity/workspace_bootstrap.hpp"
#include "storage/batch_sql.hpp"
#include "storage/customers/sql_customer_repository.hpp"
#include "storage/transaction.hpp"

namespace rapport::app {

namespace {

using namespace domain::customers;
using demo::CompanyRow;
using demo::PersonRow;

// The customer repository as it is, except that the reference checks validation makes for
// every record (does this owner, team, buyer exist?) are remembered once they have said yes:
// a million records refer to a few dozen users and teams and a few thousand buyers.
class RememberingRepository final : public CustomerRepository {
public:
    explicit RememberingRepository(CustomerRepository& inner) : inner_(inner) {}

    Status insert(const RecordWrite& w) override { return inner_.insert(w); }
    Status update(const RecordWrite& w) override { return inner_.update(w); }
    Result<std::optional<CustomerRecord>> find(Id ws, EntityType t, Id id) override { return inner_.find(ws, t, id); }
    Result<std::vector<CustomerRecord>> find_by_field(Id ws, EntityType t, const std::string& field,
                                                      const std::vector<std::string>& values) override {
        return inner_.find_by_field(ws, t, field, values);
    }
    Status remove(Id ws, EntityType t, Id id, const domain::AuditEntry& audit) override {
        return inner_.remove(ws, t, id, audit);
    }
    Result<domain::Page<CustomerRecord>> list(Id ws, EntityType t, const ListQuery& q) override {
        return inner_.list(ws, t, q);
    }
    Result<std::int64_t> count(Id ws, EntityType t, const ListQuery& q) override { return inner_.count(ws, t, q); }
    Result<std::optional<SortCursor>> scan(Id ws, EntityType t, const ListQuery& q,
                                           const std::function<void(const CustomerRecord&)>& on_record) override {
        return inner_.scan(ws, t, q, on_record);
    }
    Result<std::vector<FieldProvenance>> provenance(Id ws, EntityType t, Id id) override {
        return inner_.provenance(ws, t, id);
    }
    Result<domain::Page<HistoryEntry>> history(Id ws, EntityType t, Id id, const domain::PageRequest& p) override {
        return inner_.history(ws, t, id, p);
    }
    Result<std::vector<CustomFieldDef>> custom_fields(Id ws, EntityType t) override {
        return inner_.custom_fields(ws, t);
    }
    Status create_custom_field(const CustomFieldDef& d, const domain::AuditEntry& audit) override {
        return inner_.create_custom_field(d, audit);
    }
    Status delete_custom_field(Id ws, EntityType t, const std::string& key, const domain::AuditEntry& audit) override {
        return inner_.delete_custom_field(ws, t, key, audit);
    }
    Result<bool> user_exists(Id ws, Id id) override { return remembered(0, ws, id, &CustomerRepository::user_exists); }
    Result<bool> team_exists(Id ws, Id id) override { return remembered(1, ws, id, &CustomerRepository::team_exists); }
    Result<bool> buyer_exists(Id ws, Id id) override {
        return remembered(2, ws, id, &CustomerRepository::buyer_exists);
    }
    Result<std::vector<Affiliation>> affiliations(Id ws, Id person) override { return inner_.affiliations(ws, person); }
    Status set_affiliations(const RecordWrite& w, const std::vector<Affiliation>& list) override {
        return inner_.set_affiliations(w, list);
    }
    Result<domain::Page<RelatedPerson>> related_people(Id ws, Id company, bool consumers,
                                                       const domain::PageRequest& p) override {
        return inner_.related_people(ws, company, consumers, p);
    }
    Result<std::optional<Id>> merged_into(Id ws, EntityType t, Id id) override { return inner_.merged_into(ws, t, id); }

private:
    Result<bool> remembered(int kind, Id ws, Id id, Result<bool> (CustomerRepository::*check)(Id, Id)) {
        const auto key = std::make_tuple(kind, ws, id);
        if (yes_.count(key) != 0) return true;
        const bool exists = RAPPORT_TRY((inner_.*check)(ws, id));
        if (exists) yes_.insert(key);
        return exists;
    }

    CustomerRepository& inner_;
    std::set<std::tuple<int, Id, Id>> yes_;
};

// Tags, drawn independently with these chances.
struct TagChance {
    const char* tag;
    double chance;
};
constexpr TagChance kCompanyTags[] = {{"key-account", 0.05},
                                      {"prospect", 0.2},
                                      {"espresso-machines", 0.3},
                                      {"fair-trade", 0.1},
                                      {"christmas-2024", 0.15}};
constexpr TagChance kContactTags[] = {
    {"decision-maker", 0.2}, {"newsletter", 0.3}, {"trade-fair-2024", 0.1}, {"vip", 0.03}, {"tasting-event", 0.08}};
constexpr TagChance kConsumerTags[] = {{"newsletter", 0.4},    {"loyalty-card", 0.25}, {"espresso-machine", 0.15},
                                       {"decaf", 0.05},        {"vip", 0.02},          {"subscription", 0.1},
                                       {"tasting-event", 0.04}};

template <std::size_t N>
std::vector<std::string> draw_tags(std::mt19937& rng, const TagChance (&chances)[N]) {
    std::vector<std::string> tags;
    for (const auto& c : chances) {
        if (static_cast<double>(rng()) < c.chance * 4294967296.0) tags.emplace_back(c.tag);
    }
    return tags;
}

void put(nlohmann::json& fields, const char* name, const std::optional<std::string>& value) {
    if (value) fields[name] = *value;
}

CustomerInput company_input(const CompanyRow& c, std::mt19937& rng) {
    CustomerInput in;
    auto& f = in.fields;
    f["legal_name"] = c.legal_name;
    put(f, "trade_name", c.trade_name);
    f["country"] = c.country;
    put(f, "vat_id", c.vat_id);
    put(f, "pec", c.pec);
    put(f, "email", c.email);
    put(f, "phone", c.phone);
    put(f, "website", c.website);
    f["industry"] = c.industry;
    f["size"] = c.size;
    f["market"] = c.market;
    f["address_line"] = c.address_line;
    f["postal_code"] = c.postal_code;
    f["city"] = c.city;
    f["region"] = c.region;
    put(f, "buyer_kind", c.buyer_kind);
    in.tags = draw_tags(rng, kCompanyTags);
    in.owner_user_id = c.owner_user_id;
    in.team_id = c.team_id;
    return in;
}

CustomerInput person_input(const PersonRow& p, std::mt19937& rng) {
    CustomerInput in;
    auto& f = in.fields;
    f["first_name"] = p.first_name;
    f["last_name"] = p.last_name;
    put(f, "email", p.email);
    put(f, "phone", p.phone);
    f["language"] = p.language;
    put(f, "birthday", p.birthday);
    f["city"] = p.city;
    f["country"] = p.country;
    f["kind"] = p.kind;
    if (p.buyer_company_id) f["buyer_company_id"] = id_to_string(*p.buyer_company_id);
    in.tags = p.kind == "b2c_consumer" ? draw_tags(rng, kConsumerTags) : draw_tags(rng, kContactTags);
    in.owner_user_id = p.owner_user_id;
    in.team_id = p.team_id;
    return in;
}

Id row_id(const CompanyRow& c) {
    return c.company_id;
}
Id row_id(const PersonRow& p) {
    return p.person_id;
}

// One transaction's worth of records, validated and ready to write.
struct Batch {
    std::vector<RecordWrite> writes;
    std::vector<storage::Params> affiliations;
    std::int64_t tags = 0;
    std::int64_t dropped_fields = 0;  // records written without a generated value that failed validation
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string rate_line(const char* what, std::int64_t done, std::int64_t total, double seconds) {
    char line[160];
    std::snprintf(line, sizeof line, "%s: %lld / %lld in %.1f s (%.0f records/s)", what, static_cast<long long>(done),
                  static_cast<long long>(total), seconds, seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
    return line;
}

}  // namespace

Result<BenchDataReport> load_bench_data(Services& services, const BenchDataOptions& options,
                                        const std::function<void(const std::string&)>& progress) {
    if (options.companies < 1 || options.people < 0 || options.batch < 1) {
        return fail(Error::field("--companies", "companies ≥ 1, people ≥ 0, batch ≥ 1"));
    }
    auto boot = RAPPORT_TRY(services.get<domain::WorkspaceBootstrap>().bootstrap(
        options.workspace, options.owner_email, options.owner_password, "Bench Owner"));
    const Id ws = boot.workspace.workspace_id;
    const demo::Staff staff = RAPPORT_TRY(demo::create_staff(services, ws));

    domain::Principal owner;
    owner.method = domain::Principal::Method::Session;
    owner.workspace_id = ws;
    owner.user_id = boot.owner.user_id;
    owner.role = domain::Role::Owner;
    owner.label = boot.owner.email;
    const Source source{SourceKind::Import, "import:bench-data.csv", DataKind::FirstParty};

    BenchDataReport report;
    report.workspace_slug = boot.workspace.slug;

    auto start = std::chrono::steady_clock::now();
    const demo::DemoCustomers data =
        demo::generate_customers(options.seed, staff, services.clock().now_ms(), {options.companies, options.people});
    report.generate_seconds = seconds_since(start);
    progress(rate_line("generated", static_cast<std::int64_t>(data.companies.size() + data.people.size()),
                       static_cast<std::int64_t>(data.companies.size() + data.people.size()), report.generate_seconds));

    RememberingRepository repo(services.get<domain::customers::CustomerRepository>());
    CustomerService customers(repo, services.get<domain::ActorDirectory>(), services.clock());
    std::mt19937 tag_rng(options.seed);
    const auto batch_size = static_cast<std::size_t>(options.batch);

    // Validates records [at, at + batch) of `rows` into a Batch; `input_of` turns a row into
    // what the API would receive, `finish` adds what the row brings besides (affiliations).
    const auto prepare = [&](EntityType type, const auto& rows, std::size_t at, const auto& input_of,
                             const auto& finish) -> Result<Batch> {
        const WriteContext context = RAPPORT_TRY(customers.write_context(owner, type));
        Batch batch;
        const std::size_t end = std::min(rows.size(), at + batch_size);
        batch.writes.reserve(end - at);
        for (std::size_t i = at; i < end; ++i) {
            const auto& row = rows[i];
            CustomerInput input = input_of(row);
            auto prepared = customers.prepare_create(owner, context, type, input, source);
            if (!prepared && prepared.error().code == ErrorCode::Validation) {
                // A few generated values are wrong (random phone digits the country does not
                // use): leave those fields out, as a person fixing an import's rejects would.
                for (const auto& e : prepared.error().fields) {
                    if (e.pointer.starts_with("/fields/")) input.fields.erase(e.pointer.substr(8));
                }
                ++batch.dropped_fields;
                prepared = customers.prepare_create(owner, context, type, input, source);
            }
            if (!prepared) return fail(std::move(prepared).error());
            RecordWrite w = std::move(*prepared);
            // The generator's ids (affiliations and buyers refer to them) and its spread of
            // creation times over the last three years, as if entered over time.
            w.record.id = row_id(row);
            w.record.created_at = w.record.updated_at = w.at = row.created_at;
            batch.tags += static_cast<std::int64_t>(w.record.tags.size());
            finish(row, batch);
            batch.writes.push_back(std::move(w));
        }
        return batch;
    };

    // Writes batches while the next one is being validated on another thread: one core
    // writes (SQLite has one writer), the other prepares.
    const auto load = [&](EntityType type, const auto& rows, const auto& input_of, const auto& finish, const char* what,
                          double& seconds) -> Status {
        const auto t0 = std::chrono::steady_clock::now();
        std::int64_t done = 0, next_report = 100'000;
        const auto prepare_from = [&](std::size_t at) {
            return std::async(std::launch::async, [&, at] { return prepare(type, rows, at, input_of, finish); });
        };
        auto pending = prepare_from(0);
        for (std::size_t at = 0; at < rows.size(); at += batch_size) {
            Batch batch = RAPPORT_TRY(pending.get());
            if (at + batch_size < rows.size()) {
                pending = prepare_from(at + batch_size);
            }
            const auto write = [&](storage::Connection& c) -> Status {
                RAPPORT_CHECK(storage::write_records(c, batch.writes, {}));
                return storage::insert_rows(
                    c, "INSERT INTO affiliations (workspace_id, person_id, company_id, job_title, is_primary)", 5, "",
                    batch.affiliations);
            };
            RAPPORT_CHECK(storage::write_transaction(services.database(), write));
            done += static_cast<std::int64_t>(batch.writes.size());
            report.tags += batch.tags;
            report.records_with_dropped_fields += batch.dropped_fields;
            report.affiliations += static_cast<std::int64_t>(batch.affiliations.size());
            if (done >= next_report || done == static_cast<std::int64_t>(rows.size())) {
                progress(rate_line(what, done, static_cast<std::int64_t>(rows.size()), seconds_since(t0)));
                next_report += 100'000;
            }
        }
        seconds = seconds_since(t0);
        return {};
    };

    const auto no_extras = [](const auto&, Batch&) {};
    RAPPORT_CHECK(load(
        EntityType::Company, data.companies, [&](const CompanyRow& c) { return company_input(c, tag_rng); }, no_extras,
        "companies", report.company_seconds));
    report.companies = static_cast<std::int64_t>(data.companies.size());

    // A contact's affiliations (one primary, sometimes a second company) go in with the contact.
    std::map<Id, std::vector<const demo::AffiliationRow*>> affiliations_of;
    for (const auto& a : data.affiliations) affiliations_of[a.person_id].push_back(&a);
    const auto with_affiliations = [&](const PersonRow& p, Batch& batch) {
        const auto it = affiliations_of.find(p.person_id);
        if (it == affiliations_of.end()) return;
        for (const auto* a : it->second) {
            batch.affiliations.push_back({ws, a->person_id, a->company_id, a->job_title, a->is_primary});
        }
    };
    RAPPORT_CHECK(load(
        EntityType::Person, data.people, [&](const PersonRow& p) { return person_input(p, tag_rng); },
        with_affiliations, "people", report.people_seconds));
    report.people = static_cast<std::int64_t>(data.people.size());
    return report;
}

}  // namespace rapport::app
