#include "domain/identity/login_throttle.hpp"

#include <gtest/gtest.h>

namespace rapport::domain {

namespace {

using Scope = LoginThrottle::Refusal::Scope;

LoginThrottle::Limits limits() {
    LoginThrottle::Limits l;
    l.window_ms = 60'000;
    return l;
}

}  // namespace

TEST(LoginThrottle, StopsTheGuessingAddressForTheWindow) {
    ManualClock clock(1'000'000);
    LoginThrottle t(clock, limits());
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(t.check("a@x.test", "1.1.1.1"));
        t.record_failure("a@x.test", "1.1.1.1");
    }
    auto refused = t.check("a@x.test", "1.1.1.1");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->scope, Scope::Address);
    EXPECT_EQ(refused->retry_after_s, 60);
    clock.advance_ms(60'000);
    EXPECT_FALSE(t.check("a@x.test", "1.1.1.1"));
}

TEST(LoginThrottle, AGuesserElsewhereDoesNotLockTheUserOut) {
    ManualClock clock(1'000'000);
    LoginThrottle t(clock, limits());
    for (int i = 0; i < 5; ++i) t.record_failure("a@x.test", "6.6.6.6");
    EXPECT_TRUE(t.check("a@x.test", "6.6.6.6"));
    EXPECT_FALSE(t.check("a@x.test", "2.2.2.2"));  // the user, from home
    EXPECT_FALSE(t.check("b@x.test", "6.6.6.6"));  // another account from the same address, for now
}

TEST(LoginThrottle, LimitsOneAddressSprayingManyEmails) {
    ManualClock clock(0);
    LoginThrottle t(clock, limits());
    for (int i = 0; i < 20; ++i) t.record_failure("user" + std::to_string(i) + "@x.test", "6.6.6.6");
    auto refused = t.check("fresh@x.test", "6.6.6.6");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->scope, Scope::Address);
    EXPECT_FALSE(t.check("fresh@x.test", "7.7.7.7"));
}

TEST(LoginThrottle, ManyAddressesGetAProgressiveBoundedDelayOnTheAccount) {
    ManualClock clock(0);
    LoginThrottle t(clock, limits());
    t.record_success("a@x.test", "10.0.0.1");  // the user's usual address
    for (int i = 0; i < 10; ++i) t.record_failure("a@x.test", "6.6.6." + std::to_string(i));
    EXPECT_FALSE(t.check("a@x.test", "6.6.7.1"));  // the first ten are free
    t.record_failure("a@x.test", "6.6.7.1");
    auto refused = t.check("a@x.test", "6.6.7.2");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->scope, Scope::Account);
    EXPECT_EQ(refused->retry_after_s, 1);
    clock.advance_ms(1000);
    EXPECT_FALSE(t.check("a@x.test", "6.6.7.2"));
    t.record_failure("a@x.test", "6.6.7.2");
    EXPECT_EQ(t.check("a@x.test", "6.6.7.3")->retry_after_s, 2);
    for (int i = 0; i < 20; ++i) t.record_failure("a@x.test", "6.6.8." + std::to_string(i));
    EXPECT_EQ(t.check("a@x.test", "6.6.7.3")->retry_after_s, 60);  // bounded
    // The user's usual address is not slowed down, and a new one waits at most the cap.
    EXPECT_FALSE(t.check("a@x.test", "10.0.0.1"));
    clock.advance_ms(60'000);
    EXPECT_FALSE(t.check("a@x.test", "10.0.0.2"));
}

TEST(LoginThrottle, ASuccessClearsThePairButNotTheAddressCount) {
    ManualClock clock(0);
    LoginThrottle t(clock, limits());
    for (int i = 0; i < 4; ++i) t.record_failure("a@x.test", "1.1.1.1");
    t.record_success("a@x.test", "1.1.1.1");
    for (int i = 0; i < 4; ++i) t.record_failure("a@x.test", "1.1.1.1");
    EXPECT_FALSE(t.check("a@x.test", "1.1.1.1"));
    // A guesser signing in to their own account between sprays keeps their address count.
    for (int i = 0; i < 12; ++i) t.record_failure("v" + std::to_string(i) + "@x.test", "1.1.1.1");
    t.record_success("mine@x.test", "1.1.1.1");
    EXPECT_TRUE(t.check("w@x.test", "1.1.1.1"));
}

TEST(LoginThrottle, GoodAddressesAreForgottenAfterTheirTime) {
    ManualClock clock(0);
    auto l = limits();
    l.remember_good_ms = 10'000;
    LoginThrottle t(clock, l);
    t.record_success("a@x.test", "10.0.0.1");
    clock.advance_ms(10'000);
    for (int i = 0; i < 11; ++i) t.record_failure("a@x.test", "6.6.6." + std::to_string(i));
    EXPECT_TRUE(t.check("a@x.test", "10.0.0.1"));
}

TEST(LoginThrottle, MemoryBoundDropsExpiredEntriesFirst) {
    ManualClock clock(0);
    auto l = limits();
    l.max_entries = 100;
    LoginThrottle t(clock, l);
    // Three entries per failure (pair, address, email): 90 entries, then expired.
    for (int i = 0; i < 30; ++i) t.record_failure("u" + std::to_string(i) + "@x.test", "6.6.6." + std::to_string(i));
    clock.advance_ms(60'000);
    for (int i = 0; i < 5; ++i) t.record_failure("a@x.test", "1.1.1.1");
    for (int i = 0; i < 10; ++i) t.record_failure("v" + std::to_string(i) + "@x.test", "7.7.7." + std::to_string(i));
    EXPECT_TRUE(t.check("a@x.test", "1.1.1.1"));  // the live lock survived the sweep
}

}  // namespace rapport::domain
