#include "api/json_views.hpp"

namespace rapport::api {

using nlohmann::json;

namespace {
json opt_json(const std::optional<std::int64_t>& v) {
    return v ? json(*v) : json(nullptr);
}
json opt_id(const std::optional<Id>& v) {
    return v ? json(id_to_string(*v)) : json(nullptr);
}
json opt_str(const std::optional<std::string>& v) {
    return v ? json(*v) : json(nullptr);
}
}  // namespace

json to_json(const domain::Workspace& w) {
    return {{"id", id_to_string(w.workspace_id)},
            {"slug", w.slug},
            {"name", w.name},
            {"default_language", w.default_language},
            {"created_at", w.created_at}};
}

json to_json(const domain::User& u) {
    return {{"id", id_to_string(u.user_id)},   {"email", u.email},
            {"display_name", u.display_name},  {"role", to_string(u.role)},
            {"language", opt_str(u.language)}, {"active", u.active},
            {"created_at", u.created_at},      {"updated_at", u.updated_at}};
}

json to_json(const domain::Team& t) {
    json members = json::array();
    for (const auto& m : t.members) {
        members.push_back({{"user_id", id_to_string(m.user_id)},
                           {"sales_role", m.sales_role ? json(to_string(*m.sales_role)) : json(nullptr)}});
    }
    return {{"id", id_to_string(t.team_id)}, {"name", t.name},     {"kind", to_string(t.kind)},
            {"description", t.description},  {"members", members}, {"created_at", t.created_at},
            {"updated_at", t.updated_at}};
}

json to_json(const domain::ApiKey& k) {
    return {{"id", id_to_string(k.key_id)},        {"name", k.name},
            {"role", to_string(k.role)},           {"created_by_user_id", opt_id(k.created_by_user_id)},
            {"created_at", k.created_at},          {"last_used_at", opt_json(k.last_used_at)},
            {"revoked_at", opt_json(k.revoked_at)}};
}

json to_json(const domain::AuditEntry& e) {
    json detail = json::parse(e.detail, nullptr, false);
    if (detail.is_discarded()) detail = e.detail;
    return {{"id", id_to_string(e.audit_id)},
            {"occurred_at", e.occurred_at},
            {"actor_user_id", opt_id(e.actor_user_id)},
            {"actor_api_key_id", opt_id(e.actor_api_key_id)},
            {"actor", e.actor_label},
            {"action", e.action},
            {"target_type", opt_str(e.target_type)},
            {"target_id", opt_str(e.target_id)},
            {"ip", opt_str(e.ip)},
            {"detail", detail}};
}

json to_json(const domain::RoleGrant& g) {
    return {{"role", to_string(g.role)}, {"read", to_string(g.read)}, {"write", to_string(g.write)}};
}

http::Response ok_json(const json& body, http::HttpStatus status) {
    return http::json_response(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

http::Response no_content() {
    http::Response res{http::HttpStatus::no_content, 11};
    res.prepare_payload();
    return res;
}

}  // namespace rapport::api
