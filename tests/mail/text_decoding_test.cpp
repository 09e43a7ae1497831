// The charset repairs of decode_text (mail/text_decoding.hpp).
#include "mail/text_decoding.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mail/mail_library.hpp"
#include "mail/parsed_mail.hpp"

namespace rapport::mail {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class TextDecodingTest : public ::testing::Test {
protected:
    void SetUp() override { ensure_mail_libraries(); }
    std::vector<std::string> warnings;
};

TEST_F(TextDecodingTest, DeclaredCharsetsAreConverted) {
    EXPECT_EQ(decode_text("perch\xE9", "ISO-8859-1", warnings), "perché");
    EXPECT_EQ(decode_text("\xA4 5", "iso-8859-15", warnings), "€ 5");
    EXPECT_EQ(decode_text("\x80 5", "windows-1252", warnings), "€ 5");
    EXPECT_EQ(decode_text("\xEF\xF0\xE8\xE2\xE5\xF2", "windows-1251", warnings), "привет");
    EXPECT_EQ(decode_text("\x1B$B$3$s$K$A$O\x1B(B", "iso-2022-jp", warnings), "こんにちは");  // 7-bit, not ASCII
    EXPECT_EQ(decode_text("già", "utf-8", warnings), "già");
    EXPECT_THAT(warnings, IsEmpty());
}

TEST_F(TextDecodingTest, Latin1LabelOnWindows1252BytesAndLatin1Aliases) {
    EXPECT_EQ(decode_text("\x93s\xEC\x94", "latin1", warnings), "“sì”");
    EXPECT_THAT(warnings, ElementsAre("declared charset latin1 decoded as windows-1252"));
}

TEST_F(TextDecodingTest, EightBitTextWithoutACharset) {
    EXPECT_EQ(decode_text("gi\xC3\xA0", "", warnings), "già");
    EXPECT_EQ(decode_text("gi\xE0", "us-ascii", warnings), "già");
    EXPECT_THAT(warnings, ElementsAre("no charset: 8-bit text decoded as utf-8",
                                      "declared charset us-ascii decoded as windows-1252"));
}

TEST_F(TextDecodingTest, UnknownCharsetsAndInvalidUtf8) {
    EXPECT_EQ(decode_text("gi\xE0", "x-no-such-charset", warnings), "già");
    EXPECT_EQ(decode_text("ok \xC3\xA0 \xFF end", "utf-8", warnings), "ok à \xEF\xBF\xBD end");
    EXPECT_THAT(warnings, ElementsAre("unknown charset x-no-such-charset decoded as windows-1252",
                                      "declared charset utf-8: invalid UTF-8 bytes replaced"));
    EXPECT_EQ(valid_utf8("a\xC3"), "a\xEF\xBF\xBD");
}

TEST_F(TextDecodingTest, NulBytesBecomeReplacementCharacters) {
    using namespace std::string_literals;
    EXPECT_EQ(decode_text("a\0b"s, "us-ascii", warnings),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(decode_text("gi\xC3\xA0\0"s, "", warnings), "già\xEF\xBF\xBD");  // still read as UTF-8
    EXPECT_EQ(decode_text("\xE0\0"s, "iso-8859-1", warnings), "à\xEF\xBF\xBD");
}

TEST_F(TextDecodingTest, RawEightBitHeadersFallBackToWindows1252) {
    std::string raw =
        "From: Andr\xE9 <andre@example.com>\nSubject: Perch\xE9 \x80 9\nMessage-ID: <h@example.com>\n\nx\n";
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail) << mail.error().detail;
    EXPECT_EQ(mail->subject, "Perché € 9");
    ASSERT_TRUE(mail->from);
    EXPECT_EQ(mail->from->name, "André");
    EXPECT_THAT(mail->warnings, ::testing::Contains("header Subject has unencoded 8-bit characters"));
}

}  // namespace
}  // namespace rapport::mail
