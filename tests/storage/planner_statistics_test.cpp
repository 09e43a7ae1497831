// The planner's statistics follow a workspace grown from empty the way users grow it. A
// database migrated while empty has the statistics of an empty database; people and their
// company contacts are then added one by one through the duplicate-checked create and the
// customer service, as the API does. Before the refresh, SQLite plans two statements of every
// create as scans: the removal of the new record's stale duplicate pairs reads every open pair
// of the workspace, and the look-up of a company's contacts every affiliation. After
// StatisticsMaintenance::refresh the create path's statements use the indexes meant for them,
// on reader connections opened before the refresh too.
#include <algorithm>

#include "domain/duplicates/duplicate_service.hpp"
#include "storage/customers_backend.hpp"
#include "storage/duplicates/sql_duplicate_repository.hpp"
#include "storage/statistics_maintenance.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;
using namespace rapport::domain::customers;

namespace {

constexpr int kCompanies = 40;
constexpr int kPeople = 1200;
const char* const kCities[] = {"Milano", "Roma", "Torino", "Napoli", "Madrid", "Lisboa", "Porto", "Paris"};
const char* const kLastNames[] = {"Rossi", "Bianchi", "Ferrari", "Russo", "Romano", "Gallo", "Costa", "Garcia"};
const char* const kFirstNames[] = {"Marco", "Giulia", "Luca", "Anna", "Paolo", "Sara", "Jose", "Maria"};

// The shapes of the create path's look-ups (sql_duplicate_repository.cpp, neighbours).
constexpr const char* kByEmail = "SELECT r.person_id FROM people r WHERE r.workspace_id = $1 AND r.email IN ($2)";
constexpr const char* kByPhone = "SELECT r.person_id FROM people r WHERE r.workspace_id = $1 AND r.phone IN ($2)";
constexpr const char* kBlockCount =
    "SELECT COUNT(*) FROM (SELECT 1 FROM people r WHERE r.workspace_id = $1 AND lower(r.city) = lower($2)"
    " AND lower(substr(r.last_name, 1, 3)) = $3 LIMIT 51) AS b";
constexpr const char* kContacts =
    "SELECT r.person_id FROM people r WHERE r.workspace_id = $1 AND r.person_id IN (SELECT x.person_id FROM"
    " affiliations x WHERE x.workspace_id = $1 AND x.company_id IN ($2))";
// record_pairs: the record's open pairs not seen by this check.
constexpr const char* kRemoveUnseen =
    "DELETE FROM duplicate_candidates WHERE workspace_id = $1 AND entity_type = $2 AND status = 'open'"
    " AND seen_round <> $3 AND (record_a IN ($4) OR record_b IN ($4))";

}  // namespace

class PlannerStatisticsTest : public CustomersBackendTest {
protected:
    void SetUp() override {
        CustomersBackendTest::SetUp();
        if (HasFatalFailure()) return;
        duplicate_repo_ = std::make_unique<SqlDuplicateRepository>(db());
        duplicates_ = std::make_unique<duplicates::DuplicateService>(*duplicate_repo_, *customer_repo_, *customers_,
                                                                     identity_->actors, clock_);
    }

    // The plan of `sql` as one string, from a reader (SQLite: a pooled reader connection).
    std::string plan(const std::string& sql, const Params& params) {
        const bool sqlite = db().dialect() == Dialect::Sqlite;
        std::string out;
        auto st = read(db(), [&](Connection& c) -> Status {
            auto rs = RAPPORT_TRY(c.query((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql, params));
            for (const auto& row : rs.rows) out += as_text(row.back()) + "\n";
            return {};
        });
        EXPECT_TRUE(st) << (st ? "" : st.error().detail);
        return out;
    }

    void grow() {
        std::vector<Id> companies;
        for (int i = 0; i < kCompanies; ++i) {
            CustomerInput in;
            in.fields = {{"legal_name", "Impresa " + std::to_string(i) + " S.r.l."}, {"country", "IT"}};
            auto made = customers_->create(acme_, EntityType::Company, in, CustomerService::default_source(acme_));
            ASSERT_TRUE(made) << made.error().detail;
            companies.push_back(made->id);
        }
        for (int i = 0; i < kPeople; ++i) {
            CustomerInput in;
            in.fields = {{"first_name", kFirstNames[i % 8]},
                         {"last_name", kLastNames[(i / 8) % 8]},
                         {"email", "person" + std::to_string(i) + "@example.com"},
                         {"phone", "+39333" + std::to_string(1000000 + i)},
                         {"city", kCities[(i / 64) % 8]}};
            auto made = duplicates_->create_checked(acme_, EntityType::Person, in,
                                                    CustomerService::default_source(acme_), false);
            ASSERT_TRUE(made) << made.error().detail;
            auto linked =
                customers_->set_affiliations(acme_, made->record.id, {{companies[i % kCompanies], "Buyer", true}},
                                             CustomerService::default_source(acme_));
            ASSERT_TRUE(linked) << linked.error().detail;
        }
        company_ = companies.front();
    }

    std::unique_ptr<SqlDuplicateRepository> duplicate_repo_;
    std::unique_ptr<duplicates::DuplicateService> duplicates_;
    Id company_ = 0;
};

TEST_P(PlannerStatisticsTest, CreatePathLookUpsUseTheirIndexesInAWorkspaceGrownFromEmpty) {
    ASSERT_NO_FATAL_FAILURE(grow());
    const Params contacts{acme_.workspace_id, company_};
    const Params pairs{acme_.workspace_id, std::string("person"), std::int64_t{1}, std::int64_t{42}};
    const bool sqlite = db().dialect() == Dialect::Sqlite;
    if (sqlite) {
        // The statistics of the empty database: every affiliation, and every open pair, of the
        // workspace is read.
        EXPECT_EQ(plan(kContacts, contacts).find("affiliations_by_company"), std::string::npos)
            << "the statistics were already current; this test no longer shows the stale plan";
        EXPECT_NE(plan(kRemoveUnseen, pairs).find("duplicate_candidates_queue"), std::string::npos)
            << plan(kRemoveUnseen, pairs);
    }

    StatisticsMaintenance maintenance(db());
    auto refreshed = maintenance.refresh();
    ASSERT_TRUE(refreshed) << refreshed.error().detail;
    // (PostgreSQL's autovacuum may have analysed these small tables during the test already.)
    for (const char* table : {"people", "affiliations", "duplicate_candidates"}) {
        if (!sqlite) break;
        EXPECT_NE(std::find(refreshed->analyzed.begin(), refreshed->analyzed.end(), table), refreshed->analyzed.end())
            << table << " was not analysed";
    }

    EXPECT_NE(plan(kContacts, contacts).find("affiliations_by_company"), std::string::npos)
        << plan(kContacts, contacts);
    EXPECT_NE(plan(kRemoveUnseen, pairs).find("duplicate_candidates_by_b"), std::string::npos)
        << plan(kRemoveUnseen, pairs);
    EXPECT_EQ(plan(kRemoveUnseen, pairs).find("duplicate_candidates_queue"), std::string::npos)
        << plan(kRemoveUnseen, pairs);
    EXPECT_NE(plan(kByEmail, {acme_.workspace_id, std::string("person7@example.com")}).find("people_by_email"),
              std::string::npos)
        << plan(kByEmail, {acme_.workspace_id, std::string("person7@example.com")});
    EXPECT_NE(plan(kByPhone, {acme_.workspace_id, std::string("+393331000007")}).find("people_by_phone"),
              std::string::npos)
        << plan(kByPhone, {acme_.workspace_id, std::string("+393331000007")});
    EXPECT_NE(plan(kBlockCount, {acme_.workspace_id, std::string("Milano"), std::string("ros")})
                  .find("people_by_city_name_initials"),
              std::string::npos)
        << plan(kBlockCount, {acme_.workspace_id, std::string("Milano"), std::string("ros")});

    // Nothing grew since: the next refresh analyses nothing.
    auto again = maintenance.refresh();
    ASSERT_TRUE(again) << again.error().detail;
    EXPECT_TRUE(again->analyzed.empty()) << again->analyzed.front();
}

INSTANTIATE_TEST_SUITE_P(Engines, PlannerStatisticsTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
