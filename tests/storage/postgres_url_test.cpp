// Password handling and SQLSTATE mapping of the PostgreSQL engine. Needs no server.
#include <gtest/gtest.h>

#include <algorithm>

#include "storage/postgres/pg_errors.hpp"
#include "storage/postgres/pg_url.hpp"

namespace rapport::storage::postgres {
namespace {

TEST(PostgresUrl, RedactsTheUserInfoPassword) {
    EXPECT_EQ(redact_url("postgres://rapport:s3cret@db.example:5432/crm"),
              "postgres://rapport:***@db.example:5432/crm");
    EXPECT_EQ(redact_url("postgresql://u:p%40ss@h/db?sslmode=require"), "postgresql://u:***@h/db?sslmode=require");
}

TEST(PostgresUrl, LeavesUrlsWithoutPasswordAlone) {
    EXPECT_EQ(redact_url("postgres://rapport@db:5432/crm"), "postgres://rapport@db:5432/crm");
    EXPECT_EQ(redact_url("postgres://db:5432/crm"), "postgres://db:5432/crm");
    EXPECT_EQ(redact_url("postgres:///crm?host=/var/run/postgresql"), "postgres:///crm?host=/var/run/postgresql");
}

TEST(PostgresUrl, RedactsPasswordQueryParameters) {
    EXPECT_EQ(redact_url("postgres://u@h/db?password=x1&sslmode=disable"),
              "postgres://u@h/db?password=***&sslmode=disable");
    EXPECT_EQ(redact_url("postgres://u:a@h/db?sslmode=disable&password=b"),
              "postgres://u:***@h/db?sslmode=disable&password=***");
}

TEST(PostgresUrl, HidesRawSpecialCharactersInPasswords) {
    // Not valid URIs (these characters should be percent-encoded) but people paste them.
    EXPECT_EQ(redact_url("postgres://u:p@ss/w?rd@h:5432/db"), "postgres://u:***@h:5432/db");
    EXPECT_EQ(redact_url("postgres://u:pw@h/db?application_name=a@b"), "postgres://u:***@h/db?application_name=a@b");
    EXPECT_EQ(redact_url("postgres://u@h/db?password=x&application_name=a@b"),
              "postgres://u@h/db?password=***&application_name=a@b");
}

TEST(PostgresUrl, RedactsKeywordConnectionStrings) {
    EXPECT_EQ(redact_url("host=h dbname=db password=s3cret user=u"), "host=h dbname=db password=*** user=u");
    EXPECT_EQ(redact_url("host=h password = 'with space' user=u"), "host=h password = *** user=u");
}

TEST(PostgresUrl, StripsPasswordsForCommandLines) {
    EXPECT_EQ(strip_password("postgres://rapport:s3cret@db:5432/crm"), "postgres://rapport@db:5432/crm");
    EXPECT_EQ(strip_password("postgres://u@h/db?password=x"), "postgres://u@h/db");
    EXPECT_EQ(strip_password("postgres://u@h/db?password=x&sslmode=require"), "postgres://u@h/db?sslmode=require");
    EXPECT_EQ(strip_password("postgres://u@h/db?sslmode=require&password=x"), "postgres://u@h/db?sslmode=require");
    EXPECT_EQ(strip_password("host=h password=x user=u"), "host=h  user=u");
}

TEST(PostgresUrl, ListsPasswordsRawAndDecoded) {
    const auto secrets = url_passwords("postgres://u:p%40ss@h/db?password=other");
    ASSERT_EQ(secrets.size(), 3u);
    EXPECT_NE(std::find(secrets.begin(), secrets.end(), "p%40ss"), secrets.end());
    EXPECT_NE(std::find(secrets.begin(), secrets.end(), "p@ss"), secrets.end());
    EXPECT_NE(std::find(secrets.begin(), secrets.end(), "other"), secrets.end());
    EXPECT_TRUE(url_passwords("postgres://u@h/db").empty());
    EXPECT_EQ(scrub_secrets("bad token p@ss near p@ss", {"p@ss"}), "bad token *** near ***");
}

TEST(PostgresErrors, MapsSqlstates) {
    EXPECT_EQ(map_sqlstate("23505", "duplicate key", "x").code, ErrorCode::Conflict);
    EXPECT_NE(map_sqlstate("23505", "duplicate key", "x").detail.find("same unique value already exists"),
              std::string::npos);
    EXPECT_EQ(map_sqlstate("23503", "fk", "x").code, ErrorCode::Validation);
    EXPECT_EQ(map_sqlstate("23502", "null", "x").code, ErrorCode::Validation);
    EXPECT_EQ(map_sqlstate("23514", "check", "x").code, ErrorCode::Validation);
    EXPECT_EQ(map_sqlstate("40001", "serialize", "x").code, ErrorCode::Unavailable);
    EXPECT_EQ(map_sqlstate("40P01", "deadlock", "x").code, ErrorCode::Unavailable);
    EXPECT_EQ(map_sqlstate("08006", "connection failure", "x").code, ErrorCode::Unavailable);
    EXPECT_EQ(map_sqlstate("57P01", "admin shutdown", "x").code, ErrorCode::Unavailable);
    EXPECT_EQ(map_sqlstate("53300", "too many connections", "x").code, ErrorCode::Unavailable);
    EXPECT_EQ(map_sqlstate("08P01", "protocol violation", "x").code, ErrorCode::Internal);
    const Error other = map_sqlstate("42P01", "relation \"nope\" does not exist", "statement failed");
    EXPECT_EQ(other.code, ErrorCode::Internal);
    EXPECT_NE(other.detail.find("relation \"nope\" does not exist"), std::string::npos);
    EXPECT_NE(other.detail.find("42P01"), std::string::npos);
}

}  // namespace
}  // namespace rapport::storage::postgres
