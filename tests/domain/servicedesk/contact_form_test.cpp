#include "domain/servicedesk/contact_form.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "domain/servicedesk/contact_form_limiter.hpp"

namespace rapport::domain::servicedesk {

namespace {

constexpr Id kWs = 7;
constexpr UnixMillis kT0 = 1'700'000'000'000;

class ContactFormTest : public ::testing::Test {
protected:
    void SetUp() override { crypto::initialize(); }

    ContactSubmission submission(UnixMillis issued) const {
        ContactSubmission s;
        s.name = "Ada";
        s.email = "ada@example.com";
        s.message = "My order has not arrived, see https://shop.example.com/orders/1 please";
        s.token = issue_form_token(secret, kWs, issued);
        return s;
    }
    std::string secret = "s3cret";
};

}  // namespace

TEST_F(ContactFormTest, TokensVerifyOnlyForTheirWorkspaceAndSecret) {
    auto token = issue_form_token(secret, kWs, kT0);
    EXPECT_EQ(verify_form_token(secret, kWs, token), kT0);
    EXPECT_EQ(verify_form_token(secret, kWs + 1, token), std::nullopt);
    EXPECT_EQ(verify_form_token("other", kWs, token), std::nullopt);
    auto forged = std::to_string(kT0 - 60'000) + token.substr(token.find('.'));
    EXPECT_EQ(verify_form_token(secret, kWs, forged), std::nullopt);  // an earlier time, same signature
    EXPECT_EQ(verify_form_token(secret, kWs, "garbage"), std::nullopt);
    EXPECT_EQ(verify_form_token("", kWs, token), std::nullopt);
}

TEST_F(ContactFormTest, APersonFillingTheFormPasses) {
    EXPECT_EQ(spam_check(submission(kT0), secret, kWs, kT0 + 20'000), std::nullopt);
}

TEST_F(ContactFormTest, SpamSignsAreCaught) {
    auto s = submission(kT0);
    s.website = "http://spam.example";
    EXPECT_EQ(spam_check(s, secret, kWs, kT0 + 20'000), SpamReason::Honeypot);

    EXPECT_EQ(spam_check(submission(kT0), secret, kWs, kT0 + 2'999), SpamReason::TooFast);
    EXPECT_EQ(spam_check(submission(kT0), secret, kWs, kT0 + 3'000), std::nullopt);
    EXPECT_EQ(spam_check(submission(kT0), secret, kWs, kT0 + kTokenLifetimeMs + 1), SpamReason::BadToken);
    EXPECT_EQ(spam_check(submission(kT0 + 60'000), secret, kWs, kT0), SpamReason::BadToken);  // from the future

    auto no_token = submission(kT0);
    no_token.token.clear();
    EXPECT_EQ(spam_check(no_token, secret, kWs, kT0 + 20'000), SpamReason::MissingToken);

    auto links = submission(kT0);
    links.message =
        "Look at https://a.example and https://b.example and www.c.example, I wrote a long text around "
        "them so they are not most of it, and http://d.example too";
    EXPECT_EQ(spam_check(links, secret, kWs, kT0 + 20'000), SpamReason::TooManyLinks);

    auto mostly = submission(kT0);
    mostly.message = "hi https://cheap-pills.example.com/buy-now-with-discount";
    EXPECT_EQ(spam_check(mostly, secret, kWs, kT0 + 20'000), SpamReason::MostlyLinks);
}

TEST_F(ContactFormTest, LinksAreCounted) {
    EXPECT_EQ(count_links("no links here"), 0);
    EXPECT_EQ(count_links("HTTPS://A.example, http://b.example and www.c.example"), 3);
    EXPECT_FALSE(mostly_links("a normal question with https://x.example/1 inside a longer sentence"));
    EXPECT_TRUE(mostly_links("https://x.example/a-very-long-path-indeed"));
}

TEST_F(ContactFormTest, OriginsAreNormalizedAndMatchedExactly) {
    EXPECT_EQ(normalize_origin("HTTPS://Www.Example.com/"), "https://www.example.com");
    EXPECT_EQ(normalize_origin("http://localhost:8080"), "http://localhost:8080");
    EXPECT_EQ(normalize_origin("https://example.com/contact"), std::nullopt);
    EXPECT_EQ(normalize_origin("example.com"), std::nullopt);
    EXPECT_EQ(normalize_origin("https://"), std::nullopt);
    ContactFormSettings settings;
    settings.allowed_origins = {"https://www.example.com"};
    EXPECT_TRUE(origin_allowed(settings, "https://www.example.com"));
    EXPECT_FALSE(origin_allowed(settings, "https://evil.example.com"));
    EXPECT_FALSE(origin_allowed(settings, "http://www.example.com"));
    EXPECT_FALSE(origin_allowed(settings, "null"));
}

TEST(ContactFormLimiter, LimitsEachAddressThenTheWorkspace) {
    ManualClock clock(kT0);
    ContactFormLimiter::Limits limits;
    limits.per_address = 2;
    limits.address_window_ms = 60'000;
    limits.per_workspace = 3;
    limits.workspace_window_ms = 3'600'000;
    ContactFormLimiter limiter(clock, limits);
    EXPECT_EQ(limiter.admit("10.0.0.1", kWs), std::nullopt);
    EXPECT_EQ(limiter.admit("10.0.0.1", kWs), std::nullopt);
    auto refused = limiter.admit("10.0.0.1", kWs);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->scope, ContactFormLimiter::Refusal::Scope::Address);
    EXPECT_EQ(refused->retry_after_s, 60);
    // The same address on another workspace's form is counted apart.
    EXPECT_EQ(limiter.admit("10.0.0.1", kWs + 1), std::nullopt);
    // Another address still gets in, until the workspace's allowance is spent.
    EXPECT_EQ(limiter.admit("10.0.0.2", kWs), std::nullopt);
    refused = limiter.admit("10.0.0.3", kWs);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->scope, ContactFormLimiter::Refusal::Scope::Workspace);
    // Refused attempts do not count: once the address window passes, the address is back
    // (but the workspace is still full).
    clock.advance_ms(61'000);
    refused = limiter.admit("10.0.0.1", kWs);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->scope, ContactFormLimiter::Refusal::Scope::Workspace);
    EXPECT_EQ(refused->retry_after_s, 3'600 - 61);
    clock.advance_ms(3'600'000);
    EXPECT_EQ(limiter.admit("10.0.0.1", kWs), std::nullopt);
}

}  // namespace rapport::domain::servicedesk
