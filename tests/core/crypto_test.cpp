#include "core/crypto.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/ids.hpp"

namespace rapport {

class CryptoTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { crypto::initialize(); }
};

TEST_F(CryptoTest, PasswordsAreHashedWithArgon2idAndVerify) {
    auto hash = crypto::hash_password("correct horse battery");
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(crypto::verify_password(*hash, "correct horse battery"));
    EXPECT_FALSE(crypto::verify_password(*hash, "correct horse battery!"));
    EXPECT_NE(*hash, *crypto::hash_password("correct horse battery"));  // salted
}

TEST_F(CryptoTest, TokensAreRandomUrlSafeAndHashDeterministically) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        auto t = crypto::random_token();
        EXPECT_EQ(t.size(), 43u);
        EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                  std::string::npos);
        EXPECT_TRUE(seen.insert(t).second);
    }
    EXPECT_EQ(crypto::hash_token("abc"), crypto::hash_token("abc"));
    EXPECT_NE(crypto::hash_token("abc"), crypto::hash_token("abd"));
    EXPECT_EQ(crypto::hash_token("abc").size(), 64u);
    EXPECT_TRUE(crypto::constant_time_equal("same", "same"));
    EXPECT_FALSE(crypto::constant_time_equal("same", "sane"));
    EXPECT_FALSE(crypto::constant_time_equal("same", "samey"));
}

TEST_F(CryptoTest, IdsIncreaseAndRoundTrip) {
    Id last = 0;
    for (int i = 0; i < 10000; ++i) {
        Id id = new_id();
        EXPECT_GT(id, last);
        last = id;
    }
    EXPECT_EQ(parse_id(id_to_string(last)), last);
    EXPECT_FALSE(parse_id(""));
    EXPECT_FALSE(parse_id("12a"));
    EXPECT_FALSE(parse_id("-5"));
    EXPECT_FALSE(parse_id("99999999999999999999"));
}

}  // namespace rapport

namespace rapport::crypto {

TEST(Base64Test, RoundTripsAnyBytesAndRefusesNonBase64) {
    const std::string bytes("\x00\xFF\x80mail\r\n", 9);
    const auto text = base64_encode(bytes);
    EXPECT_EQ(base64_encode("Man"), "TWFu");
    EXPECT_EQ(base64_decode(text), bytes);
    EXPECT_EQ(base64_decode(""), "");
    EXPECT_FALSE(base64_decode("not base64!"));
}

}  // namespace rapport::crypto
