// The PostgreSQL engine against a real server. The server comes from RAPPORT_TEST_POSTGRES_URL
// (CI sets it; locally: URL=$(scripts/pg-test-cluster.sh start /tmp/rapport-pg)); without it
// every test here is skipped.
//
// Each test works in its own schema (created in SetUp, dropped in TearDown) and opens its pool
// with that schema as search_path, so tests never see each other's tables.
#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "storage/migrations.hpp"
#include "storage/postgres/postgres_connection.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage::postgres {
namespace {

std::optional<std::string> server_url() {
    const char* url = std::getenv("RAPPORT_TEST_POSTGRES_URL");
    if (!url || !*url) return std::nullopt;
    return std::string(url);
}

// The URL with `schema` as the session's search_path (libpq decodes the %3D).
std::string url_with_schema(const std::string& url, const std::string& schema) {
    // public stays on the path: extensions (pg_trgm) live there, as on a default server.
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema + "%2Cpublic";
}

class PostgresTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto url = server_url();
        if (!url) GTEST_SKIP() << "RAPPORT_TEST_POSTGRES_URL is not set (see scripts/pg-test-cluster.sh)";
        url_ = *url;
        std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        schema_ = "t_" + name.substr(0, 40) + "_" + std::to_string(::getpid());
        auto admin = open_postgres(url_, 1);
        ASSERT_TRUE(admin) << admin.error().detail;
        admin_ = std::move(*admin);
        ASSERT_TRUE(admin_sql("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_));
        auto db = open_postgres(url_with_schema(url_, schema_), 4);
        ASSERT_TRUE(db) << db.error().detail;
        db_ = std::move(*db);
    }

    void TearDown() override {
        db_.reset();
        if (admin_) (void)admin_sql("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }

    bool admin_sql(const std::string& sql) {
        auto lease = admin_->acquire(Access::Write);
        if (!lease) return false;
        auto st = (*lease)->execute_script(sql);
        if (!st) ADD_FAILURE() << st.error().detail;
        return st.has_value();
    }

    // Runs `sql` on a fresh lease and fails the test on error.
    ResultSet must_query(const std::string& sql, const Params& params = {}) {
        auto lease = db_->acquire(Access::Read);
        if (!lease) throw std::runtime_error(lease.error().detail);
        auto rs = (*lease)->query(sql, params);
        if (!rs) throw std::runtime_error(sql + ": " + rs.error().detail);
        return *rs;
    }

    void must_exec(const std::string& sql, const Params& params = {}) {
        auto lease = db_->acquire(Access::Write);
        ASSERT_TRUE(lease) << lease.error().detail;
        auto n = (*lease)->execute(sql, params);
        ASSERT_TRUE(n) << sql << ": " << n.error().detail;
    }

    std::int64_t count(const std::string& table) {
        return as_int(must_query("SELECT count(*) FROM " + table).rows.at(0).at(0));
    }

    std::string url_;
    std::string schema_;
    std::unique_ptr<Database> admin_;
    std::unique_ptr<Database> db_;
};

TEST_F(PostgresTest, RoundTripsEveryValueType) {
    must_exec(
        "CREATE TABLE vals (id INT PRIMARY KEY, i BIGINT, d DOUBLE PRECISION, s TEXT, b BOOLEAN, n NUMERIC, "
        "small SMALLINT, r REAL)");
    const std::string unicode = "Zoë Ørsted — 日本語 ✓ 🙂 'quoted' \"double\" \\ $1";
    const std::int64_t big = std::numeric_limits<std::int64_t>::max();
    const std::int64_t small = std::numeric_limits<std::int64_t>::min();
    const char* insert = "INSERT INTO vals (id, i, d, s, b, n, small, r) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    must_exec(insert, {std::int64_t{1}, big, 0.1, unicode, true, std::string("12345.678901234567890123"),
                       std::int64_t{-32768}, 1.5});
    must_exec(insert, {std::int64_t{2}, small, -1e300, std::string(), false, std::int64_t{7}, std::int64_t{0}, 0.0});
    must_exec(insert, {std::int64_t{3}, Value{}, Value{}, Value{}, Value{}, Value{}, Value{}, Value{}});

    const auto rs = must_query("SELECT id, i, d, s, b, n, small, r FROM vals ORDER BY id");
    ASSERT_EQ(rs.size(), 3u);
    EXPECT_EQ(rs.columns, (std::vector<std::string>{"id", "i", "d", "s", "b", "n", "small", "r"}));
    const Row& a = rs.rows[0];
    EXPECT_EQ(std::get<std::int64_t>(a[0]), 1);
    EXPECT_EQ(std::get<std::int64_t>(a[1]), big);
    EXPECT_EQ(std::get<double>(a[2]), 0.1);  // shortest round-trip text is exact
    EXPECT_EQ(std::get<std::string>(a[3]), unicode);
    EXPECT_EQ(std::get<bool>(a[4]), true);
    EXPECT_EQ(std::get<std::string>(a[5]), "12345.678901234567890123");  // numeric stays exact text
    EXPECT_EQ(std::get<std::int64_t>(a[6]), -32768);
    EXPECT_EQ(std::get<double>(a[7]), 1.5);
    const Row& b = rs.rows[1];
    EXPECT_EQ(std::get<std::int64_t>(b[1]), small);
    EXPECT_EQ(std::get<double>(b[2]), -1e300);
    EXPECT_EQ(std::get<std::string>(b[3]), "");  // empty text is not NULL
    EXPECT_EQ(std::get<bool>(b[4]), false);
    EXPECT_EQ(std::get<std::string>(b[5]), "7");
    for (std::size_t c = 1; c < rs.rows[2].size(); ++c) EXPECT_TRUE(is_null(rs.rows[2][c])) << "column " << c;
}

TEST_F(PostgresTest, RoundTripsSpecialDoublesAndTypedParameters) {
    const auto rs = must_query(
        "SELECT CAST($1 AS DOUBLE PRECISION), CAST($2 AS DOUBLE PRECISION), CAST($3 AS DOUBLE PRECISION), "
        "CAST($4 AS BIGINT), CAST($5 AS BOOLEAN), CAST($6 AS TEXT), $7::int4 + 1",
        {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
         std::numeric_limits<double>::quiet_NaN(), std::int64_t{-42}, false, Value{}, std::int64_t{41}});
    const Row& r = rs.rows.at(0);
    EXPECT_EQ(std::get<double>(r[0]), std::numeric_limits<double>::infinity());
    EXPECT_EQ(std::get<double>(r[1]), -std::numeric_limits<double>::infinity());
    EXPECT_TRUE(std::isnan(std::get<double>(r[2])));
    EXPECT_EQ(std::get<std::int64_t>(r[3]), -42);
    EXPECT_EQ(std::get<bool>(r[4]), false);
    EXPECT_TRUE(is_null(r[5]));
    EXPECT_EQ(std::get<std::int64_t>(r[6]), 42);
}

TEST_F(PostgresTest, RejectsNulInText) {
    auto lease = db_->acquire(Access::Read);
    ASSERT_TRUE(lease);
    auto rs = (*lease)->query("SELECT CAST($1 AS TEXT)", {std::string("a\0b", 3)});
    ASSERT_FALSE(rs);
    EXPECT_EQ(rs.error().code, ErrorCode::Validation);
}

TEST_F(PostgresTest, QueryEachStreamsAndStopsEarly) {
    auto lease = db_->acquire(Access::Read);
    ASSERT_TRUE(lease);
    Connection& conn = **lease;
    std::int64_t seen = 0;
    std::int64_t sum = 0;
    auto st = conn.query_each("SELECT g, 'row ' || g FROM generate_series(1, $1::int) g", {std::int64_t{50000}},
                              [&](const Row& row) {
                                  ++seen;
                                  sum += std::get<std::int64_t>(row.at(0));
                                  return true;
                              });
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(seen, 50000);
    EXPECT_EQ(sum, std::int64_t{50000} * 50001 / 2);

    // Stopping early in a huge result returns promptly (the statement is cancelled, not
    // drained) and leaves the connection usable. A set-returning function in the select list
    // streams; in FROM it would be materialised before the first row.
    seen = 0;
    const auto started = std::chrono::steady_clock::now();
    st = conn.query_each("SELECT generate_series(1, 1000000000)", {}, [&](const Row&) { return ++seen < 10; });
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(seen, 10);
    auto after = conn.query("SELECT 7", {});
    ASSERT_TRUE(after) << after.error().detail;
    EXPECT_EQ(as_int(after->rows.at(0).at(0)), 7);
}

TEST_F(PostgresTest, QueryEachStopInsideTransactionKeepsTransactionAlive) {
    must_exec("CREATE TABLE items (id BIGINT PRIMARY KEY)");
    auto lease = db_->acquire(Access::Write);
    ASSERT_TRUE(lease);
    Connection& conn = **lease;
    ASSERT_TRUE(conn.begin());
    ASSERT_TRUE(conn.execute("INSERT INTO items SELECT g FROM generate_series(1, 1000) g", {}));
    int seen = 0;
    ASSERT_TRUE(conn.query_each("SELECT id FROM items ORDER BY id", {}, [&](const Row&) { return ++seen < 3; }));
    EXPECT_EQ(seen, 3);
    ASSERT_TRUE(conn.execute("INSERT INTO items VALUES ($1)", {std::int64_t{5000}}));
    auto st = conn.commit();
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(count("items"), 1001);
}

TEST_F(PostgresTest, QueryEachReportsErrorsAfterRowsAndSurvivesExceptions) {
    auto lease = db_->acquire(Access::Read);
    ASSERT_TRUE(lease);
    Connection& conn = **lease;
    int seen = 0;
    auto st = conn.query_each("SELECT 10 / (5 - g) FROM generate_series(1, 10) g", {}, [&](const Row&) {
        ++seen;
        return true;
    });
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::Internal);
    EXPECT_NE(st.error().detail.find("division by zero"), std::string::npos) << st.error().detail;

    EXPECT_THROW((void)conn.query_each("SELECT g FROM generate_series(1, 100000) g", {},
                                       [](const Row&) -> bool { throw std::runtime_error("boom"); }),
                 std::runtime_error);
    auto after = conn.query("SELECT 1", {});
    ASSERT_TRUE(after) << after.error().detail;
}

TEST_F(PostgresTest, ExecuteReturnsRowCounts) {
    auto lease = db_->acquire(Access::Write);
    ASSERT_TRUE(lease);
    Connection& conn = **lease;
    auto n = conn.execute("CREATE TABLE counted (id BIGINT PRIMARY KEY, tag TEXT)", {});
    ASSERT_TRUE(n) << n.error().detail;
    EXPECT_EQ(*n, 0);
    n = conn.execute(
        "INSERT INTO counted SELECT g, CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END "
        "FROM generate_series(1, $1::int) g",
        {std::int64_t{9}});
    ASSERT_TRUE(n) << n.error().detail;
    EXPECT_EQ(*n, 9);
    n = conn.execute("UPDATE counted SET tag = $1 WHERE tag = $2", {std::string("pair"), std::string("even")});
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 4);
    n = conn.execute("DELETE FROM counted WHERE id > $1", {std::int64_t{6}});
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 3);
    n = conn.execute("UPDATE counted SET tag = 'x' WHERE id < 0", {});
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 0);
    n = conn.execute("INSERT INTO counted VALUES ($1, $2) RETURNING id", {std::int64_t{100}, Value{}});
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 1);
}

TEST_F(PostgresTest, ReusesPreparedStatementsAndChecksParameterCount) {
    auto lease = db_->acquire(Access::Read);
    ASSERT_TRUE(lease);
    auto* pg = dynamic_cast<PostgresConnection*>(&**lease);
    ASSERT_NE(pg, nullptr);
    const std::size_t before = pg->prepared_count();
    for (std::int64_t i = 0; i < 5; ++i) {
        auto rs = pg->query("SELECT $1::bigint * 2", {i});
        ASSERT_TRUE(rs) << rs.error().detail;
        EXPECT_EQ(as_int(rs->rows.at(0).at(0)), i * 2);
    }
    EXPECT_EQ(pg->prepared_count(), before + 1);
    auto wrong = pg->query("SELECT $1::bigint * 2", {});
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::Internal);
    auto syntax = pg->query("SELEC nonsense", {});
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.error().code, ErrorCode::Internal);
    EXPECT_TRUE(pg->query("SELECT 1", {}));
}

TEST_F(PostgresTest, ConstraintViolationsMapToErrorCodes) {
    must_exec("CREATE TABLE parents (id BIGINT PRIMARY KEY, email TEXT NOT NULL UNIQUE CHECK (email LIKE '%@%'))");
    must_exec("CREATE TABLE children (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parents (id))");
    must_exec("INSERT INTO parents VALUES ($1, $2)", {std::int64_t{1}, std::string("a@example.com")});
    auto lease = db_->acquire(Access::Write);
    ASSERT_TRUE(lease);
    Connection& conn = **lease;

    auto dup = conn.execute("INSERT INTO parents VALUES ($1, $2)", {std::int64_t{2}, std::string("a@example.com")});
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, ErrorCode::Conflict);
    EXPECT_NE(dup.error().detail.find("same unique value already exists"), std::string::npos);

    auto pk = conn.execute("INSERT INTO parents VALUES ($1, $2)", {std::int64_t{1}, std::string("b@example.com")});
    ASSERT_FALSE(pk);
    EXPECT_EQ(pk.error().code, ErrorCode::Conflict);

    auto fk = conn.execute("INSERT INTO children VALUES ($1, $2)", {std::int64_t{1}, std::int64_t{99}});
    ASSERT_FALSE(fk);
    EXPECT_EQ(fk.error().code, ErrorCode::Validation);

    ASSERT_TRUE(conn.execute("INSERT INTO children VALUES (1, 1)", {}));
    auto still_referenced = conn.execute("DELETE FROM parents WHERE id = 1", {});
    ASSERT_FALSE(still_referenced);
    EXPECT_EQ(still_referenced.error().code, ErrorCode::Validation);

    auto not_null = conn.execute("INSERT INTO parents VALUES ($1, $2)", {std::int64_t{3}, Value{}});
    ASSERT_FALSE(not_null);
    EXPECT_EQ(not_null.error().code, ErrorCode::Validation);

    auto check = conn.execute("INSERT INTO parents VALUES ($1, $2)", {std::int64_t{4}, std::string("no-at-sign")});
    ASSERT_FALSE(check);
    EXPECT_EQ(check.error().code, ErrorCode::Validation);

    auto missing = conn.query("SELECT * FROM no_such_table", {});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::Internal);
    EXPECT_NE(missing.error().detail.find("no_such_table"), std::string::npos);
}

TEST_F(PostgresTest, TransactionGuardRollsBackUncommittedWork) {
    must_exec("CREATE TABLE notes (id BIGINT PRIMARY KEY)");
    {
        auto lease = db_->acquire(Access::Write);
        ASSERT_TRUE(lease);
        Transaction tx(**lease);
        ASSERT_TRUE(tx.begin());
        ASSERT_TRUE((*lease)->execute("INSERT INTO notes VALUES (1), (2)", {}));
        // No commit: the guard rolls back.
    }
    EXPECT_EQ(count("notes"), 0);

    auto result = write_transaction(*db_, [](Connection& conn) -> Status {
        RAPPORT_CHECK(conn.execute("INSERT INTO notes VALUES (3)", {}));
        return fail(Error::validation("changed my mind"));
    });
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::Validation);
    EXPECT_EQ(count("notes"), 0);
}

TEST_F(PostgresTest, WriteTransactionCommits) {
    must_exec("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL)");
    auto inserted = write_transaction(*db_, [](Connection& conn) -> Result<std::int64_t> {
        auto a = RAPPORT_TRY(conn.execute("INSERT INTO notes VALUES ($1, $2)", {std::int64_t{1}, std::string("a")}));
        auto b = RAPPORT_TRY(conn.execute("INSERT INTO notes VALUES ($1, $2)", {std::int64_t{2}, std::string("b")}));
        return a + b;
    });
    ASSERT_TRUE(inserted) << inserted.error().detail;
    EXPECT_EQ(*inserted, 2);
    EXPECT_EQ(count("notes"), 2);
}

TEST_F(PostgresTest, CommitAfterSwallowedFailureReportsIt) {
    must_exec("CREATE TABLE notes (id BIGINT PRIMARY KEY)");
    must_exec("INSERT INTO notes VALUES (1)");
    auto result = write_transaction(*db_, [](Connection& conn) -> Status {
        RAPPORT_CHECK(conn.execute("INSERT INTO notes VALUES (2)", {}));
        (void)conn.execute("INSERT INTO notes VALUES (1)", {});  // Conflict, ignored by the body
        return {};
    });
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::Conflict);
    EXPECT_EQ(count("notes"), 1);
}

TEST_F(PostgresTest, LeaseReturnedInsideTransactionIsRolledBack) {
    auto db = open_postgres(url_with_schema(url_, schema_), 1);  // one connection: the next lease reuses it
    ASSERT_TRUE(db) << db.error().detail;
    {
        auto lease = (*db)->acquire(Access::Write);
        ASSERT_TRUE(lease);
        ASSERT_TRUE((*lease)->execute("CREATE TABLE notes (id BIGINT PRIMARY KEY)", {}));
        ASSERT_TRUE((*lease)->begin());
        ASSERT_TRUE((*lease)->execute("INSERT INTO notes VALUES (1)", {}));
    }
    {
        auto lease = (*db)->acquire(Access::Write);
        ASSERT_TRUE(lease);
        ASSERT_TRUE((*lease)->begin());
        EXPECT_FALSE((*lease)->query("SELECT broken syntax here", {}));  // leaves the transaction failed
    }
    auto lease = (*db)->acquire(Access::Read);
    ASSERT_TRUE(lease);
    auto rs = (*lease)->query("SELECT count(*) FROM notes", {});
    ASSERT_TRUE(rs) << rs.error().detail;
    EXPECT_EQ(as_int(rs->rows.at(0).at(0)), 0);
    // Autocommit again: this insert is visible from another pool at once.
    ASSERT_TRUE((*lease)->execute("INSERT INTO notes VALUES (2)", {}));
    EXPECT_EQ(count("notes"), 1);
}

TEST_F(PostgresTest, ReconnectsAfterTheServerDropsTheConnection) {
    auto db = open_postgres(url_with_schema(url_, schema_), 1);
    ASSERT_TRUE(db) << db.error().detail;
    auto terminate_pool_connection = [&] {
        auto lease = (*db)->acquire(Access::Read);
        ASSERT_TRUE(lease);
        const auto pid = as_int((*lease)->query("SELECT pg_backend_pid()", {})->rows.at(0).at(0));
        auto admin = admin_->acquire(Access::Write);
        ASSERT_TRUE(admin);
        ASSERT_TRUE((*admin)->query("SELECT pg_terminate_backend($1::int)", {pid}));
    };

    terminate_pool_connection();
    {
        auto lease = (*db)->acquire(Access::Read);
        ASSERT_TRUE(lease);
        auto lost = (*lease)->query("SELECT 1", {});
        ASSERT_FALSE(lost);
        EXPECT_EQ(lost.error().code, ErrorCode::Unavailable) << lost.error().detail;
        auto again = (*lease)->query("SELECT 2", {});  // PQreset, re-prepare, run
        ASSERT_TRUE(again) << again.error().detail;
        EXPECT_EQ(as_int(again->rows.at(0).at(0)), 2);
    }

    // Inside a transaction the loss is not papered over: the rest of it fails, then the
    // connection recovers once the transaction has ended.
    ASSERT_TRUE((*db)->acquire(Access::Write).value()->execute("CREATE TABLE notes (id BIGINT)", {}));
    {
        auto lease = (*db)->acquire(Access::Write);
        ASSERT_TRUE(lease);
        ASSERT_TRUE((*lease)->begin());
        ASSERT_TRUE((*lease)->execute("INSERT INTO notes VALUES (1)", {}));
        auto admin = admin_->acquire(Access::Write);
        auto pid = as_int((*lease)->query("SELECT pg_backend_pid()", {})->rows.at(0).at(0));
        ASSERT_TRUE((*admin)->query("SELECT pg_terminate_backend($1::int)", {pid}));
        auto lost = (*lease)->execute("INSERT INTO notes VALUES (2)", {});
        ASSERT_FALSE(lost);
        EXPECT_EQ(lost.error().code, ErrorCode::Unavailable);
        auto still_lost = (*lease)->execute("INSERT INTO notes VALUES (3)", {});
        ASSERT_FALSE(still_lost);
        EXPECT_EQ(still_lost.error().code, ErrorCode::Unavailable);
        auto commit = (*lease)->commit();
        ASSERT_FALSE(commit);
        EXPECT_EQ(commit.error().code, ErrorCode::Unavailable);
    }
    auto lease = (*db)->acquire(Access::Read);
    ASSERT_TRUE(lease);
    auto rs = (*lease)->query("SELECT count(*) FROM notes", {});
    ASSERT_TRUE(rs) << rs.error().detail;
    EXPECT_EQ(as_int(rs->rows.at(0).at(0)), 0);
}

TEST_F(PostgresTest, MigrateAppliesEverythingOnceOnAnEmptyDatabase) {
    const auto known = known_migrations(Dialect::Postgres);
    ASSERT_FALSE(known.empty());
    auto first = migrate(*db_);
    ASSERT_TRUE(first) << first.error().detail;
    EXPECT_EQ(first->from_version, 0);
    EXPECT_EQ(first->to_version, known.back().version);
    EXPECT_EQ(first->applied.size(), known.size());
    EXPECT_EQ(count("schema_migrations"), static_cast<std::int64_t>(known.size()));

    auto second = migrate(*db_);
    ASSERT_TRUE(second) << second.error().detail;
    EXPECT_TRUE(second->applied.empty());
    EXPECT_EQ(second->from_version, known.back().version);
    auto version = current_schema_version(*db_);
    ASSERT_TRUE(version);
    EXPECT_EQ(*version, known.back().version);
}

// Several servers starting at once against one database: each migration runs exactly once.
void run_concurrent_migrators(Database& db) {
    const auto known = known_migrations(Dialect::Postgres);
    std::vector<std::thread> threads;
    std::atomic<std::size_t> applied{0};
    std::mutex errors_mutex;
    std::vector<std::string> errors;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&] {
            auto report = migrate(db);
            if (!report) {
                std::lock_guard lock(errors_mutex);
                errors.push_back(std::string(to_string(report.error().code)) + ": " + report.error().detail);
                return;
            }
            applied += report->applied.size();
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_TRUE(errors.empty()) << errors.size()
                                << " migrator(s) failed, first: " << (errors.empty() ? std::string() : errors.front());
    EXPECT_EQ(applied.load(), known.size());
}

TEST_F(PostgresTest, ConcurrentMigratorsApplyEachMigrationOnce) {
    // The ledger exists already (as after any earlier start); see the test below for why.
    ASSERT_TRUE(current_schema_version(*db_));
    run_concurrent_migrators(*db_);
}

// Disabled until src/storage/migrations.cpp takes the advisory lock in current_schema_version
// before CREATE TABLE IF NOT EXISTS schema_migrations: two sessions creating the same table at
// once collide in the catalog (23505 on pg_type_typname_nsp_index), so one migrator fails with
// Conflict when several servers start against a fresh database.
TEST_F(PostgresTest, ConcurrentMigratorsOnAFreshDatabase) {
    run_concurrent_migrators(*db_);
}

TEST_F(PostgresTest, MigrateRefusesANewerSchema) {
    must_exec(
        "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at BIGINT NOT NULL)");
    must_exec("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 0)");
    auto report = migrate(*db_);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::Conflict);
    EXPECT_NE(report.error().detail.find("9999"), std::string::npos);
}

TEST_F(PostgresTest, PoolServesManyThreadsWithinItsLimit) {
    must_exec("CREATE TABLE hits (thread_id BIGINT, n BIGINT)");
    auto db = open_postgres(url_with_schema(url_, schema_), 4);
    ASSERT_TRUE(db) << db.error().detail;
    Database& pool = **db;
    const PoolStats before = pool.stats();
    constexpr int kThreads = 8;
    constexpr int kIterations = 200;
    std::atomic<int> failures{0};
    std::atomic<int> max_seen_in_use{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kIterations; ++i) {
                auto lease = pool.acquire(i % 2 == 0 ? Access::Read : Access::Write);
                if (!lease) {
                    ++failures;
                    continue;
                }
                const int in_use = pool.stats().connections_in_use;
                int seen = max_seen_in_use.load();
                while (in_use > seen && !max_seen_in_use.compare_exchange_weak(seen, in_use)) {
                }
                if (i % 10 == 0) {
                    if (!(*lease)->execute("INSERT INTO hits VALUES ($1, $2)", {std::int64_t{t}, std::int64_t{i}})) {
                        ++failures;
                    }
                } else {
                    auto rs = (*lease)->query("SELECT $1::bigint + $2::bigint", {std::int64_t{t}, std::int64_t{i}});
                    if (!rs || as_int(rs->rows.at(0).at(0)) != t + i) ++failures;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    const PoolStats after = pool.stats();
    EXPECT_LE(after.connections_total, 4);
    EXPECT_GE(after.connections_total, 1);
    EXPECT_EQ(after.connections_in_use, 0);
    EXPECT_LE(max_seen_in_use.load(), 4);
    EXPECT_EQ(after.acquisitions - before.acquisitions, kThreads * kIterations);
    EXPECT_GE(after.waits, before.waits);
    EXPECT_EQ(count("hits"), kThreads * (kIterations / 10));
}

TEST_F(PostgresTest, DatabaseBasics) {
    EXPECT_EQ(db_->dialect(), Dialect::Postgres);
    EXPECT_TRUE(db_->ping());
    auto backup = db_->backup_to("/tmp/rapport.dump");
    ASSERT_FALSE(backup);
    EXPECT_EQ(backup.error().code, ErrorCode::Validation);
    EXPECT_NE(backup.error().detail.find("pg_dump --format=custom --file='/tmp/rapport.dump'"), std::string::npos)
        << backup.error().detail;
    const std::string described = db_->describe();
    EXPECT_EQ(described.rfind("postgres", 0), 0u);
}

TEST_F(PostgresTest, NoticesAreNotPrinted) {
    auto lease = db_->acquire(Access::Write);
    ASSERT_TRUE(lease);
    ::testing::internal::CaptureStderr();
    auto a = (*lease)->execute_script(
        "CREATE TABLE IF NOT EXISTS quiet (id INT); CREATE TABLE IF NOT EXISTS quiet (id INT)");
    auto b = (*lease)->execute_script("DO $$ BEGIN RAISE NOTICE 'a notice'; RAISE WARNING 'a warning'; END $$");
    const std::string printed = ::testing::internal::GetCapturedStderr();
    EXPECT_TRUE(a) << a.error().detail;
    EXPECT_TRUE(b) << b.error().detail;
    EXPECT_EQ(printed, "");
}

// Needs no server: nothing listens on port 1.
TEST(PostgresOpen, UnreachableServerIsUnavailableWithoutThePassword) {
    auto db = open_postgres("postgres://rapport:Hunter2-Very-Secret@127.0.0.1:1/rapport_nowhere", 2);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(db.error().detail.find("Hunter2-Very-Secret"), std::string::npos) << db.error().detail;
    EXPECT_NE(db.error().detail.find("127.0.0.1"), std::string::npos) << db.error().detail;
    EXPECT_NE(db.error().detail.find("port 1"), std::string::npos) << db.error().detail;
    EXPECT_NE(db.error().detail.find("rapport_nowhere"), std::string::npos) << db.error().detail;
}

TEST(PostgresOpen, MalformedUrlIsUnavailableWithoutThePassword) {
    auto db = open_postgres("postgres://rapport:Hunter2%zzSecret@127.0.0.1:notaport/db", 2);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(db.error().detail.find("Hunter2"), std::string::npos) << db.error().detail;
}

TEST_F(PostgresTest, DescribeHidesThePassword) {
    auto db = open_postgres(url_with_schema(url_, schema_) + "&password=AlsoSecret", 1);
    ASSERT_TRUE(db) << db.error().detail;  // trust authentication ignores the password
    const std::string described = (*db)->describe();
    EXPECT_EQ(described.find("AlsoSecret"), std::string::npos) << described;
    EXPECT_NE(described.find("password=***"), std::string::npos) << described;
}

}  // namespace
}  // namespace rapport::storage::postgres
