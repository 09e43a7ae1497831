// The vocabulary of name words that typo-tolerant search looks typos up in (SQLite migration
// 0013, PostgreSQL 0017), on every engine: new and renamed records add their words, an
// erasure takes away the words of the old name that no other record still has, and each
// workspace keeps its own words.
#include "storage/customers_backend.hpp"
#include "storage/privacy/sql_privacy_repository.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;
using namespace rapport::domain::customers;

class SearchTermsTest : public CustomersBackendTest {
protected:
    void SetUp() override {
        CustomersBackendTest::SetUp();
        if (HasFatalFailure()) return;
        privacy_repo_ = std::make_unique<SqlPrivacyRepository>(db(), no_other_erasure_);
    }
    Id create(const Principal& actor, EntityType type, nlohmann::json fields) {
        CustomerInput in;
        in.fields = std::move(fields);
        auto made = customers_->create(actor, type, in, CustomerService::default_source(actor));
        EXPECT_TRUE(made) << (made ? "" : made.error().detail);
        return made ? made->id : 0;
    }
    void rename(const Principal& actor, Id person, const std::string& last_name) {
        CustomerInput in;
        in.fields = {{"last_name", last_name}};
        auto changed =
            customers_->update(actor, EntityType::Person, person, in, CustomerService::default_source(actor));
        ASSERT_TRUE(changed) << changed.error().detail;
    }
    void erase(const Principal& actor, Id person) {
        AuditEntry audit;
        audit.workspace_id = actor.workspace_id;
        audit.audit_id = new_id();
        audit.occurred_at = clock_.now_ms();
        audit.action = "person.erased";
        audit.target_type = "person";
        audit.target_id = id_to_string(person);
        auto st = privacy_repo_->erase_person(actor.workspace_id, person, {}, {}, clock_.now_ms(), audit);
        ASSERT_TRUE(st) << st.error().detail;
    }
    std::vector<std::string> terms(const Principal& actor) {
        auto rs = read(db(), [&](Connection& c) {
            return c.query("SELECT term FROM search_terms WHERE workspace_id = $1 ORDER BY term", {actor.workspace_id});
        });
        EXPECT_TRUE(rs) << (rs ? "" : rs.error().detail);
        std::vector<std::string> out;
        if (rs) {
            for (const auto& row : rs->rows) out.push_back(as_text(row[0]));
        }
        return out;
    }

    PersonErasureSteps no_other_erasure_;
    std::unique_ptr<SqlPrivacyRepository> privacy_repo_;
};

TEST_P(SearchTermsTest, NewAndRenamedRecordsAddTheirNameWordsPerWorkspace) {
    create(acme_, EntityType::Person, {{"first_name", "Noelia"}, {"last_name", "González Ruiz"}});
    create(acme_, EntityType::Company, {{"legal_name", "Torrefazione Aurora S.r.l."}, {"country", "IT"}});
    // Words under three letters are left out.
    const Id ana = create(acme_, EntityType::Person, {{"first_name", "Ana"}, {"last_name", "Li"}});
    create(globex_, EntityType::Person, {{"first_name", "Marta"}, {"last_name", "Pérez"}});
    EXPECT_EQ(terms(acme_),
              (std::vector<std::string>{"ana", "aurora", "gonzález", "noelia", "ruiz", "s.r.l.", "torrefazione"}));
    EXPECT_EQ(terms(globex_), (std::vector<std::string>{"marta", "pérez"}));
    rename(acme_, ana, "Lombardi");
    EXPECT_EQ(terms(acme_), (std::vector<std::string>{"ana", "aurora", "gonzález", "lombardi", "noelia", "ruiz",
                                                      "s.r.l.", "torrefazione"}));
}

TEST_P(SearchTermsTest, AnErasureTakesAwayTheWordsNoOtherRecordHas) {
    const Id noelia = create(acme_, EntityType::Person, {{"first_name", "Noelia"}, {"last_name", "González"}});
    create(acme_, EntityType::Person, {{"first_name", "Ana"}, {"last_name", "González"}});
    create(globex_, EntityType::Person, {{"first_name", "Noelia"}, {"last_name", "Pérez"}});
    erase(acme_, noelia);
    // "gonzález" is still Ana's; "noelia" was only the erased person's in this workspace, and
    // the anonymised name ("Erased person") adds no words.
    EXPECT_EQ(terms(acme_), (std::vector<std::string>{"ana", "gonzález"}));
    EXPECT_EQ(terms(globex_), (std::vector<std::string>{"noelia", "pérez"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchTermsTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
