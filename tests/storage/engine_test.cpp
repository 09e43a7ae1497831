// The storage interface on every engine: values, transactions, errors, migrations.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "storage/backend.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage::testing {

class EngineTest : public BackendTest {};

TEST_P(EngineTest, ValuesRoundTrip) {
    auto lease = db().acquire(Access::Write);
    ASSERT_TRUE(lease);
    ASSERT_TRUE((*lease)->execute_script("CREATE TABLE rt (i BIGINT, d DOUBLE PRECISION, t TEXT, b BOOLEAN, n TEXT)"));
    const std::int64_t big = 9007199254740993LL;
    ASSERT_TRUE((*lease)->execute("INSERT INTO rt (i, d, t, b, n) VALUES ($1, $2, $3, $4, $5)",
                                  {big, 2.5, std::string("Caffè ☕ 'quoted' $1"), true, Value{}}));
    auto rs = (*lease)->query("SELECT i, d, t, b, n FROM rt WHERE i = $1", {big});
    ASSERT_TRUE(rs) << rs.error().detail;
    ASSERT_EQ(rs->size(), 1u);
    const auto& r = rs->rows[0];
    EXPECT_EQ(as_int(r[0]), big);
    EXPECT_DOUBLE_EQ(as_double(r[1]), 2.5);
    EXPECT_EQ(as_text(r[2]), "Caffè ☕ 'quoted' $1");
    EXPECT_TRUE(as_bool(r[3]));
    EXPECT_TRUE(is_null(r[4]));
}

TEST_P(EngineTest, UniqueViolationIsConflictAndForeignKeyIsValidation) {
    auto lease = db().acquire(Access::Write);
    const char* insert_ws = "INSERT INTO workspaces (workspace_id, slug, name, created_at) VALUES ($1, $2, $3, 0)";
    ASSERT_TRUE((*lease)->execute(insert_ws, {std::int64_t{1}, std::string("a"), std::string("A")}));
    auto dup = (*lease)->execute(insert_ws, {std::int64_t{2}, std::string("a"), std::string("A2")});
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, ErrorCode::Conflict);
    auto fk = (*lease)->execute(
        "INSERT INTO teams (workspace_id, team_id, name, kind, created_at, updated_at)"
        " VALUES ($1, 1, 'x', 'it', 0, 0)",
        {std::int64_t{777}});
    ASSERT_FALSE(fk);
    EXPECT_EQ(fk.error().code, ErrorCode::Validation);
}

TEST_P(EngineTest, AFailedTransactionLeavesNothing) {
    auto result = write_transaction(db(), [](Connection& conn) -> Status {
        RAPPORT_CHECK(
            conn.execute("INSERT INTO workspaces (workspace_id, slug, name, created_at) VALUES (5, 'x', 'X', 0)"));
        return fail(Error::validation("changed my mind"));
    });
    ASSERT_FALSE(result);
    auto count = read(db(), [](Connection& c) { return c.query("SELECT COUNT(*) FROM workspaces"); });
    EXPECT_EQ(as_int(count->rows[0][0]), 0);

    auto ok = write_transaction(db(), [](Connection& conn) -> Status {
        RAPPORT_CHECK(
            conn.execute("INSERT INTO workspaces (workspace_id, slug, name, created_at) VALUES (6, 'y', 'Y', 0)"));
        return {};
    });
    ASSERT_TRUE(ok);
    count = read(db(), [](Connection& c) { return c.query("SELECT COUNT(*) FROM workspaces"); });
    EXPECT_EQ(as_int(count->rows[0][0]), 1);
}

TEST_P(EngineTest, QueryEachStreamsAndStopsEarly) {
    ASSERT_TRUE(write_transaction(db(), [](Connection& conn) -> Status {
        for (int i = 1; i <= 100; ++i) {
            RAPPORT_CHECK(
                conn.execute("INSERT INTO workspaces (workspace_id, slug, name, created_at) VALUES ($1, $2, 'n', 0)",
                             {std::int64_t{i}, "s" + std::to_string(i)}));
        }
        return {};
    }));
    auto lease = db().acquire(Access::Read);
    int seen = 0;
    ASSERT_TRUE(
        (*lease)->query_each("SELECT workspace_id FROM workspaces ORDER BY workspace_id", {}, [&](const Row& r) {
            EXPECT_EQ(as_int(r[0]), seen + 1);
            return ++seen < 10;
        }));
    EXPECT_EQ(seen, 10);
}

TEST_P(EngineTest, MigrationsAreRecordedAndANewerDatabaseIsRefused) {
    auto again = migrate(db());
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->applied.empty());
    EXPECT_EQ(again->to_version, known_migrations(db().dialect()).back().version);
    ASSERT_TRUE(write_transaction(db(), [](Connection& c) -> Status {
        RAPPORT_CHECK(
            c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)"));
        return {};
    }));
    auto refused = migrate(db());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Conflict);
    EXPECT_NE(refused.error().detail.find("newer"), std::string::npos);
}

TEST_P(EngineTest, AMigrationMissedBelowTheNewestIsAppliedAtTheNextRun) {
    const Migration first{10001, "first", "CREATE TABLE missed_a (x BIGINT)"};
    const Migration missed{10002, "missed", "CREATE TABLE missed_b (x BIGINT)"};
    const Migration last{10003, "last", "CREATE TABLE missed_c (x BIGINT)"};
    auto before = migrate(db(), {first, last});
    ASSERT_TRUE(before) << before.error().detail;
    EXPECT_EQ(before->applied, (std::vector<std::string>{"first", "last"}));
    auto after = migrate(db(), {first, missed, last});
    ASSERT_TRUE(after) << after.error().detail;
    EXPECT_EQ(after->applied, (std::vector<std::string>{"missed"}));
    EXPECT_EQ(after->to_version, 10003);
    EXPECT_TRUE(read(db(), [](Connection& c) { return c.query("SELECT COUNT(*) FROM missed_b"); }));
    auto again = migrate(db(), {first, missed, last});
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->applied.empty());
}

TEST_P(EngineTest, ConcurrentReadersAndWritersShareThePool) {
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                const std::int64_t id = t * 1000 + i + 1;
                auto st = write_transaction(db(), [&](Connection& c) -> Status {
                    RAPPORT_CHECK(c.execute(
                        "INSERT INTO workspaces (workspace_id, slug, name, created_at) VALUES ($1, $2, 'n', 0)",
                        {id, "w" + std::to_string(id)}));
                    return {};
                });
                if (!st) ++failures;
                auto rs = read(db(), [](Connection& c) { return c.query("SELECT COUNT(*) FROM workspaces"); });
                if (!rs) ++failures;
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    auto count = read(db(), [](Connection& c) { return c.query("SELECT COUNT(*) FROM workspaces"); });
    EXPECT_EQ(as_int(count->rows[0][0]), 300);
    EXPECT_GE(db().stats().acquisitions, 600);
}

// A process killed (SIGKILL) in the middle of a write transaction leaves none of it.
TEST_P(EngineTest, KillNineMidTransactionLeavesNoHalfWrite) {
    const std::string url = fresh_->url();
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t child = fork();
    if (child == 0) {
        auto child_db = open_database(url);
        if (!child_db) _exit(2);
        (void)write_transaction(**child_db, [&](Connection& c) -> Status {
            for (int i = 1; i <= 500; ++i) {
                RAPPORT_CHECK(
                    c.execute("INSERT INTO workspaces (workspace_id, slug, name, created_at) VALUES ($1, $2, 'n', 0)",
                              {std::int64_t{i}, "k" + std::to_string(i)}));
            }
            (void)!write(ready[1], "x", 1);  // half-way through: tell the parent, then hang
            pause();
            return {};
        });
        _exit(0);
    }
    char c;
    ASSERT_EQ(::read(ready[0], &c, 1), 1);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);
    close(ready[1]);
    fresh_->reopen();
    auto count = read(db(), [](Connection& conn) { return conn.query("SELECT COUNT(*) FROM workspaces"); });
    ASSERT_TRUE(count) << count.error().detail;
    EXPECT_EQ(as_int(count->rows[0][0]), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, EngineTest, ::testing::ValuesIn(backends()));

}  // namespace rapport::storage::testing
