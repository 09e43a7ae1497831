// Hostile JSON bodies against the real binary: numbers out of range are a 400 like any
// malformed JSON (never a 500), and a body with very many bad fields gets a small answer.
#include <gtest/gtest.h>

#include <string>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class HostileJsonApiTest : public ApiTest {};

TEST_F(HostileJsonApiTest, NumberOutOfRangeIs400OnLoginWithoutCredentials) {
    auto client = server_->client();
    auto inf = client.request("POST", "/api/v1/auth/login", R"({"email":"a@b.test","n":1e400})",
                              {{"Content-Type", "application/json"}});
    expect_problem(inf, 400);
    EXPECT_NE(inf.json()["detail"].get<std::string>().find("the number at /n (byte 29, 1e400) is out of range"),
              std::string::npos)
        << inf.body;
    auto digits = client.request("POST", "/api/v1/auth/login", R"({"password":)" + std::string(5000, '7') + "}",
                                 {{"Content-Type", "application/json"}});
    expect_problem(digits, 400);
    EXPECT_NE(digits.json()["detail"].get<std::string>().find("the number at /password"), std::string::npos)
        << digits.body;
    EXPECT_LT(digits.body.size(), 1000u);
}

TEST_F(HostileJsonApiTest, NumberOutOfRangeIs400OnAnAuthenticatedEndpoint) {
    auto owner = owner_of(acme_);
    auto res = owner.request("POST", "/api/v1/teams", R"({"name":"x","kind":"sales","extra":[1,-1e999]})",
                             {{"Content-Type", "application/json"}});
    expect_problem(res, 400);
    EXPECT_NE(res.json()["detail"].get<std::string>().find("at /extra/1"), std::string::npos) << res.body;
}

TEST_F(HostileJsonApiTest, AnIntegerAboveInt64IsAFieldErrorNotAWrappedValue) {
    auto owner = owner_of(acme_);
    // 2^64-1 parses (as unsigned) but used to wrap to -1 when read as a 64-bit integer.
    auto res = owner.request("POST", "/api/v1/interactions",
                             R"({"kind":"task","minutes_spent":18446744073709551615,"due_at":18446744073709551615})",
                             {{"Content-Type", "application/json"}});
    expect_problem(res, 422);
    EXPECT_TRUE(has_error_at(res, "/due_at")) << res.body;
    bool named = false;
    const auto problem = res.json();
    for (const auto& e : problem["errors"]) {
        if (e["pointer"] == "/minutes_spent")
            named = e["detail"] == "must be an integer no larger than 9223372036854775807";
    }
    EXPECT_TRUE(named) << res.body;
}

TEST_F(HostileJsonApiTest, ManyUnknownFieldsGetACappedErrorList) {
    std::string body = R"({"name":"t")";
    body.reserve(2'500'000);
    for (int i = 0; i < 200000; ++i) body += ",\"k" + std::to_string(i) + "\":0";
    body += "}";
    auto owner = owner_of(acme_);
    auto res = owner.request("POST", "/api/v1/teams", body, {{"Content-Type", "application/json"}});
    expect_problem(res, 422);
    EXPECT_LT(res.body.size(), 20000u) << "a " << body.size() << "-byte body got a " << res.body.size()
                                       << "-byte answer";
    const auto problem = res.json();
    ASSERT_EQ(problem["errors"].size(), 100u);
    const auto omitted = problem["errors_omitted"].get<long>();
    EXPECT_GE(omitted, 199900);  // 200,000 unknown fields, plus any required one missing, less the 100 listed
    EXPECT_NE(problem["detail"].get<std::string>().find("The first 100 errors are listed; " + std::to_string(omitted) +
                                                        " more were omitted"),
              std::string::npos)
        << problem["detail"];
}

}  // namespace rapport::testing
