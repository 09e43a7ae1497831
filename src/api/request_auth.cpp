#include "api/request_auth.hpp"

#include "core/crypto.hpp"

namespace rapport::api {

std::string session_cookie(const http::RequestContext& ctx) {
    std::string_view cookies = ctx.header("Cookie");
    const std::string_view name = kSessionCookie;
    while (!cookies.empty()) {
        const auto semi = cookies.find(';');
        std::string_view pair = cookies.substr(0, semi);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=') {
            return std::string(pair.substr(name.size() + 1));
        }
        if (semi == std::string_view::npos) break;
        cookies.remove_prefix(semi + 1);
    }
    return {};
}

Result<domain::Principal> authenticate(const http::RequestContext& ctx, ApiContext& api) {
    const std::string_view authorization = ctx.header("Authorization");
    if (!authorization.empty()) {
        constexpr std::string_view kBearer = "Bearer ";
        if (authorization.size() <= kBearer.size() || authorization.substr(0, kBearer.size()) != kBearer) {
            return fail(Error::localized(ErrorCode::Unauthenticated, "identity.use_bearer"));
        }
        auto principal = RAPPORT_TRY(api.authentication.authenticate(authorization.substr(kBearer.size())));
        ctx.user_language = principal.language;
        return principal;
    }
    const std::string cookie = session_cookie(ctx);
    if (cookie.empty()) {
        return fail(Error::localized(ErrorCode::Unauthenticated, "identity.sign_in_first"));
    }
    auto principal = RAPPORT_TRY(api.authentication.authenticate(cookie));
    ctx.user_language = principal.language;
    const auto verb = ctx.request.method();
    const bool safe = verb == http::Verb::get || verb == http::Verb::head || verb == http::Verb::options;
    if (!safe) {
        const std::string expected = domain::AuthenticationService::csrf_token_for(cookie);
        if (!crypto::constant_time_equal(ctx.header("X-CSRF-Token"), expected)) {
            return fail(Error::localized(ErrorCode::Forbidden, "identity.csrf_token"));
        }
    }
    return principal;
}

}  // namespace rapport::api
