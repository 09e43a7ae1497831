#include "mail/imap_mailbox_name.hpp"

#include <gtest/gtest.h>

namespace rapport::mail {
namespace {

TEST(ImapMailboxNameTest, EncodesAsRfc3501ModifiedUtf7) {
    EXPECT_EQ(encode_mailbox_name("INBOX"), "INBOX");
    EXPECT_EQ(encode_mailbox_name("Posta in arrivo"), "Posta in arrivo");
    EXPECT_EQ(encode_mailbox_name("Entwürfe"), "Entw&APw-rfe");
    EXPECT_EQ(encode_mailbox_name("Tom & Jerry"), "Tom &- Jerry");
    // RFC 3501's own example: "~peter/mail/台北/日本語"
    EXPECT_EQ(encode_mailbox_name("~peter/mail/\u53F0\u5317/\u65E5\u672C\u8A9E"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    EXPECT_EQ(encode_mailbox_name("Itens Enviados ✉"), "Itens Enviados &Jwk-");
    EXPECT_EQ(encode_mailbox_name("😀"), "&2D3eAA-");  // a surrogate pair
}

TEST(ImapMailboxNameTest, RefusesControlCharactersAndInvalidUtf8) {
    EXPECT_FALSE(encode_mailbox_name("INBOX\r\nA1 DELETE INBOX"));
    EXPECT_FALSE(encode_mailbox_name(std::string("a\0b", 3)));
    EXPECT_FALSE(encode_mailbox_name("\xC3"));
    EXPECT_FALSE(encode_mailbox_name("\xC0\xAF"));  // overlong
}

TEST(ImapMailboxNameTest, DecodesWhatItEncodes) {
    for (const char* name : {"INBOX", "Entwürfe", "Tom & Jerry", "Itens Enviados ✉", "😀 x", "日本語"}) {
        auto wire = encode_mailbox_name(name);
        ASSERT_TRUE(wire) << name;
        EXPECT_EQ(decode_mailbox_name(*wire), name) << *wire;
    }
    EXPECT_EQ(decode_mailbox_name("~peter/mail/&U,BTFw-/&ZeVnLIqe-"), "~peter/mail/\u53F0\u5317/\u65E5\u672C\u8A9E");
    EXPECT_FALSE(decode_mailbox_name("&Jwk"));   // unterminated
    EXPECT_FALSE(decode_mailbox_name("&2D0-"));  // half a surrogate pair
    EXPECT_FALSE(decode_mailbox_name("&*-"));    // not the alphabet
}

}  // namespace
}  // namespace rapport::mail
