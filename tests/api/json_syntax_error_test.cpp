#include "api/json_syntax_error.hpp"

#include <gtest/gtest.h>

#include <string>

namespace rapport::api {
namespace {

TEST(JsonSyntaxError, ValidJsonHasNone) {
    EXPECT_FALSE(find_json_error(R"({"a":[1,2.5,-3e10,18446744073709551615],"b":{"c":null}})"));
    EXPECT_FALSE(find_json_error("1e-400"));  // underflows to 0, which fits
}

TEST(JsonSyntaxError, NumberOutOfRangeNamesItsPointerAndByte) {
    const auto e = find_json_error(R"({"n":1e400})");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->pointer, "/n");
    EXPECT_EQ(e->byte, 10u);
    EXPECT_EQ(e->detail,
              "the number at /n (byte 10, 1e400) is out of range: send numbers that fit in a 64-bit integer or a "
              "double");
}

TEST(JsonSyntaxError, AHugeIntegerIsShortenedInTheDetail) {
    const auto e = find_json_error(R"({"a":{"b~/c":[0, 1, )" + std::string(5000, '9') + "]}}");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->pointer, "/a/b~0~1c/2");
    EXPECT_NE(e->detail.find("out of range"), std::string::npos);
    EXPECT_LT(e->detail.size(), 200u);
}

TEST(JsonSyntaxError, SyntaxErrorsSayWhere) {
    const auto e = find_json_error(R"({"name": "x",)");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->detail, "the body is not valid JSON: error at byte 14");
    const auto inner = find_json_error(R"({"a": {"b": [1, 2], "c": tru}})");
    ASSERT_TRUE(inner);
    EXPECT_EQ(inner->pointer, "/a/c");
    const auto after = find_json_error(R"({"a": {"b": [1, 2] "c": 1}})");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->pointer, "/a");
    const auto top = find_json_error("");
    ASSERT_TRUE(top);
    EXPECT_EQ(top->pointer, "");
    EXPECT_EQ(top->detail, "the body is not valid JSON: error at byte 1");
}

}  // namespace
}  // namespace rapport::api
