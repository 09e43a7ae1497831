// Mailboxes (admins): /api/v1/mailboxes CRUD, the connection test of saved or unsaved
// settings, and the quarantine of mail that could not be read, with re-processing.
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/pagination.hpp"
#include "api/request_auth.hpp"
#include "api/servicedesk/servicedesk_api.hpp"

namespace rapport::api {

using namespace rapport::domain::servicedesk;
using nlohmann::json;

namespace {

json server_json(const MailServerSettings& s) {
    return {{"host", s.host},
            {"port", s.port},
            {"security", to_string(s.security)},
            {"username", s.username},
            {"password", ""},  // write-only
            {"has_password", !s.password.empty()},
            {"verify_certificate", s.verify_certificate}};
}

json mailbox_json(const Mailbox& m) {
    return {{"id", id_to_string(m.mailbox_id)},
            {"name", m.name},
            {"address", m.address},
            {"team_id", m.team_id ? json(id_to_string(*m.team_id)) : json(nullptr)},
            {"imap", server_json(m.imap)},
            {"folder", m.folder},
            {"smtp", server_json(m.smtp)},
            {"poll_seconds", m.poll_seconds},
            {"use_idle", m.use_idle},
            {"after_fetch", to_string(m.after_fetch)},
            {"move_to_folder", m.move_to_folder.empty() ? json(nullptr) : json(m.move_to_folder)},
            {"max_attachment_bytes", m.max_attachment_bytes},
            {"enabled", m.enabled},
            {"status",
             {{"last_checked_at", m.last_checked_at ? json(*m.last_checked_at) : json(nullptr)},
              {"last_error", m.last_error ? json(*m.last_error) : json(nullptr)},
              {"last_uid", m.last_uid}}},
            {"created_at", m.created_at},
            {"updated_at", m.updated_at}};
}

std::optional<MailServerSettings> read_server(JsonBody& body, const std::string& key) {
    if (!body.has(key)) return std::nullopt;
    body.mark_known(key);
    const json& doc = body.document()[key];
    if (!doc.is_object()) {
        body.localized_error("/" + key, "servicedesk.field_required");
        return std::nullopt;
    }
    JsonBody part(doc);
    MailServerSettings s;
    s.host = part.string("host", true).value_or("");
    s.port = part.integer("port", true).value_or(0);
    if (auto sec = part.string("security")) {
        if (auto v = parse_mail_security(*sec)) {
            s.security = *v;
        } else {
            part.localized_error("/security", "servicedesk.invalid_value", {{"allowed", "tls, starttls, none"}});
        }
    }
    s.username = part.string("username").value_or("");
    s.password = part.string("password").value_or("");
    s.verify_certificate = part.boolean("verify_certificate").value_or(true);
    (void)part.boolean("has_password");  // echoed back by clients that send what they read
    for (auto& e : part.take_errors()) {
        e.pointer = "/" + key + e.pointer;
        body.error(std::move(e));
    }
    return s;
}

MailboxInput read_input(JsonBody& body) {
    MailboxInput in;
    in.name = body.string("name");
    in.address = body.string("address");
    in.folder = body.string("folder");
    if (body.has("move_to_folder")) {
        body.mark_known("move_to_folder");
        const json& v = body.document()["move_to_folder"];
        in.move_to_folder = v.is_string() ? v.get<std::string>() : std::string();
    }
    if (body.has("team_id")) {
        body.mark_known("team_id");
        const json& v = body.document()["team_id"];
        if (v.is_null()) {
            in.team_id = std::optional<Id>{};
        } else if (auto id = v.is_string() ? parse_id(v.get<std::string>()) : std::nullopt) {
            in.team_id = std::optional<Id>{*id};
        } else {
            body.localized_error("/team_id", "common.record_id_invalid");
        }
    }
    in.imap = read_server(body, "imap");
    in.smtp = read_server(body, "smtp");
    in.poll_seconds = body.integer("poll_seconds");
    in.max_attachment_bytes = body.integer("max_attachment_bytes");
    in.use_idle = body.boolean("use_idle");
    in.enabled = body.boolean("enabled");
    if (auto after = body.string("after_fetch")) {
        in.after_fetch = parse_after_fetch(*after);
        if (!in.after_fetch) {
            body.localized_error("/after_fetch", "servicedesk.invalid_value", {{"allowed", "mark_seen, move, leave"}});
        }
    }
    // Read-only members a client may send back as it read them.
    for (const char* echo : {"id", "status", "created_at", "updated_at"}) body.mark_known(echo);
    return in;
}

json check_json(const ConnectionCheck& c) {
    return {{"imap", {{"ok", c.imap_ok}, {"message", c.imap_message}}},
            {"smtp", {{"ok", c.smtp_ok}, {"message", c.smtp_message}}}};
}

}  // namespace

void register_mailbox_routes(http::Router& router, ServiceDeskApi& api) {
    router.add(http::Verb::get, "/api/v1/mailboxes", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto list = RAPPORT_TRY(api.mailboxes.list(principal));
        json items = json::array();
        for (const auto& m : list) items.push_back(mailbox_json(m));
        return ok_json({{"items", items}});
    });
    router.add(http::Verb::post, "/api/v1/mailboxes", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto body = RAPPORT_TRY(JsonBody::parse(ctx));
        auto input = read_input(body);
        RAPPORT_CHECK(body.finish("servicedesk.mailbox_invalid"));
        auto created = RAPPORT_TRY(api.mailboxes.create(principal, input));
        return ok_json(mailbox_json(created), http::HttpStatus::created);
    });
    router.add(http::Verb::post, "/api/v1/mailboxes/test", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto body = RAPPORT_TRY(JsonBody::parse(ctx));
        auto input = read_input(body);
        RAPPORT_CHECK(body.finish("servicedesk.mailbox_invalid"));
        auto check = RAPPORT_TRY(api.mailboxes.test(principal, std::nullopt, input));
        return ok_json(check_json(check));
    });
    router.add(http::Verb::get, "/api/v1/mailboxes/{id}", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto id = RAPPORT_TRY(path_id(ctx, "id", "mailbox"));
        return ok_json(mailbox_json(RAPPORT_TRY(api.mailboxes.get(principal, id))));
    });
    router.add(http::Verb::patch, "/api/v1/mailboxes/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "mailbox"));
                   auto body = RAPPORT_TRY(JsonBody::parse(ctx));
                   auto input = read_input(body);
                   RAPPORT_CHECK(body.finish("servicedesk.mailbox_invalid"));
                   return ok_json(mailbox_json(RAPPORT_TRY(api.mailboxes.update(principal, id, input))));
               });
    router.add(http::Verb::delete_, "/api/v1/mailboxes/{id}",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "mailbox"));
                   RAPPORT_CHECK(api.mailboxes.remove(principal, id));
                   return no_content();
               });
    router.add(http::Verb::post, "/api/v1/mailboxes/{id}/test",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "mailbox"));
                   auto check = RAPPORT_TRY(api.mailboxes.test(principal, id, MailboxInput{}));
                   return ok_json(check_json(check));
               });
    router.add(http::Verb::get, "/api/v1/mail-quarantine", [&api](http::RequestContext& ctx) -> Result<http::Response> {
        auto principal = RAPPORT_TRY(authenticate(ctx, api));
        auto list = RAPPORT_TRY(api.mailboxes.quarantined(principal, 200));
        json items = json::array();
        for (const auto& q : list) {
            items.push_back({{"id", id_to_string(q.quarantine_id)},
                             {"mailbox_id", q.mailbox_id ? json(id_to_string(*q.mailbox_id)) : json(nullptr)},
                             {"reason", q.reason},
                             {"size", q.size},
                             {"received_at", q.received_at},
                             {"resolved_at", q.resolved_at ? json(*q.resolved_at) : json(nullptr)}});
        }
        return ok_json({{"items", items}});
    });
    router.add(http::Verb::post, "/api/v1/mail-quarantine/{id}/reprocess",
               [&api](http::RequestContext& ctx) -> Result<http::Response> {
                   auto principal = RAPPORT_TRY(authenticate(ctx, api));
                   auto id = RAPPORT_TRY(path_id(ctx, "id", "quarantined mail"));
                   auto r = RAPPORT_TRY(api.mailboxes.reprocess(principal, id));
                   return ok_json(
                       {{"resolved", r.resolved},
                        {"conversation_id", r.conversation_id ? json(id_to_string(*r.conversation_id)) : json(nullptr)},
                        {"reason", r.resolved ? json(nullptr) : json(r.reason)}});
               });
}

}  // namespace rapport::api
