#include "domain/servicedesk/canned_reply_service.hpp"

#include <algorithm>
#include <cctype>

#include "domain/identity/role.hpp"

namespace rapport::domain::servicedesk {

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxBody = 20'000;

Error not_found(Id id) {
    return Error::localized(ErrorCode::NotFound, "servicedesk.canned_reply_not_found", {{"id", id_to_string(id)}});
}

std::string text_field(const nlohmann::json& fields, const char* key) {
    if (auto it = fields.find(key); it != fields.end() && it->is_string()) return it->get<std::string>();
    return {};
}

// "pt-BR", "IT" -> "pt", "it".
std::string base_language(std::string language) {
    language = language.substr(0, language.find_first_of("-_"));
    std::transform(language.begin(), language.end(), language.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return language;
}

}  // namespace

Status CannedReplyService::require_member(const Principal& actor) {
    if (!role_at_least(actor.role, Role::Member)) {
        return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.read_only_role",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    return {};
}

Status CannedReplyService::require_manager(const Principal& actor) {
    if (!role_at_least(actor.role, Role::Manager)) {
        return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.canned_reply_managers_only",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    return {};
}

Status CannedReplyService::validate(const CannedReply& r) {
    std::vector<FieldError> errors;
    if (r.name.empty()) {
        errors.push_back(FieldError::localized("/name", "servicedesk.field_required"));
    } else if (r.name.size() > kMaxName) {
        errors.push_back(FieldError::localized("/name", "common.too_long", {{"max", std::to_string(kMaxName)}}));
    }
    if (!is_canned_reply_language(r.language)) {
        errors.push_back(
            FieldError::localized("/language", "servicedesk.invalid_value", {{"allowed", "en, it, es, pt"}}));
    }
    if (r.body.empty()) {
        errors.push_back(FieldError::localized("/body", "servicedesk.field_required"));
    } else if (r.body.size() > kMaxBody) {
        errors.push_back(FieldError::localized("/body", "common.too_long", {{"max", std::to_string(kMaxBody)}}));
    } else if (auto unknown = unknown_placeholders(r.body); !unknown.empty()) {
        std::string names;
        for (const auto& u : unknown) names += (names.empty() ? "" : ", ") + u;
        std::string allowed;
        for (const auto& p : canned_reply_placeholders()) allowed += (allowed.empty() ? "{{" : ", {{") + p + "}}";
        errors.push_back(FieldError::localized("/body", "servicedesk.unknown_placeholders",
                                               {{"names", names}, {"allowed", allowed}}));
    }
    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());  // before the move
        return fail(Error::localized(ErrorCode::Validation, "servicedesk.canned_reply_invalid", {{"count", count}},
                                     std::move(errors)));
    }
    return {};
}

Result<std::vector<CannedReply>> CannedReplyService::list(const Principal& actor) {
    return repo_.list(actor.workspace_id);
}

Result<CannedReply> CannedReplyService::existing(const Principal& actor, Id id) {
    auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, id));
    if (!found) return fail(not_found(id));
    return std::move(*found);
}

Result<CannedReply> CannedReplyService::create(const Principal& actor, const CannedReplyInput& in) {
    RAPPORT_CHECK(require_manager(actor));
    CannedReply r;
    r.workspace_id = actor.workspace_id;
    r.canned_reply_id = new_id();
    r.name = in.name.value_or("");
    r.language = in.language.value_or("en");
    r.body = in.body.value_or("");
    r.created_at = r.updated_at = clock_.now_ms();
    RAPPORT_CHECK(validate(r));
    RAPPORT_CHECK(repo_.insert(r));
    return r;
}

Result<CannedReply> CannedReplyService::update(const Principal& actor, Id id, const CannedReplyInput& in) {
    RAPPORT_CHECK(require_manager(actor));
    auto r = RAPPORT_TRY(existing(actor, id));
    if (in.name) r.name = *in.name;
    if (in.language) r.language = *in.language;
    if (in.body) r.body = *in.body;
    r.updated_at = clock_.now_ms();
    RAPPORT_CHECK(validate(r));
    RAPPORT_CHECK(repo_.update(r));
    return r;
}

Status CannedReplyService::remove(const Principal& actor, Id id) {
    RAPPORT_CHECK(require_manager(actor));
    (void)RAPPORT_TRY(existing(actor, id));
    return repo_.remove(actor.workspace_id, id);
}

Result<CannedReplyService::Rendered> CannedReplyService::render(const Principal& actor, Id conversation_id,
                                                                Id canned_reply_id) {
    RAPPORT_CHECK(require_member(actor));
    auto chosen = RAPPORT_TRY(existing(actor, canned_reply_id));
    auto detail = RAPPORT_TRY(conversations_.get(actor, conversation_id));  // the reader's access rules
    const auto& c = detail.row.conversation;

    std::map<std::string, std::string> values;
    values["conversation.number"] = std::to_string(c.number);
    values["conversation.subject"] = c.subject;
    std::string customer_language;
    if (detail.row.person) values["customer.name"] = detail.row.person->name;
    if (c.person_id) {
        if (auto view = customers_.get(actor, customers::EntityType::Person, *c.person_id)) {
            const auto& fields = view->record.fields;
            values["customer.first_name"] = text_field(fields, "first_name");
            values["customer.last_name"] = text_field(fields, "last_name");
            customer_language = base_language(text_field(fields, "language"));
        }
    }
    if (actor.user_id) {
        if (auto me = users_.get_user(actor, *actor.user_id)) values["agent.name"] = me->display_name;
    }
    const auto workspace = RAPPORT_TRY(actors_.workspace_of(actor));

    auto all = RAPPORT_TRY(repo_.list(actor.workspace_id));
    const CannedReply* version = choose_version(all, chosen.name, customer_language, workspace.default_language);
    if (!version) version = &chosen;
    return Rendered{render_canned_reply(version->body, values), version->language, version->canned_reply_id};
}

}  // namespace rapport::domain::servicedesk
