// The inbox: GET /api/v1/conversations (views), /conversations/counts, a conversation with its
// thread, and the agents' work on it (PATCH, replies, notes, no-reply, replying, merge, split,
// retry), attachments and message sources.
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/servicedesk/servicedesk_api.hpp"

namespace rapport::api {

using namespace rapport::domain::servicedesk;
using nlohmann::json;

namespace {

json opt_id(const std::optional<Id>& v) {
    return v ? json(id_to_string(*v)) : json(nullptr);
}
json opt_ms(const std::optional<UnixMillis>& v) {
    return v ? json(*v) : json(nullptr);
}
json opt_str(const std::optional<std::string>& v) {
    return v ? json(*v) : json(nullptr);
}

std::string allowed_list(std::initializer_list<std::string_view> names) {
    std::string out;
    for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

Result<ConversationService::ListRequest> read_list_request(const http::RequestContext& ctx) {
    ConversationService::ListRequest in;
    std::vector<FieldError> errors;
    if (auto limit = limit_param(ctx, 50, 200)) {
        in.limit = *limit;
    } else {
        errors.push_back(limit.error());
    }
    if (auto view = ctx.query.get("view"); view && !view->empty()) {
        if (auto v = parse_inbox_view(*view)) {
            in.view = *v;
        } else {
            errors.push_back(FieldError::localized("?view", "servicedesk.invalid_view"));
        }
    }
    if (auto team = ctx.query.get("team"); team && !team->empty()) {
        if (auto id = parse_id(*team)) {
            in.team_id = *id;
        } else {
            errors.push_back(FieldError::localized("?team", "common.record_id_invalid"));
        }
    }
    if (auto cursor = ctx.query.get("cursor"); cursor && !cursor->empty()) {
        in.after = parse_inbox_cursor(*cursor);
        if (!in.after) errors.push_back(FieldError::localized("?cursor", "common.cursor_invalid"));
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "servicedesk.invalid_parameters", {}, std::move(errors)));
    }
    return in;
}

// An optional enum member: absent, null (when `nullable`) or one of the names.
template <class E, class Parse>
std::optional<std::optional<E>> enum_member(JsonBody& body, const std::string& key, Parse parse, bool nullable,
                                            std::initializer_list<std::string_view> names) {
    if (!body.has(key)) return std::nullopt;
    body.mark_known(key);
    const json& v = body.document()[key];
    if (v.is_null() && nullable) return std::optional<E>{};
    if (v.is_string()) {
        if (auto e = parse(v.get<std::string>())) return std::optional<E>{*e};
    }
    body.localized_error("/" + key, "servicedesk.invalid_value", {{"allowed", allowed_list(names)}});
    return std::nullopt;
}

std::optional<std::optional<Id>> id_member(JsonBody& body, const std::string& key) {
    if (!body.has(key)) return std::nullopt;
    body.mark_known(key);
    const json& v = body.document()[key];
    if (v.is_null()) return std::optional<Id>{};
    if (v.is_string()) {
        if (auto id = parse_id(v.get<std::string>())) return std::optional<Id>{*id};
    }
    body.localized_error("/" + key, "common.record_id_invalid");
    return std::nullopt;
}

Result<Id> required_id(JsonBody& body, const std::string& key) {
    auto id = id_member(body, key);
    if (!id || !*id) {
        if (!body.has(key)) body.localized_error("/" + key, "servicedesk.field_required");
        return Id{0};
    }
    return **id;
}

}  // namespace

json conversation_summary_json(const ConversationRow& row, UnixMillis now) {
    const auto& c = row.conversation;
    json tags = json::array();
    for (const auto& t : c.tags) tags.push_back(t);
    auto state = sla_state(c, now);
    return {{"id", id_to_string(c.conversation_id)},
            {"number", c.number},
            {"subject", c.subject},
            {"status", to_string(c.status)},
            {"priority", to_string(c.priority)},
            {"topic", c.topic ? json(to_string(*c.topic)) : json(nullptr)},
            {"channel", c.channel},
            {"mailbox_id", opt_id(c.mailbox_id)},
            {"team_id", opt_id(c.team_id)},
            {"assignee_user_id", opt_id(c.assignee_user_id)},
            {"assignee_name", c.assignee_user_id ? json(row.assignee_name) : json(nullptr)},
            {"person", row.person ? json{{"id", id_to_string(row.person->id)},
                                         {"name", row.person->name},
                                         {"email", opt_str(row.person->email)}}
                                  : json(nullptr)},
            {"company",
             row.company ? json{{"id", id_to_string(row.company->id)}, {"name", row.company->name}} : json(nullptr)},
            {"tags", tags},
            {"awaiting_since", opt_ms(c.awaiting_since)},
            {"last_message_at", c.last_message_at},
            {"preview", row.preview},
            {"first_response_at", opt_ms(c.first_response_at)},
            {"first_response_due_at", opt_ms(c.first_response_due_at)},
            {"next_response_due_at", opt_ms(c.next_response_due_at)},
            {"resolution_due_at", opt_ms(c.resolution_due_at)},
            {"sla_due_at", opt_ms(c.sla_due_at)},
            {"sla_state", state ? json(to_string(*state)) : json(nullptr)},
            {"merged_into_id", opt_id(c.merged_into_id)},
            {"message_count", row.message_count},
            {"created_at", c.created_at},
            {"updated_at", c.updated_at},
            {"version", c.version}};
}

json message_json(const ConversationMessage& m) {
    json attachments = json::array();
    for (const auto& a : m.attachments) {
        attachments.push_back(
            {{"id", id_to_string(a.attachment_id)},
             {"filename", a.filename},
             {"content_type", a.content_type},
             {"size", a.size},
             {"inline", a.is_inline},
             {"content_id", a.content_id.empty() ? json(nullptr) : json(a.content_id)},
             {"rejected_reason", a.rejected_reason.empty() ? json(nullptr) : json(a.rejected_reason)}});
    }
    return {{"id", id_to_string(m.message_id)},
            {"conversation_id", opt_id(m.conversation_id)},
            {"kind", to_string(m.kind)},
            {"channel", m.channel},
            {"from_name", m.from_name},
            {"from_address", opt_str(m.from_address)},
            {"to", m.to},
            {"cc", m.cc},
            {"subject", m.subject},
            {"text", m.text},
            {"html", m.html},
            {"author_user_id", opt_id(m.author_user_id)},
            {"occurred_at", m.occurred_at},
            {"delivery_status", m.delivery_status ? json(to_string(*m.delivery_status)) : json(nullptr)},
            {"delivery_error", opt_str(m.delivery_error)},
            {"send_attempts", m.send_attempts},
            {"answered_at", opt_ms(m.answered_at)},
            {"no_reply_reason", opt_str(m.no_reply_reason)},
            {"auto_kind", m.auto_kind ? json(to_string(*m.auto_kind)) : json(nullptr)},
            {"minutes_spent", m.minutes_spent},
            {"interaction_id", opt_id(m.interaction_id)},
            {"attachments", attachments}};
}

void register_conversation_routes(http::Router& router, ServiceDeskApi& api) {
    router.add(http::Verb::get, "/api/v1/conversations", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto request = RAPPORT_TRY(read_list_request(ctx));
        auto page = RAPPORT_TRY(api.conversations.list(principal, request));
        const UnixMillis now = api.clock.now_ms();
        json items = json::array();
        for (const auto& row : page.items) items.push_back(conversation_summary_json(row, now));
        return ok_json(
            {{"items", items}, {"next_cursor", page.next ? json(format_cursor(*page.next)) : json(nullptr)}});
    });
    router.add(http::Verb::get, "/api/v1/conversations/counts",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   std::optional<Id> team;
                   if (auto t = ctx.query.get("team"); t && !t->empty()) {
                       team = parse_id(*t);
                       if (!team) return fail(Error::localized_field("?team", "common.record_id_invalid"));
                   }
                   auto c = RAPPORT_TRY(api.conversations.counts(principal, team));
                   return ok_json({{"unanswered", c.unanswered},
                                   {"unassigned", c.unassigned},
                                   {"mine", c.mine},
                                   {"waiting", c.waiting},
                                   {"breaching", c.breaching},
                                   {"open", c.open}});
               });
    router.add(http::Verb::get, "/api/v1/conversations/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto detail = RAPPORT_TRY(api.conversations.get(principal, id));
                   json out = conversation_summary_json(detail.row, api.clock.now_ms());
                   json messages = json::array();
                   for (const auto& m : detail.messages) messages.push_back(message_json(m));
                   json replying = json::array();
                   for (const auto& r : detail.replying) {
                       replying.push_back({{"user_id", id_to_string(r.user_id)}, {"name", r.name}, {"since", r.since}});
                   }
                   out["messages"] = messages;
                   out["replying"] = replying;
                   return ok_json(out);
               });
    router.add(http::Verb::patch, "/api/v1/conversations/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   ConversationChange change;
                   if (auto s = enum_member<ConversationStatus>(body, "status", parse_conversation_status, false,
                                                                {"new", "open", "pending", "resolved", "closed"})) {
                       change.status = *s;
                   }
                   if (auto p = enum_member<Priority>(body, "priority", parse_priority, false,
                                                      {"low", "normal", "high", "urgent"})) {
                       change.priority = *p;
                   }
                   change.topic = enum_member<Topic>(body, "topic", parse_topic, true,
                                                     {"product", "service", "process", "billing", "other"});
                   change.team_id = id_member(body, "team_id");
                   change.assignee_user_id = id_member(body, "assignee_user_id");
                   change.tags = body.string_list("tags");
                   auto version = body.integer("version", true);
                   RAPPORT_CHECK(body.finish("servicedesk.change_invalid"));
                   auto row = RAPPORT_TRY(api.conversations.update(principal, id, version.value_or(0), change));
                   return ok_json(conversation_summary_json(row, api.clock.now_ms()));
               });
    router.add(http::Verb::post, "/api/v1/conversations/{id}/replies",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   ReplyRequest in;
                   in.text = body.string("text", true).value_or("");
                   in.cc = body.string_list("cc").value_or(std::vector<std::string>{});
                   if (auto after = id_member(body, "after_message_id")) in.after_message_id = *after;
                   in.force = body.boolean("force").value_or(false);
                   in.minutes_spent = body.integer("minutes_spent").value_or(0);
                   if (auto s = enum_member<ConversationStatus>(body, "status_after", parse_conversation_status, true,
                                                                {"open", "pending", "resolved"})) {
                       in.status_after = *s;
                   }
                   RAPPORT_CHECK(body.finish("servicedesk.reply_invalid"));
                   auto message = RAPPORT_TRY(api.conversations.reply(principal, id, in));
                   return ok_json(message_json(message), http::HttpStatus::created);
               });
    router.add(http::Verb::post, "/api/v1/conversations/{id}/notes",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto text = body.string("text", true);
                   auto minutes = body.integer("minutes_spent");
                   RAPPORT_CHECK(body.finish("servicedesk.message_invalid"));
                   auto message =
                       RAPPORT_TRY(api.conversations.note(principal, id, text.value_or(""), minutes.value_or(0)));
                   return ok_json(message_json(message), http::HttpStatus::created);
               });
    router.add(http::Verb::post, "/api/v1/conversations/{id}/no-reply",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto reason = body.string("reason", true);
                   RAPPORT_CHECK(body.finish("servicedesk.change_invalid"));
                   auto row = RAPPORT_TRY(api.conversations.no_reply(principal, id, reason.value_or("")));
                   return ok_json(conversation_summary_json(row, api.clock.now_ms()));
               });
    router.add(http::Verb::post, "/api/v1/conversations/{id}/replying",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   RAPPORT_CHECK(api.conversations.replying(principal, id));
                   return no_content();
               });
    router.add(http::Verb::post, "/api/v1/conversations/{id}/merge",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto into = RAPPORT_TRY(required_id(body, "into_id"));
                   RAPPORT_CHECK(body.finish("servicedesk.change_invalid"));
                   auto row = RAPPORT_TRY(api.conversations.merge(principal, id, into));
                   return ok_json(conversation_summary_json(row, api.clock.now_ms()));
               });
    router.add(http::Verb::post, "/api/v1/conversations/{id}/split",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto message_id = RAPPORT_TRY(required_id(body, "message_id"));
                   RAPPORT_CHECK(body.finish("servicedesk.change_invalid"));
                   auto row = RAPPORT_TRY(api.conversations.split(principal, id, message_id));
                   return ok_json(conversation_summary_json(row, api.clock.now_ms()), http::HttpStatus::created);
               });
    router.add(http::Verb::post, "/api/v1/conversations/{id}/messages/{message_id}/retry",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto message_id = RAPPORT_TRY(path_id(ctx, "message_id", "message"));
                   auto message = RAPPORT_TRY(api.conversations.retry(principal, id, message_id));
                   return ok_json(message_json(message));
               });
    router.add(http::Verb::get, "/api/v1/conversations/{id}/messages/{message_id}/source",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto message_id = RAPPORT_TRY(path_id(ctx, "message_id", "message"));
                   auto raw = RAPPORT_TRY(api.conversations.raw_source(principal, id, message_id));
                   http::Response res{http::HttpStatus::ok, 11};
                   res.set(http::beast_http::field::content_type, "message/rfc822");
                   res.set(http::beast_http::field::cache_control, "no-store");
                   res.body() = std::move(raw);
                   res.prepare_payload();
                   return res;
               });
    router.add(http::Verb::get, "/api/v1/conversations/{id}/attachments/{attachment_id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "conversation"));
                   auto attachment_id = RAPPORT_TRY(path_id(ctx, "attachment_id", "attachment"));
                   auto a = RAPPORT_TRY(api.conversations.attachment(principal, id, attachment_id));
                   http::Response res{http::HttpStatus::ok, 11};
                   // Served as a download, never rendered in the app's origin (it came from outside).
                   const bool image = a.content_type.rfind("image/", 0) == 0 && a.content_type != "image/svg+xml";
                   res.set(http::beast_http::field::content_type, image ? a.content_type : "application/octet-stream");
                   res.set("X-Content-Type-Options", "nosniff");
                   res.set("Content-Security-Policy", "sandbox");
                   std::string name;
                   for (char ch : a.filename) name += (ch == '"' || ch == '\\' || ch < 0x20) ? '_' : ch;
                   res.set(http::beast_http::field::content_disposition,
                           std::string(a.is_inline ? "inline" : "attachment") + "; filename=\"" + name + "\"");
                   res.set(http::beast_http::field::cache_control, "private, max-age=3600");
                   res.body() = std::move(a.data);
                   res.prepare_payload();
                   return res;
               });
}

}  // namespace rapport::api
