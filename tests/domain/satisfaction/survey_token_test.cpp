// Signed survey links: a token proves itself with the workspace's key, expires after its time,
// and refuses any change (of the survey, the workspace, the expiry, the kind or the tag).
#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/message_auth.hpp"
#include "domain/satisfaction/survey_token.hpp"

namespace rapport::domain::satisfaction {
namespace {

class SurveyTokenTest : public ::testing::Test {
protected:
    void SetUp() override { crypto::initialize(); }
    const std::string key_ = crypto::new_auth_key();
    const SurveyRef ref_{SurveyKind::Csat, 7001, 123456789, 2'000'000'000'000};
};

TEST_F(SurveyTokenTest, ASignedTokenReadsBackAndIsValidBeforeItExpires) {
    const auto token = sign_survey_token(ref_, key_);
    const auto read = read_survey_token(token);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->kind, SurveyKind::Csat);
    EXPECT_EQ(read->workspace_id, 7001);
    EXPECT_EQ(read->survey_id, 123456789);
    EXPECT_EQ(read->expires_at, 2'000'000'000'000);
    EXPECT_EQ(check_survey_token(token, key_, ref_.expires_at - 1), TokenCheck::Valid);
    EXPECT_EQ(token.find_first_of("/?#&= +"), std::string::npos) << "a link carries it unescaped: " << token;
}

TEST_F(SurveyTokenTest, ExpiresAtItsTime) {
    const auto token = sign_survey_token(ref_, key_);
    EXPECT_EQ(check_survey_token(token, key_, ref_.expires_at), TokenCheck::Expired);
    EXPECT_EQ(check_survey_token(token, key_, ref_.expires_at + 86'400'000), TokenCheck::Expired);
}

TEST_F(SurveyTokenTest, AnotherKeyDoesNotVerifyIt) {
    const auto token = sign_survey_token(ref_, key_);
    EXPECT_EQ(check_survey_token(token, crypto::new_auth_key(), 0), TokenCheck::Tampered);
}

TEST_F(SurveyTokenTest, EveryChangedPartIsRefused) {
    const auto token = sign_survey_token(ref_, key_);
    auto with = [&](SurveyRef changed) {
        // The signed part of another survey, carrying this token's tag.
        const auto tag = token.substr(token.rfind('.') + 1);
        const auto other = sign_survey_token(changed, key_);
        return other.substr(0, other.rfind('.') + 1) + tag;
    };
    SurveyRef r = ref_;
    r.survey_id += 1;
    EXPECT_EQ(check_survey_token(with(r), key_, 0), TokenCheck::Tampered);
    r = ref_;
    r.workspace_id += 1;
    EXPECT_EQ(check_survey_token(with(r), key_, 0), TokenCheck::Tampered);
    r = ref_;
    r.expires_at += 1000;
    EXPECT_EQ(check_survey_token(with(r), key_, 0), TokenCheck::Tampered);
    r = ref_;
    r.kind = SurveyKind::Nps;
    EXPECT_EQ(check_survey_token(with(r), key_, 0), TokenCheck::Tampered);
    // One character of the tag changed.
    std::string flipped = token;
    flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
    EXPECT_EQ(check_survey_token(flipped, key_, 0), TokenCheck::Tampered);
}

TEST_F(SurveyTokenTest, TextThatIsNotATokenIsMalformed) {
    for (const std::string bad : {"", "c", "c.1.2.3", "x.1.2.3.tag", "c.1.2.3.", "c.01.2.3.tag", "c.1.-2.3.tag",
                                  "c.1.2.3.tag.more", "c.a.2.3.tag"}) {
        EXPECT_FALSE(read_survey_token(bad)) << bad;
        EXPECT_EQ(check_survey_token(bad, key_, 0), TokenCheck::Malformed) << bad;
    }
}

TEST_F(SurveyTokenTest, TagsAreDeterministicAndKeyed) {
    EXPECT_EQ(crypto::auth_tag(key_, "m"), crypto::auth_tag(key_, "m"));
    EXPECT_NE(crypto::auth_tag(key_, "m"), crypto::auth_tag(key_, "n"));
    EXPECT_TRUE(crypto::verify_auth_tag(key_, "m", crypto::auth_tag(key_, "m")));
    EXPECT_FALSE(crypto::verify_auth_tag(key_, "m", "not-a-tag"));
}

}  // namespace
}  // namespace rapport::domain::satisfaction
