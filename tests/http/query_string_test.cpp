#include "http/query_string.hpp"

#include <gtest/gtest.h>

namespace rapport::http {

TEST(QueryString, DecodesEscapesPlusAndRepeatedKeys) {
    auto q = QueryParams::parse("name=Caff%C3%A8+Aurora&tag=a&tag=b&empty=&flag");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->get("name"), "Caffè Aurora");
    EXPECT_EQ(q->get_all("tag"), (std::vector<std::string_view>{"a", "b"}));
    EXPECT_EQ(q->get("empty"), "");
    EXPECT_TRUE(q->has("flag"));
    EXPECT_FALSE(q->has("missing"));
}

TEST(QueryString, RejectsMalformedEscapesAndNul) {
    EXPECT_FALSE(QueryParams::parse("a=%zz"));
    EXPECT_FALSE(QueryParams::parse("a=%4"));
    EXPECT_FALSE(QueryParams::parse("a=%"));
    EXPECT_FALSE(QueryParams::parse("a=%00"));
    // Found by query_string_fuzz: a raw NUL passed where an escaped one was refused.
    EXPECT_FALSE(QueryParams::parse(std::string_view("a=x\0y", 5)));
    EXPECT_FALSE(parse_target(std::string_view("/assets/a\0b", 11)));
    EXPECT_FALSE(percent_decode(std::string_view("\0", 1), false));
    EXPECT_TRUE(QueryParams::parse(""));
    EXPECT_TRUE(QueryParams::parse("&&a=1&&"));
}

TEST(Target, SplitsPathAndQueryAndRefusesTraversal) {
    auto t = parse_target("/api/v1/users%2F1?limit=5");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->path, "/api/v1/users/1");
    EXPECT_EQ(t->query, "limit=5");
    EXPECT_FALSE(parse_target("api/v1"));
    EXPECT_FALSE(parse_target("/assets/../../etc/passwd"));
    EXPECT_FALSE(parse_target("/assets/%2e%2e/secret"));
    EXPECT_TRUE(parse_target("/a..b/c"));
    EXPECT_EQ(percent_decode("a+b", false), "a+b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
}

}  // namespace rapport::http
