// Customer messages from any other channel: POST /api/v1/conversations with the channel's
// name (a chat, WhatsApp or social bridge) and the sender's identity. The message is matched
// to a person (or creates one) and threaded like an email; its external id makes a repeated
// delivery harmless.
#include <cctype>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/servicedesk/servicedesk_api.hpp"

namespace rapport::api {

using namespace rapport::domain::servicedesk;
using nlohmann::json;

namespace {

bool valid_channel(const std::string& name) {
    if (name.empty() || name.size() > 40) return false;
    for (unsigned char ch : name) {
        if (!(std::islower(ch) || std::isdigit(ch) || ch == '-' || ch == '_')) return false;
    }
    return name != "email" && name != "note";  // email arrives through mailboxes
}

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

}  // namespace

void register_channel_routes(http::Router& router, ServiceDeskApi& api) {
    router.add(http::Verb::post, "/api/v1/conversations", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        if (!domain::role_at_least(principal.role, domain::Role::Member)) {
            return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.read_only_role",
                                         {{"role", std::string(domain::to_string(principal.role))}}));
        }
        auto body = RAPPORT_TRY(JsonBody::parse(ctx));
        InboundMessage m;
        m.workspace_id = principal.workspace_id;
        m.channel = body.string("channel", true).value_or("");
        if (body.has("channel") && !m.channel.empty() && !valid_channel(m.channel)) {
            body.localized_error("/channel", "servicedesk.channel_invalid");
        }
        m.subject = body.string("subject").value_or("");
        m.text = body.string("body", true).value_or("");
        if (body.has("body") && m.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            body.localized_error("/body", "servicedesk.field_required");
        }
        if (auto id = body.string("external_id"); id && !id->empty()) m.external_id = m.channel + ":" + *id;
        if (auto at = body.integer("occurred_at")) m.occurred_at = *at;
        if (body.has("sender") && body.document()["sender"].is_object()) {
            body.mark_known("sender");
            JsonBody sender(body.document()["sender"]);
            m.sender.name = sender.string("name").value_or("");
            if (auto email = sender.string("email"); email && !email->empty()) m.sender.email = lower(*email);
            if (auto phone = sender.string("phone"); phone && !phone->empty()) m.sender.phone = *phone;
            for (auto& e : sender.take_errors()) {
                e.pointer = "/sender" + e.pointer;
                body.error(std::move(e));
            }
            if (!m.sender.email && !m.sender.phone) body.localized_error("/sender", "servicedesk.sender_required");
        } else {
            body.localized_error("/sender", "servicedesk.sender_required");
        }
        if (auto team = body.string("team_id"); team && !team->empty()) {
            m.team_id = parse_id(*team);
            if (!m.team_id) body.localized_error("/team_id", "common.record_id_invalid");
        }
        RAPPORT_CHECK(body.finish("servicedesk.message_invalid"));
        if (m.subject.empty()) {
            m.subject = m.text.substr(0, std::min<std::size_t>(m.text.find('\n'), 80));
        }
        auto result = RAPPORT_TRY(api.intake.receive(std::move(m)));
        json out{
            {"outcome", result.outcome == IntakeResult::Outcome::Duplicate ? "duplicate" : "stored"},
            {"message_id", result.message_id ? json(id_to_string(result.message_id)) : json(nullptr)},
            {"conversation_id", result.conversation_id ? json(id_to_string(*result.conversation_id)) : json(nullptr)},
            {"person_id", result.person_id ? json(id_to_string(*result.person_id)) : json(nullptr)},
            {"created_conversation", result.created_conversation},
            {"created_person", result.created_person}};
        return ok_json(
            out, result.outcome == IntakeResult::Outcome::Duplicate ? http::HttpStatus::ok : http::HttpStatus::created);
    });
    // The bridges' outbox: the replies of their channel, and their word on each.
    router.add(http::Verb::get, "/api/v1/outbox", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto limit = limit_param(ctx, 50, 500);
        if (!limit) {
            return fail(Error::localized(ErrorCode::Validation, "servicedesk.invalid_parameters", {}, {limit.error()}));
        }
        const std::string channel(ctx.query.get("channel").value_or(""));
        auto queued = RAPPORT_TRY(api.conversations.outbox(principal, channel, *limit));
        json items = json::array();
        for (const auto& m : queued) items.push_back(message_json(m));
        return ok_json({{"items", items}});
    });
    router.add(http::Verb::post, "/api/v1/outbox/{message_id}/delivery",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto message_id = RAPPORT_TRY(path_id(ctx, "message_id", "message"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto delivered = body.boolean("delivered", true);
                   auto error = body.string("error");
                   RAPPORT_CHECK(body.finish("servicedesk.delivery_invalid"));
                   auto m = RAPPORT_TRY(api.conversations.delivered(principal, message_id, delivered.value_or(false),
                                                                    error.value_or("")));
                   return ok_json(message_json(m));
               });
}

}  // namespace rapport::api
