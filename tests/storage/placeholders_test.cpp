#include "storage/sqlite/placeholders.hpp"

#include <gtest/gtest.h>

using rapport::storage::sqlite::rewrite_placeholders;

TEST(SqlitePlaceholders, ParametersInOrderBecomePlainQuestionMarks) {
    EXPECT_EQ(rewrite_placeholders("INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"),
              "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)");
    EXPECT_EQ(rewrite_placeholders("SELECT 1"), "SELECT 1");
}

TEST(SqlitePlaceholders, ReusedOrReorderedParametersKeepTheirNumbers) {
    EXPECT_EQ(rewrite_placeholders("UPDATE t SET a = $2 WHERE id = $1"), "UPDATE t SET a = ?2 WHERE id = ?1");
    EXPECT_EQ(rewrite_placeholders("SELECT * FROM t WHERE ($1 IS NULL OR a < $1) LIMIT $2"),
              "SELECT * FROM t WHERE (?1 IS NULL OR a < ?1) LIMIT ?2");
    EXPECT_EQ(rewrite_placeholders("SELECT $1, $10, $2"), "SELECT ?1, ?10, ?2");
}

TEST(SqlitePlaceholders, QuotedTextAndCommentsAreLeftAlone) {
    EXPECT_EQ(rewrite_placeholders("SELECT '$1', \"$2\", $1 -- $2\n"), "SELECT '$1', \"$2\", ? -- $2\n");
    EXPECT_EQ(rewrite_placeholders("SELECT 'it''s $1', $1, $3"), "SELECT 'it''s $1', ?1, ?3");
}
