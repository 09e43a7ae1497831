#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace rapport {
namespace {

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

TEST(Utf8, CountsCodePointsNotBytes) {
    EXPECT_EQ(code_points(""), 0u);
    EXPECT_EQ(code_points("abc"), 3u);
    EXPECT_EQ(code_points("é"), 1u);                 // 2 bytes
    EXPECT_EQ(code_points("€"), 1u);                 // 3 bytes
    EXPECT_EQ(code_points("\xF0\x9F\x98\x80"), 1u);  // U+1F600, 4 bytes
    EXPECT_EQ(code_points("Conceição"), 9u);
    EXPECT_EQ(code_points(repeat("é", 500)), 500u);
}

TEST(Utf8, InvalidInputNeverCountsMoreThanItsBytes) {
    EXPECT_EQ(code_points("\x80\x80"), 0u);  // stray continuation bytes
    EXPECT_EQ(code_points("\xC3"), 1u);      // a truncated sequence
}

}  // namespace
}  // namespace rapport

namespace rapport {

TEST(Utf8ValidityTest, ValidatesSanitizesAndTruncatesOnBoundaries) {
    EXPECT_TRUE(utf8::is_valid("caffè €"));
    EXPECT_FALSE(utf8::is_valid(std::string("caff\xE8", 5)));      // Latin-1 è
    EXPECT_FALSE(utf8::is_valid(std::string("\xC0\xAF", 2)));      // overlong '/'
    EXPECT_FALSE(utf8::is_valid(std::string("\xED\xA0\x80", 3)));  // a surrogate
    EXPECT_EQ(utf8::sanitize(std::string("a\xE8z", 3)), "a\xEF\xBF\xBDz");
    EXPECT_EQ(utf8::truncate("caffè", 5), "caff");  // never half an è
    EXPECT_EQ(utf8::truncate("caffè", 6), "caffè");
}

}  // namespace rapport
