// The batch planner alone: which rows create, update, leave alone or are rejected, with a
// fake in place of the customers service (a map of stored records; the fake's validation
// refuses an email without "@").
#include "domain/imports/batch_planner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace rapport::domain::imports {
namespace {

using customers::CustomerInput;
using customers::CustomerRecord;
using customers::EntityType;
using customers::RecordWrite;
using nlohmann::json;

constexpr Id kWorkspace = 7;

// A stand-in for the customers service: records in a map ("the database"), look-ups that
// are recorded, and writes that copy the input's fields and tags. Only what the planner
// needs; validation is the customers service's own and tested there.
class FakeCustomers final : public PlannerCustomers {
public:
    Id add(json fields, std::vector<std::string> tags = {}) {
        CustomerRecord r;
        r.type = EntityType::Person;
        r.workspace_id = kWorkspace;
        r.id = next_id_++;
        r.fields = std::move(fields);
        r.tags = std::move(tags);
        stored[r.id] = r;
        return r.id;
    }
    // What a committed batch leaves in the database.
    void commit(const PlannedBatch& batch) {
        for (const auto* writes : {&batch.inserts, &batch.updates}) {
            for (const auto& w : *writes) stored[w.record.id] = w.record;
        }
    }

    Result<std::vector<CustomerRecord>> find_by_field(const Principal&, EntityType, const std::string& field,
                                                      const std::vector<std::string>& values) override {
        lookups.push_back({field, values});
        std::vector<CustomerRecord> out;
        for (const auto& [id, r] : stored) {
            if (!r.fields.contains(field) || !r.fields[field].is_string()) continue;
            const auto value = r.fields[field].get<std::string>();
            if (std::find(values.begin(), values.end(), value) != values.end()) out.push_back(r);
        }
        return out;
    }

    Result<RecordWrite> prepare_create(const Principal&, const customers::WriteContext&, EntityType type,
                                       const CustomerInput& input, const customers::Source& source) override {
        sources.push_back(source);
        if (fail_next_create) return fail(Error::internal("the database is gone"));
        RAPPORT_CHECK(check(input));
        RecordWrite w;
        w.record.type = type;
        w.record.workspace_id = kWorkspace;
        w.record.id = next_id_++;
        w.source = source;
        apply(w, input);
        return w;
    }

    Result<RecordWrite> prepare_update(const Principal&, const customers::WriteContext&, CustomerRecord current,
                                       const CustomerInput& input, const customers::Source& source) override {
        sources.push_back(source);
        if (read_only.count(current.id)) return fail(Error::forbidden("you cannot change it"));
        RAPPORT_CHECK(check(input));
        RecordWrite w;
        w.record = std::move(current);
        w.source = source;
        apply(w, input);
        return w;
    }

    std::map<Id, CustomerRecord> stored;
    std::set<Id> read_only;  // records the actor may see but not change
    bool fail_next_create = false;
    std::vector<std::pair<std::string, std::vector<std::string>>> lookups;
    std::vector<customers::Source> sources;

private:
    static Status check(const CustomerInput& input) {
        if (input.fields.contains("email") && input.fields["email"].is_string() &&
            input.fields["email"].get<std::string>().find('@') == std::string::npos) {
            return fail(Error::validation("invalid", {{"/fields/email", "not an email address"}}));
        }
        return {};
    }
    // Copies the input (emails in lower case, as the real normaliser stores them).
    static void apply(RecordWrite& w, const CustomerInput& input) {
        for (const auto& [key, value] : input.fields.items()) {
            json v = value;
            if (key == "email" && v.is_string()) {
                auto text = v.get<std::string>();
                std::transform(text.begin(), text.end(), text.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                v = text;
            }
            const std::string before = w.record.fields.contains(key) ? w.record.fields[key].dump() : "";
            if (before != v.dump()) {
                w.changes.push_back({key, before, v.dump()});
                w.record.fields[key] = v;
            }
        }
        if (input.tags && *input.tags != w.record.tags) {
            w.changes.push_back({"tags", "", ""});
            w.record.tags = *input.tags;
        }
    }

    Id next_id_ = 1000;
};

const std::vector<std::string> kHeader = {"First name", "Last name", "Email", "Tags"};

CsvRecord row(std::uint64_t data_row, std::vector<std::string> fields) {
    CsvRecord r;
    r.fields = std::move(fields);
    r.number = data_row + 1;  // record 1 is the header
    r.line = data_row + 1;
    return r;
}

class BatchPlannerTest : public ::testing::Test {
protected:
    BatchPlannerTest() {
        actor.workspace_id = kWorkspace;
        actor.user_id = 1;
        actor.role = Role::Owner;
        job.workspace_id = kWorkspace;
        job.import_id = 42;
        job.entity_type = EntityType::Person;
        job.filename = "people.csv";
        job.header = kHeader;
        auto parsed = parse_mapping(
            {{"columns",
              {{"First name", "first_name"}, {"Last name", "last_name"}, {"Email", "email"}, {"Tags", "tags"}}}},
            EntityType::Person, kHeader, {});
        EXPECT_TRUE(parsed) << parsed.error().detail;
        if (parsed) mapping = *parsed;
    }

    BatchPlanner planner(bool simulate = false) {
        return BatchPlanner(customers, actor, job, mapping, context, simulate);
    }

    FakeCustomers customers;
    Principal actor;
    ImportJob job;
    ImportMapping mapping;
    customers::WriteContext context;
};

TEST_F(BatchPlannerTest, CreatesNewRowsAndUpdatesTheRecordThatHasTheRowsKey) {
    const Id ada = customers.add({{"first_name", "Ada"}, {"last_name", "Byron"}, {"email", "ada@example.com"}});
    auto p = planner();
    auto batch =
        p.plan({row(1, {"Ada", "Lovelace", " ADA@Example.com ", ""}), row(2, {"Bob", "Stone", "bob@example.com", ""})});
    ASSERT_TRUE(batch) << batch.error().detail;
    EXPECT_EQ(batch->created, 1);
    EXPECT_EQ(batch->updated, 1);
    EXPECT_EQ(batch->unchanged, 0);
    EXPECT_TRUE(batch->rejected.empty());
    ASSERT_EQ(batch->updates.size(), 1u);
    EXPECT_EQ(batch->updates[0].record.id, ada);  // matched on the normalised email
    EXPECT_EQ(batch->updates[0].record.fields["last_name"], "Lovelace");
    ASSERT_EQ(batch->inserts.size(), 1u);
    EXPECT_NE(batch->inserts[0].record.id, ada);
    EXPECT_EQ(batch->inserts[0].record.fields["email"], "bob@example.com");

    // One IN look-up per key field for the whole batch, with the normalised values.
    ASSERT_EQ(customers.lookups.size(), 1u);
    EXPECT_EQ(customers.lookups[0].first, "email");
    EXPECT_EQ(customers.lookups[0].second, (std::vector<std::string>{"ada@example.com", "bob@example.com"}));

    // Every write carries the import as its source.
    ASSERT_FALSE(customers.sources.empty());
    for (const auto& s : customers.sources) {
        EXPECT_EQ(s.kind, customers::SourceKind::Import);
        EXPECT_EQ(s.ref, "import:42:people.csv");
    }
}

TEST_F(BatchPlannerTest, ARowThatChangesNothingIsCountedButNotWritten) {
    customers.add({{"first_name", "Ada"}, {"last_name", "Byron"}, {"email", "ada@example.com"}});
    auto p = planner();
    auto batch = p.plan({row(1, {"Ada", "Byron", "ada@example.com", ""})});
    ASSERT_TRUE(batch) << batch.error().detail;
    EXPECT_EQ(batch->unchanged, 1);
    EXPECT_EQ(batch->created + batch->updated, 0);
    EXPECT_TRUE(batch->inserts.empty());
    EXPECT_TRUE(batch->updates.empty());
}

TEST_F(BatchPlannerTest, TwoRowsOfABatchForOneNewRecordBecomeOneInsertWithBothRowsChanges) {
    auto p = planner();
    auto batch = p.plan({row(1, {"Cy", "", "cy@example.com", ""}), row(2, {"Cy", "Twombly", "CY@example.com", ""}),
                         row(3, {"Cy", "Twombly", "cy@example.com", ""})});
    ASSERT_TRUE(batch) << batch.error().detail;
    ASSERT_EQ(batch->inserts.size(), 1u);
    EXPECT_TRUE(batch->updates.empty());
    EXPECT_EQ(batch->created, 1);
    EXPECT_EQ(batch->updated, 1);    // row 2 changed the record row 1 created
    EXPECT_EQ(batch->unchanged, 1);  // row 3 changed nothing more
    EXPECT_EQ(batch->inserts[0].record.fields["last_name"], "Twombly");
    const auto& changes = batch->inserts[0].changes;
    EXPECT_TRUE(std::any_of(changes.begin(), changes.end(), [](const auto& c) { return c.field == "first_name"; }));
    EXPECT_TRUE(std::any_of(changes.begin(), changes.end(),
                            [](const auto& c) { return c.field == "last_name" && c.new_value == "\"Twombly\""; }));
}

TEST_F(BatchPlannerTest, TagsInTheFileAddToTheRecordsTags) {
    const Id ada = customers.add({{"first_name", "Ada"}, {"email", "ada@example.com"}}, {"vip"});
    auto p = planner();
    auto batch = p.plan({row(1, {"Ada", "", "ada@example.com", "fiera"})});
    ASSERT_TRUE(batch) << batch.error().detail;
    ASSERT_EQ(batch->updates.size(), 1u);
    EXPECT_EQ(batch->updates[0].record.id, ada);
    EXPECT_EQ(batch->updates[0].record.tags, (std::vector<std::string>{"fiera", "vip"}));
}

TEST_F(BatchPlannerTest, RejectsBadRowsWithTheirReasonsInRowOrderAndWritesTheRest) {
    const Id locked = customers.add({{"first_name", "Lee"}, {"email", "lee@example.com"}});
    customers.read_only.insert(locked);
    auto p = planner();
    auto batch = p.plan({
        row(1, {"Lee", "", "lee@example.com", ""}),          // matches a record the actor may not change
        row(2, {"Max", "", "not-an-email", ""}),             // refused by validation
        row(3, {"Ok", "", "ok@example.com", ""}),            // fine
        row(4, {"Short", "row"}),                            // fewer fields than the header
        row(5, {"Wide", "", "w@example.com", "", "extra"}),  // a value past the header
    });
    ASSERT_TRUE(batch) << batch.error().detail;
    EXPECT_EQ(batch->created, 1);
    ASSERT_EQ(batch->inserts.size(), 1u);
    EXPECT_EQ(batch->inserts[0].record.fields["email"], "ok@example.com");
    ASSERT_EQ(batch->rejected.size(), 4u);
    std::vector<std::int64_t> rows;
    for (const auto& r : batch->rejected) rows.push_back(r.row);
    EXPECT_EQ(rows, (std::vector<std::int64_t>{1, 2, 4, 5}));

    const auto& forbidden = batch->rejected[0];
    ASSERT_EQ(forbidden.errors.size(), 1u);
    EXPECT_EQ(forbidden.errors[0].field, "email");
    EXPECT_EQ(forbidden.errors[0].column, "Email");
    EXPECT_NE(forbidden.errors[0].detail.find("not allowed to change"), std::string::npos);

    const auto& invalid = batch->rejected[1];
    ASSERT_EQ(invalid.errors.size(), 1u);
    EXPECT_EQ(invalid.errors[0].field, "email");
    EXPECT_EQ(invalid.errors[0].column, "Email");
    EXPECT_EQ(invalid.fields, (std::vector<std::string>{"Max", "", "not-an-email", ""}));

    EXPECT_NE(batch->rejected[2].errors[0].detail.find("the row has 2 fields but the header has 4"), std::string::npos);
    EXPECT_NE(batch->rejected[3].errors[0].detail.find("unquoted delimiter"), std::string::npos);
}

TEST_F(BatchPlannerTest, AnErrorOtherThanARowsValidationFailsTheBatch) {
    customers.fail_next_create = true;
    auto p = planner();
    auto batch = p.plan({row(1, {"Ada", "", "ada@example.com", ""})});
    ASSERT_FALSE(batch);
    EXPECT_EQ(batch.error().code, ErrorCode::Internal);
}

// A run plans the next batch while the previous one commits: a batch planned but not yet
// committed must count as written, or a key repeated across batches would create twice.
TEST_F(BatchPlannerTest, BatchesInFlightCountAsWrittenUntilCommitted) {
    const Id dora = customers.add({{"first_name", "Dora"}, {"last_name", "Old"}, {"email", "dora@example.com"}});
    auto p = planner();
    auto first =
        p.plan({row(1, {"Eve", "", "eve@example.com", ""}), row(2, {"Dora", "New", "dora@example.com", ""})}, 1);
    ASSERT_TRUE(first) << first.error().detail;
    ASSERT_EQ(first->inserts.size(), 1u);
    const Id eve = first->inserts[0].record.id;
    EXPECT_EQ(first->updated, 1);

    // Not committed yet: the database has neither Eve nor Dora's new name.
    p.forget_committed(0);
    auto second =
        p.plan({row(3, {"Eve", "Adams", "eve@example.com", ""}), row(4, {"Dora", "New", "dora@example.com", ""})}, 2);
    ASSERT_TRUE(second) << second.error().detail;
    EXPECT_EQ(second->created, 0);
    ASSERT_EQ(second->updates.size(), 1u);
    EXPECT_EQ(second->updates[0].record.id, eve);  // Eve's in-flight record, not a second Eve
    EXPECT_EQ(second->unchanged, 1);               // Dora as batch 1 left her, not as stored

    // Both committed: the planner reads the database again.
    customers.commit(*first);
    customers.commit(*second);
    p.forget_committed(2);
    customers.stored[dora].fields["last_name"] = "Changed elsewhere";
    auto third = p.plan({row(5, {"Dora", "New", "dora@example.com", ""})}, 3);
    ASSERT_TRUE(third) << third.error().detail;
    ASSERT_EQ(third->updates.size(), 1u);
    EXPECT_EQ(third->updates[0].record.id, dora);
    EXPECT_EQ(third->updated, 1);
}

// A dry run commits nothing: later batches must see what earlier ones would have written.
TEST_F(BatchPlannerTest, ADryRunLetsLaterBatchesFindTheRecordsEarlierOnesWouldHaveCreated) {
    const std::vector<CsvRecord> first = {row(1, {"Fay", "", "fay@example.com", ""}),
                                          row(2, {"Gus", "", "gus@example.com", ""})};
    const std::vector<CsvRecord> second = {row(3, {"Fay", "Wray", "fay@example.com", ""})};
    auto p = planner(true);
    p.count_keys(first);
    p.count_keys(second);
    auto a = p.plan(first);
    ASSERT_TRUE(a) << a.error().detail;
    EXPECT_EQ(a->created, 2);
    auto b = p.plan(second);
    ASSERT_TRUE(b) << b.error().detail;
    EXPECT_EQ(b->created, 0);
    EXPECT_EQ(b->updated, 1);
    ASSERT_EQ(b->updates.size(), 1u);
    EXPECT_EQ(b->updates[0].record.fields["email"], "fay@example.com");
    EXPECT_EQ(b->updates[0].record.fields["last_name"], "Wray");
    EXPECT_TRUE(customers.stored.empty());  // nothing was written

    // Without simulation (a run that commits each batch first), the second batch would not
    // see Fay: the planner relies on the database then.
    auto q = planner(false);
    ASSERT_TRUE(q.plan(first));
    auto c = q.plan(second);
    ASSERT_TRUE(c) << c.error().detail;
    EXPECT_EQ(c->created, 1);
}

}  // namespace
}  // namespace rapport::domain::imports
