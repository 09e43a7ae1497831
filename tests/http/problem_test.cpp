#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rapport::http {
namespace {

Error with_fields(std::size_t n) {
    std::vector<FieldError> fields;
    for (std::size_t i = 0; i < n; ++i) fields.push_back({"/k" + std::to_string(i), "unknown field"});
    return Error::validation("person: " + std::to_string(n) + " field(s) need attention", std::move(fields));
}

TEST(Problem, ListsEveryErrorUpToTheCap) {
    const auto res = problem_response(with_fields(kMaxProblemErrors), "/api/v1/people", "r-1");
    const auto body = nlohmann::json::parse(res.body());
    EXPECT_EQ(res.result(), HttpStatus::unprocessable_entity);
    EXPECT_EQ(body["errors"].size(), kMaxProblemErrors);
    EXPECT_FALSE(body.contains("errors_omitted"));
    EXPECT_EQ(body["detail"], "person: 100 field(s) need attention");
}

TEST(Problem, NamesTheLanguageOfALocalizedError) {
    Error e = Error::validation("la richiesta non è valida");
    e.language = "it";
    EXPECT_EQ(problem_response(e, "/x", "r-l").at(beast_http::field::content_language), "it");
    e.language = "pt";  // Brazilian Portuguese
    EXPECT_EQ(problem_response(e, "/x", "r-l").at(beast_http::field::content_language), "pt-BR");
    e.language.clear();  // not localized: no header
    const auto res = problem_response(e, "/x", "r-l");
    EXPECT_EQ(res.find(beast_http::field::content_language), res.end());
}

TEST(Problem, CapsErrorsAndCountsTheRest) {
    const auto res = problem_response(with_fields(200000), "/api/v1/people", "r-2");
    // 200,000 entries would be about 8 MB; the capped answer stays small.
    EXPECT_LT(res.body().size(), 10000u);
    const auto body = nlohmann::json::parse(res.body());
    ASSERT_EQ(body["errors"].size(), kMaxProblemErrors);
    EXPECT_EQ(body["errors"][0]["pointer"], "/k0");
    EXPECT_EQ(body["errors"][99]["pointer"], "/k99");
    EXPECT_EQ(body["errors_omitted"], 199900);
    EXPECT_EQ(body["detail"],
              "person: 200000 field(s) need attention. The first 100 errors are listed; 199900 more were omitted "
              "(errors_omitted).");
}

}  // namespace
}  // namespace rapport::http
