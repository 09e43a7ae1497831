// The router and problem mapping, without sockets.
#include "http/router.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/problem.hpp"

namespace rapport::http {

namespace {
Request make(Verb verb, std::string target) {
    Request r{verb, target, 11};
    return r;
}
PeerInfo peer{"127.0.0.1", false};
}  // namespace

TEST(Router, MatchesTemplatesAndCapturesParams) {
    Router router;
    router.add(Verb::get, "/api/v1/teams/{id}/members/{user}", [](RequestContext& ctx) -> Result<Response> {
        return json_response(HttpStatus::ok, std::string(ctx.param("id")) + "," + std::string(ctx.param("user")));
    });
    auto res = router.handle(make(Verb::get, "/api/v1/teams/7/members/9"), peer, "r1");
    EXPECT_EQ(res.result(), HttpStatus::ok);
    EXPECT_EQ(res.body(), "7,9");
    EXPECT_EQ(res["X-Request-Id"], "r1");
}

TEST(Router, ALiteralSegmentWinsOverACaptureWhateverTheOrder) {
    Router router;
    router.add(Verb::get, "/things/{id}", [](RequestContext& ctx) -> Result<Response> {
        return json_response(HttpStatus::ok, "id " + std::string(ctx.param("id")));
    });
    router.add(Verb::get, "/things/export",
               [](RequestContext&) -> Result<Response> { return json_response(HttpStatus::ok, "export"); });
    EXPECT_EQ(router.handle(make(Verb::get, "/things/export"), peer, "r").body(), "export");
    EXPECT_EQ(router.handle(make(Verb::get, "/things/7"), peer, "r").body(), "id 7");
}

TEST(Router, Answers404And405WithAllow) {
    Router router;
    auto ok = [](RequestContext&) -> Result<Response> { return json_response(HttpStatus::ok, "{}"); };
    router.add(Verb::get, "/things", ok);
    router.add(Verb::post, "/things", ok);
    auto missing = router.handle(make(Verb::get, "/nothing"), peer, "r");
    EXPECT_EQ(missing.result(), HttpStatus::not_found);
    EXPECT_EQ(missing[beast_http::field::content_type], "application/problem+json");
    auto wrong = router.handle(make(Verb::delete_, "/things"), peer, "r");
    EXPECT_EQ(wrong.result(), HttpStatus::method_not_allowed);
    EXPECT_EQ(wrong[beast_http::field::allow], "GET, POST");
    // HEAD is served by the GET route.
    EXPECT_EQ(router.handle(make(Verb::head, "/things"), peer, "r").result(), HttpStatus::ok);
}

TEST(Router, HandlerErrorsAndExceptionsBecomeProblems) {
    Router router;
    router.add(Verb::get, "/invalid", [](RequestContext&) -> Result<Response> {
        return fail(Error::validation("bad", {{"/name", "required"}}));
    });
    router.add(Verb::get, "/boom", [](RequestContext&) -> Result<Response> { throw std::runtime_error("kaboom"); });
    auto invalid = router.handle(make(Verb::get, "/invalid"), peer, "r2");
    EXPECT_EQ(invalid.result(), HttpStatus::unprocessable_entity);
    auto body = nlohmann::json::parse(invalid.body());
    EXPECT_EQ(body["errors"][0]["pointer"], "/name");
    EXPECT_EQ(body["instance"], "/invalid");
    EXPECT_EQ(body["request_id"], "r2");
    auto boom = router.handle(make(Verb::get, "/boom"), peer, "r3");
    EXPECT_EQ(boom.result(), HttpStatus::internal_server_error);
    EXPECT_EQ(nlohmann::json::parse(boom.body())["detail"].get<std::string>().find("kaboom"), std::string::npos);
}

TEST(Problem, EveryErrorCodeMapsToAStatusTypeAndTitle) {
    const std::vector<std::pair<ErrorCode, unsigned>> table = {{ErrorCode::BadRequest, 400},
                                                               {ErrorCode::Validation, 422},
                                                               {ErrorCode::NotFound, 404},
                                                               {ErrorCode::Conflict, 409},
                                                               {ErrorCode::PreconditionFailed, 412},
                                                               {ErrorCode::Unauthenticated, 401},
                                                               {ErrorCode::Forbidden, 403},
                                                               {ErrorCode::PayloadTooLarge, 413},
                                                               {ErrorCode::RateLimited, 429},
                                                               {ErrorCode::Unavailable, 503},
                                                               {ErrorCode::Internal, 500}};
    for (const auto& [code, status] : table) {
        auto pt = problem_type(code);
        EXPECT_EQ(static_cast<unsigned>(pt.status), status) << to_string(code);
        EXPECT_FALSE(pt.type.empty());
        EXPECT_FALSE(pt.title.empty());
    }
    auto res = problem_response(Error::unauthenticated("sign in"), "/x", "id");
    EXPECT_EQ(res[beast_http::field::www_authenticate], "Bearer");
}

TEST(Metrics, RendersCountersAndCumulativeHistogram) {
    MetricsRegistry registry;
    auto* m = registry.add_route("GET", "/x");
    m->observe(200, 0.0002);
    m->observe(500, 0.02);
    const auto text = registry.render();
    EXPECT_NE(text.find("rapport_http_requests_total{method=\"GET\",route=\"/x\",code=\"2xx\"} 1"), std::string::npos);
    EXPECT_NE(text.find("rapport_http_requests_total{method=\"GET\",route=\"/x\",code=\"5xx\"} 1"), std::string::npos);
    EXPECT_NE(text.find("le=\"0.00025\"} 1"), std::string::npos);
    EXPECT_NE(text.find("le=\"+Inf\"} 2"), std::string::npos);
}

}  // namespace rapport::http

namespace rapport::http {

TEST(Router, TheErrorFilterSeesTheRequestBeforeTheProblemIsWritten) {
    Router router;
    router.add(Verb::get, "/things", [](RequestContext&) -> Result<Response> {
        return fail(Error::validation("bad", {{"/sort", "cannot sort on that"}}));
    });
    router.set_error_filter([](const RequestContext& ctx, Error& error) {
        for (auto& f : error.fields) {
            if (ctx.query.has("sort")) f.pointer = "?sort";
        }
    });
    auto res = router.handle(make(Verb::get, "/things?sort=x"), peer, "r");
    EXPECT_EQ(res.result(), HttpStatus::unprocessable_entity);
    auto body = nlohmann::json::parse(res.body());
    EXPECT_EQ(body["errors"][0]["pointer"], "?sort");
    auto unfiltered = router.handle(make(Verb::get, "/things"), peer, "r");
    EXPECT_EQ(nlohmann::json::parse(unfiltered.body())["errors"][0]["pointer"], "/sort");
}

}  // namespace rapport::http
