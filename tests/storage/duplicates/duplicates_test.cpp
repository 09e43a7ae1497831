// Duplicate detection and merge on every engine: the per-record check and the workspace
// scan fill the same queue, dismissals survive rescans, workspaces never meet, and a merge
// moves timeline, affiliations, consumers, tags, memberships and provenance in one go.
#include "domain/duplicates/duplicate_service.hpp"
#include "storage/audit/sql_audit_repository.hpp"
#include "storage/customers_backend.hpp"
#include "storage/duplicates/sql_duplicate_repository.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage::testing {

using namespace rapport::domain;
using namespace rapport::domain::customers;
using namespace rapport::domain::duplicates;

class DuplicatesTest : public CustomersBackendTest {
protected:
    void SetUp() override {
        CustomersBackendTest::SetUp();
        if (HasFatalFailure()) return;
        duplicate_repo_ = std::make_unique<SqlDuplicateRepository>(db());
        audit_repo_ = std::make_unique<SqlAuditRepository>(db());
        duplicates_ = std::make_unique<DuplicateService>(*duplicate_repo_, *customer_repo_, *customers_,
                                                         identity_->actors, clock_);
    }
    Id create(const Principal& actor, EntityType type, nlohmann::json fields, std::vector<std::string> tags = {}) {
        CustomerInput in;
        in.fields = std::move(fields);
        if (!tags.empty()) in.tags = std::move(tags);
        auto made = duplicates_->create_checked(actor, type, in, CustomerService::default_source(actor), false);
        EXPECT_TRUE(made) << (made ? "" : made.error().detail);
        return made ? made->record.id : 0;
    }
    std::vector<DuplicateCandidate> queue(const Principal& actor, EntityType type,
                                          CandidateStatus status = CandidateStatus::Open) {
        auto page = duplicates_->list(actor, type, status, std::nullopt, 100, std::nullopt);
        EXPECT_TRUE(page) << (page ? "" : page.error().detail);
        return page ? page->items : std::vector<DuplicateCandidate>{};
    }
    void sql(const std::string& statement, const Params& params) {
        auto st = write_transaction(db(), [&](Connection& c) -> Status {
            RAPPORT_CHECK(c.execute(statement, params));
            return {};
        });
        ASSERT_TRUE(st) << st.error().detail;
    }
    std::int64_t count(const std::string& statement, const Params& params) {
        auto rs = read(db(), [&](Connection& c) { return c.query(statement, params); });
        EXPECT_TRUE(rs) << (rs ? "" : rs.error().detail);
        return rs ? as_int(rs->rows.at(0).at(0)) : -1;
    }

    std::unique_ptr<SqlDuplicateRepository> duplicate_repo_;
    std::unique_ptr<SqlAuditRepository> audit_repo_;
    std::unique_ptr<DuplicateService> duplicates_;
};

TEST_P(DuplicatesTest, CreateQueuesPairsByExactAndFuzzyRules) {
    const Id giulia = create(
        acme_, EntityType::Person,
        {{"first_name", "Giulia"}, {"last_name", "Bianchi"}, {"email", "giulia@example.com"}, {"city", "Milano"}});
    const Id same_email = create(acme_, EntityType::Person,
                                 {{"first_name", "G."}, {"last_name", "Verdi"}, {"email", "GIULIA@example.com"}});
    const Id typo =
        create(acme_, EntityType::Person, {{"first_name", "Giulia"}, {"last_name", "Bianchl"}, {"city", "Milano"}});
    create(acme_, EntityType::Person, {{"first_name", "Marco"}, {"last_name", "Ferrari"}, {"city", "Milano"}});
    // The same data in another workspace stays there.
    create(globex_, EntityType::Person,
           {{"first_name", "Giulia"}, {"last_name", "Bianchi"}, {"email", "giulia@example.com"}, {"city", "Milano"}});

    auto open = queue(acme_, EntityType::Person);
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].score, 95);
    EXPECT_EQ(open[0].first.id, giulia);
    EXPECT_EQ(open[0].second.id, same_email);
    EXPECT_EQ(open[0].reasons.at(0).rule, "email");
    EXPECT_EQ(open[0].first.name, "Giulia Bianchi");
    EXPECT_EQ(open[1].second.id, typo);
    EXPECT_EQ(open[1].reasons.at(0).rule, "name_city");
    EXPECT_TRUE(queue(globex_, EntityType::Person).empty());
    // A candidate of another workspace is not found by id.
    auto foreign = duplicates_->get(globex_, open[0].candidate_id);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, ErrorCode::NotFound);
}

TEST_P(DuplicatesTest, ScanFindsWhatChecksFindAndKeepsDismissals) {
    const Id a = create(acme_, EntityType::Company,
                        {{"legal_name", "Rossi Meccanica S.r.l."}, {"country", "IT"}, {"city", "Milano"}});
    const Id b =
        create(acme_, EntityType::Company, {{"legal_name", "ROSSI MECCANICA"}, {"country", "IT"}, {"city", "Milano"}});
    create(acme_, EntityType::Company,
           {{"legal_name", "Alfa S.p.A."}, {"country", "IT"}, {"vat_id", "00743110157"}, {"city", "Roma"}});
    create(acme_, EntityType::Company,
           {{"legal_name", "Beta S.p.A."}, {"country", "IT"}, {"vat_id", "IT00743110157"}, {"city", "Torino"}});
    auto before = queue(acme_, EntityType::Company);
    ASSERT_EQ(before.size(), 2u);
    EXPECT_EQ(before[0].reasons.at(0).rule, "vat_id");

    // Forget the queue and scan: the same pairs, found by blocking.
    sql("DELETE FROM duplicate_candidates WHERE workspace_id = $1", {acme_.workspace_id});
    auto report = duplicates_->scan(acme_, EntityType::Company);
    ASSERT_TRUE(report) << report.error().detail;
    EXPECT_EQ(report->records, 4);
    EXPECT_EQ(report->pairs, 2);
    auto after = queue(acme_, EntityType::Company);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[1].first.id, a);
    EXPECT_EQ(after[1].second.id, b);

    // A dismissal survives a rescan; the pair keeps its id.
    ASSERT_TRUE(duplicates_->dismiss(acme_, after[1].candidate_id, "127.0.0.1"));
    auto again = duplicates_->dismiss(acme_, after[1].candidate_id, "127.0.0.1");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    ASSERT_TRUE(duplicates_->scan(acme_, EntityType::Company));
    EXPECT_EQ(queue(acme_, EntityType::Company).size(), 1u);
    auto dismissed = queue(acme_, EntityType::Company, CandidateStatus::Dismissed);
    ASSERT_EQ(dismissed.size(), 1u);
    EXPECT_EQ(dismissed[0].candidate_id, after[1].candidate_id);
    auto audit = audit_repo_->list(acme_.workspace_id, {std::string("duplicate.dismissed"), std::nullopt}, {});
    ASSERT_TRUE(audit);
    EXPECT_EQ(audit->items.size(), 1u);

    // An update that removes the reason removes the open pair.
    auto alfa = queue(acme_, EntityType::Company).at(0);
    CustomerInput change;
    change.fields = {{"vat_id", nullptr}};
    ASSERT_TRUE(
        customers_->update(acme_, EntityType::Company, alfa.first.id, change, CustomerService::default_source(acme_)));
    auto hits = duplicates_->check(acme_, EntityType::Company, {alfa.first.id});
    ASSERT_TRUE(hits);
    EXPECT_TRUE(hits->empty());
    EXPECT_TRUE(queue(acme_, EntityType::Company).empty());
}

TEST_P(DuplicatesTest, ARescanWritesOnlyWhatChanged) {
    const Id a = create(acme_, EntityType::Company,
                        {{"legal_name", "Verdi Caffè S.r.l."}, {"country", "IT"}, {"city", "Bologna"}});
    const Id b =
        create(acme_, EntityType::Company, {{"legal_name", "VERDI CAFFE"}, {"country", "IT"}, {"city", "Bologna"}});
    const Id c = create(acme_, EntityType::Company, {{"legal_name", "Gamma S.r.l."}, {"country", "IT"}});
    const Id d = create(acme_, EntityType::Company, {{"legal_name", "Delta S.r.l."}, {"country", "IT"}});
    ASSERT_TRUE(duplicates_->scan(acme_, EntityType::Company));
    auto first = queue(acme_, EntityType::Company);
    ASSERT_EQ(first.size(), 1u);
    const auto pair = first[0];
    EXPECT_EQ(pair.first.id, std::min(a, b));

    // Stored pairs that a scan no longer finds, and a stale score of one it finds again.
    sql("UPDATE duplicate_candidates SET score = 61, reasons = '[]', updated_at = 1 WHERE workspace_id = $1"
        " AND candidate_id = $2",
        {acme_.workspace_id, pair.candidate_id});
    const char* insert =
        "INSERT INTO duplicate_candidates (workspace_id, candidate_id, entity_type, record_a, record_b, score, reasons,"
        " status, seen_round, created_at, updated_at) VALUES ($1, $2, 'company', $3, $4, 70, '[]', $5, 1, 1, 1)";
    sql(insert, {acme_.workspace_id, new_id(), std::min(c, d), std::max(c, d), std::string("open")});
    sql(insert, {acme_.workspace_id, new_id(), std::min(a, c), std::max(a, c), std::string("dismissed")});

    auto report = duplicates_->scan(acme_, EntityType::Company);
    ASSERT_TRUE(report) << report.error().detail;
    EXPECT_EQ(report->pairs, 1);
    auto open = queue(acme_, EntityType::Company);
    ASSERT_EQ(open.size(), 1u);                          // the open pair nobody finds any more is gone
    EXPECT_EQ(open[0].candidate_id, pair.candidate_id);  // the found one keeps its id,
    EXPECT_EQ(open[0].score, pair.score);                // and its score and reasons again
    ASSERT_FALSE(open[0].reasons.empty());
    EXPECT_EQ(open[0].reasons[0].rule, "name_city");
    EXPECT_EQ(queue(acme_, EntityType::Company, CandidateStatus::Dismissed).size(), 1u);  // a decision stays
}

TEST_P(DuplicatesTest, ANameCrowdedInACityIsNoEvidenceButAnEmailStillIs) {
    // 501 people named Marco Bonetti in Lecco, each with an email of their own.
    sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 501)"
        " INSERT INTO people (workspace_id, person_id, first_name, last_name, email, city, kind, created_at,"
        " updated_at) SELECT $1, 9000000000 + i, 'Marco', 'Bonetti', 'marco' || i || '@crowd.example', 'Lecco',"
        " 'b2b_contact', 1, 1 FROM n",
        {acme_.workspace_id});
    const Id namesake =
        create(acme_, EntityType::Person, {{"first_name", "Marco"}, {"last_name", "Bonetti"}, {"city", "Lecco"}});
    EXPECT_TRUE(queue(acme_, EntityType::Person).empty());
    const Id same_email =
        create(acme_, EntityType::Person,
               {{"first_name", "M."}, {"last_name", "Bonetti"}, {"city", "Lecco"}, {"email", "marco7@crowd.example"}});
    auto open = queue(acme_, EntityType::Person);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].first.id, Id{9000000007});
    EXPECT_EQ(open[0].second.id, same_email);
    EXPECT_EQ(open[0].reasons.at(0).rule, "email");
    EXPECT_NE(open[0].second.id, namesake);
}

TEST_P(DuplicatesTest, ABigBlockIsNarrowedToTheFirstInitialAndTheScanCoversTheRest) {
    // 60 people in Lecco whose last name begins with "bon": more than kWholeBlock.
    sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
        " INSERT INTO people (workspace_id, person_id, first_name, last_name, city, kind, created_at,"
        " updated_at) SELECT $1, 9100000000 + i, 'Zeno', 'Bonomi', 'Lecco', 'b2b_contact', 1, 1 FROM n",
        {acme_.workspace_id});
    const Id first =
        create(acme_, EntityType::Person, {{"first_name", "Cristina"}, {"last_name", "Bonetti"}, {"city", "Lecco"}});
    EXPECT_TRUE(queue(acme_, EntityType::Person).empty());
    // The same initial: read and paired.
    const Id second =
        create(acme_, EntityType::Person, {{"first_name", "Cristina"}, {"last_name", "Bonetti"}, {"city", "Lecco"}});
    auto open = queue(acme_, EntityType::Person);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].first.id, std::min(first, second));
    EXPECT_EQ(open[0].second.id, std::max(first, second));
    // Another initial: not read by the check of a create, found by the workspace scan.
    const Id third =
        create(acme_, EntityType::Person, {{"first_name", "Kristina"}, {"last_name", "Bonetti"}, {"city", "Lecco"}});
    EXPECT_EQ(queue(acme_, EntityType::Person).size(), 1u);
    ASSERT_TRUE(duplicates_->scan(acme_, EntityType::Person));
    open = queue(acme_, EntityType::Person);
    EXPECT_EQ(open.size(), 3u);
    EXPECT_TRUE(std::any_of(open.begin(), open.end(), [&](const auto& c) { return c.second.id == third; }));
}

TEST_P(DuplicatesTest, ABatchReadsTheNarrowedBlockOfEachOfItsInitials) {
    // A big block (Lecco, "bon"), and in it two pairs of namesakes with other initials. An
    // import batch holds one of each pair: both pairs are found.
    sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
        " INSERT INTO people (workspace_id, person_id, first_name, last_name, city, kind, created_at,"
        " updated_at) SELECT $1, 9200000000 + i, 'Zeno', 'Bonomi', 'Lecco', 'b2b_contact', 1, 1 FROM n",
        {acme_.workspace_id});
    const auto person = [&](Id id, const std::string& first) {
        sql("INSERT INTO people (workspace_id, person_id, first_name, last_name, city, kind, created_at, updated_at)"
            " VALUES ($1, $2, $3, 'Bonetti', 'Lecco', 'b2b_contact', 1, 1)",
            {acme_.workspace_id, id, first});
        return id;
    };
    const Id cristina = person(9300000001, "Cristina"), kristina = person(9300000002, "Kristina");
    const Id cristina_again = person(9300000003, "Cristina"), kristina_again = person(9300000004, "Kristina");
    ASSERT_TRUE(duplicates_->check_records(acme_.workspace_id, EntityType::Person, {cristina_again, kristina_again}));
    // (Cristina and Kristina are alike too: a batch compares its probes with all it read.)
    const auto open = queue(acme_, EntityType::Person);
    const auto paired = [&](Id a, Id b) {
        return std::any_of(open.begin(), open.end(), [&](const auto& c) {
            return c.first.id == std::min(a, b) && c.second.id == std::max(a, b);
        });
    };
    EXPECT_TRUE(paired(cristina, cristina_again));
    EXPECT_TRUE(paired(kristina, kristina_again));
}

TEST_P(DuplicatesTest, RefusingCreateWritesNothing) {
    create(acme_, EntityType::Person, {{"first_name", "Ana"}, {"last_name", "Silva"}, {"email", "ana@example.pt"}});
    CustomerInput in;
    in.fields = {{"first_name", "Ana"}, {"last_name", "Silva"}, {"email", "ana@example.pt"}};
    auto refused =
        duplicates_->create_checked(acme_, EntityType::Person, in, CustomerService::default_source(acme_), true);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE workspace_id = $1", {acme_.workspace_id}), 1);
}

TEST_P(DuplicatesTest, MergingPeopleMovesEverythingAndTheOldIdResolves) {
    const Id company = create(acme_, EntityType::Company, {{"legal_name", "Acme Tools"}, {"country", "IT"}});
    const Id other_company = create(acme_, EntityType::Company, {{"legal_name", "Zeta"}, {"country", "IT"}});
    const Id survivor =
        create(acme_, EntityType::Person,
               {{"first_name", "Giulia"}, {"last_name", "Bianchi"}, {"email", "giulia@example.com"}}, {"vip"});
    const Id merged = create(acme_, EntityType::Person,
                             {{"first_name", "Giulia M."},
                              {"last_name", "Bianchi"},
                              {"email", "giulia@example.com"},
                              {"phone", "+39 02 1234 5678"},
                              {"city", "Milano"}},
                             {"newsletter"});
    ASSERT_TRUE(customers_->set_affiliations(acme_, survivor, {{company, "CEO", true}},
                                             CustomerService::default_source(acme_)));
    ASSERT_TRUE(customers_->set_affiliations(acme_, merged,
                                             {{company, "Boss", true}, {other_company, "Advisor", false}},
                                             CustomerService::default_source(acme_)));
    sql("INSERT INTO interactions (workspace_id, interaction_id, kind, person_id, occurred_at, created_at)"
        " VALUES ($1, $2, 'note', $3, $4, $4)",
        {acme_.workspace_id, new_id(), merged, clock_.now_ms()});
    const Id segment = new_id();
    sql("INSERT INTO segments (workspace_id, segment_id, name, kind, entity_type, segment_type, created_at, updated_at)"
        " VALUES ($1, $2, 'Fans', 'b2c', 'person', 'static', $3, $3)",
        {acme_.workspace_id, segment, clock_.now_ms()});
    sql("INSERT INTO segment_members (workspace_id, segment_id, entity_id, added_at) VALUES ($1, $2, $3, $4)",
        {acme_.workspace_id, segment, merged, clock_.now_ms()});
    auto open = queue(acme_, EntityType::Person);
    ASSERT_EQ(open.size(), 1u);

    clock_.advance_ms(1000);
    MergeRequest request;
    request.merged_id = merged;
    request.choices = {{"first_name", Side::Merged}};
    request.candidate_id = open[0].candidate_id;
    auto result = duplicates_->merge(acme_, EntityType::Person, survivor, request, "127.0.0.1");
    ASSERT_TRUE(result) << result.error().detail;
    EXPECT_EQ(result->fields["first_name"], "Giulia M.");
    EXPECT_EQ(result->fields["phone"], "+390212345678");
    EXPECT_EQ(result->tags, (std::vector<std::string>{"newsletter", "vip"}));

    const Id ws = acme_.workspace_id;
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE workspace_id = $1 AND person_id = $2", {ws, merged}), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions WHERE workspace_id = $1 AND person_id = $2", {ws, survivor}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM segment_members WHERE workspace_id = $1 AND entity_id = $2", {ws, survivor}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM tags WHERE workspace_id = $1 AND entity_id = $2", {ws, merged}), 0);
    auto affiliations = customer_repo_->affiliations(ws, survivor);
    ASSERT_TRUE(affiliations);
    ASSERT_EQ(affiliations->size(), 2u);
    EXPECT_EQ(affiliations->at(0).job_title, "CEO");

    // Provenance travels with the values taken from the merged record.
    auto provenance = customer_repo_->provenance(ws, EntityType::Person, survivor);
    ASSERT_TRUE(provenance);
    bool phone_seen = false;
    for (const auto& p : *provenance) {
        if (p.field == "phone") {
            phone_seen = true;
            EXPECT_EQ(p.source.kind, SourceKind::Manual);
        }
        if (p.field == "merged_from") {
            EXPECT_EQ(p.source.kind, SourceKind::Merge);
        }
    }
    EXPECT_TRUE(phone_seen);

    auto history = customers_->history(acme_, EntityType::Person, survivor, {});
    ASSERT_TRUE(history);
    bool merge_in_history = false;
    for (const auto& h : history->items) {
        if (h.field == "merged_from" && h.new_value == id_to_string(merged)) {
            merge_in_history = true;
            EXPECT_EQ(h.source.kind, SourceKind::Merge);
        }
    }
    EXPECT_TRUE(merge_in_history);
    auto audit = audit_repo_->list(ws, {std::string("person.merged"), std::nullopt}, {});
    ASSERT_TRUE(audit);
    ASSERT_EQ(audit->items.size(), 1u);
    EXPECT_EQ(audit->items[0].target_id, id_to_string(survivor));

    // The merged id answers with the survivor; the pair is marked merged.
    auto view = customers_->get(acme_, EntityType::Person, merged);
    ASSERT_TRUE(view) << view.error().detail;
    EXPECT_EQ(view->record.id, survivor);
    EXPECT_EQ(view->merged_from, merged);
    EXPECT_TRUE(queue(acme_, EntityType::Person).empty());
    auto done = queue(acme_, EntityType::Person, CandidateStatus::Merged);
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].candidate_id, open[0].candidate_id);

    // Another workspace cannot see it, through either id.
    auto foreign = customers_->get(globex_, EntityType::Person, merged);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, ErrorCode::NotFound);

    // A chain of merges resolves in one step: merge the survivor into a third record.
    const Id third = create(acme_, EntityType::Person, {{"first_name", "Giulia"}, {"last_name", "Bianchi"}});
    MergeRequest next;
    next.merged_id = survivor;
    ASSERT_TRUE(duplicates_->merge(acme_, EntityType::Person, third, next, ""));
    auto chained = customers_->get(acme_, EntityType::Person, merged);
    ASSERT_TRUE(chained);
    EXPECT_EQ(chained->record.id, third);
}

TEST_P(DuplicatesTest, MergingCompaniesMovesContactsConsumersAndTimeline) {
    const Id survivor = create(acme_, EntityType::Company,
                               {{"legal_name", "Rossi Retail"}, {"country", "IT"}, {"buyer_kind", "retailer"}});
    const Id merged = create(acme_, EntityType::Company,
                             {{"legal_name", "Rossi Retail S.r.l."},
                              {"country", "IT"},
                              {"vat_id", "00743110157"},
                              {"buyer_kind", "retailer"}});
    const Id contact = create(acme_, EntityType::Person, {{"first_name", "Ada"}, {"last_name", "Neri"}});
    const Id consumer =
        create(acme_, EntityType::Person,
               {{"first_name", "Bo"}, {"last_name", "Gialli"}, {"buyer_company_id", id_to_string(merged)}});
    ASSERT_TRUE(customers_->set_affiliations(acme_, contact, {{merged, "Buyer", true}},
                                             CustomerService::default_source(acme_)));
    sql("INSERT INTO interactions (workspace_id, interaction_id, kind, company_id, occurred_at, created_at)"
        " VALUES ($1, $2, 'call', $3, $4, $4)",
        {acme_.workspace_id, new_id(), merged, clock_.now_ms()});

    MergeRequest request;
    request.merged_id = merged;
    auto result = duplicates_->merge(acme_, EntityType::Company, survivor, request, "");
    ASSERT_TRUE(result) << result.error().detail;
    EXPECT_EQ(result->fields["vat_id"], "00743110157");
    const Id ws = acme_.workspace_id;
    EXPECT_EQ(count("SELECT COUNT(*) FROM affiliations WHERE workspace_id = $1 AND company_id = $2 AND person_id = $3",
                    {ws, survivor, contact}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE workspace_id = $1 AND buyer_company_id = $2 AND person_id = $3",
                    {ws, survivor, consumer}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions WHERE workspace_id = $1 AND company_id = $2", {ws, survivor}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE workspace_id = $1 AND company_id = $2", {ws, merged}), 0);
}

TEST_P(DuplicatesTest, MergeNeedsWriteOnBothAndTwoDifferentRecords) {
    const Id a = create(acme_, EntityType::Person, {{"first_name", "A"}, {"last_name", "B"}});
    const Id b = create(acme_, EntityType::Person, {{"first_name", "A"}, {"last_name", "B"}});
    // A manager's API key reads every record but writes only its teams' (it has none).
    Principal manager_key = acme_;
    manager_key.role = Role::Manager;
    manager_key.user_id.reset();
    manager_key.api_key_id = new_id();
    MergeRequest request;
    request.merged_id = b;
    auto denied = duplicates_->merge(manager_key, EntityType::Person, a, request, "");
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::Forbidden);
    request.merged_id = a;
    auto self = duplicates_->merge(acme_, EntityType::Person, a, request, "");
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().code, ErrorCode::Validation);
    request.merged_id = b;
    auto foreign = duplicates_->merge(globex_, EntityType::Person, a, request, "");
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, ErrorCode::NotFound);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE workspace_id = $1", {acme_.workspace_id}), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, DuplicatesTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
