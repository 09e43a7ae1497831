#include "domain/servicedesk/contact_form_service.hpp"

#include "core/crypto.hpp"
#include "core/utf8.hpp"
#include "domain/identity/role.hpp"
#include "domain/identity/validation.hpp"

namespace rapport::domain::servicedesk {

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxSubject = 300;
constexpr std::size_t kMaxMessage = 20'000;
constexpr std::size_t kMaxOrigins = 20;
constexpr std::size_t kMaxSuccess = 1'000;

Error form_not_found(const std::string& slug) {
    return Error::localized(ErrorCode::NotFound, "servicedesk.contact_form_not_found", {{"slug", slug}});
}

void check_length(std::vector<FieldError>& errors, const char* pointer, const std::string& value, std::size_t max) {
    if (value.size() > max) {
        errors.push_back(FieldError::localized(pointer, "common.too_long", {{"max", std::to_string(max)}}));
    }
}

std::string trim(const std::string& s) {
    auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return {};
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

}  // namespace

Status ContactFormService::require_admin(const Principal& actor) {
    if (!role_at_least(actor.role, Role::Admin)) {
        return fail(Error::localized(ErrorCode::Forbidden, "servicedesk.contact_form_admins_only",
                                     {{"role", std::string(to_string(actor.role))}}));
    }
    return {};
}

Result<ContactFormSettings> ContactFormService::settings(const Principal& actor) {
    RAPPORT_CHECK(require_admin(actor));
    auto stored = RAPPORT_TRY(repo_.get(actor.workspace_id));
    if (stored) return std::move(*stored);
    ContactFormSettings none;
    none.workspace_id = actor.workspace_id;
    return none;
}

Result<ContactFormSettings> ContactFormService::save(const Principal& actor, const ContactFormInput& in) {
    auto s = RAPPORT_TRY(settings(actor));
    std::vector<FieldError> errors;
    if (in.enabled) s.enabled = *in.enabled;
    if (in.team_id) {
        s.team_id = *in.team_id;
        if (s.team_id && !RAPPORT_TRY(repo_.team_exists(actor.workspace_id, *s.team_id))) {
            errors.push_back(
                FieldError::localized("/team_id", "common.no_such_team", {{"id", id_to_string(*s.team_id)}}));
        }
    }
    if (in.allowed_origins) {
        s.allowed_origins.clear();
        if (in.allowed_origins->size() > kMaxOrigins) {
            errors.push_back(FieldError::localized("/allowed_origins", "servicedesk.too_many_origins",
                                                   {{"max", std::to_string(kMaxOrigins)}}));
        }
        for (std::size_t i = 0; i < in.allowed_origins->size(); ++i) {
            const auto& given = (*in.allowed_origins)[i];
            if (auto origin = normalize_origin(given)) {
                if (std::find(s.allowed_origins.begin(), s.allowed_origins.end(), *origin) == s.allowed_origins.end())
                    s.allowed_origins.push_back(*origin);
            } else {
                errors.push_back(FieldError::localized("/allowed_origins/" + std::to_string(i),
                                                       "servicedesk.origin_invalid", {{"origin", given}}));
            }
        }
    }
    if (in.success_message) s.success_message = trim(*in.success_message);
    check_length(errors, "/success_message", s.success_message, kMaxSuccess);
    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());  // before the move
        return fail(Error::localized(ErrorCode::Validation, "servicedesk.contact_form_settings_invalid",
                                     {{"count", count}}, std::move(errors)));
    }
    if (s.secret.empty()) s.secret = crypto::random_token(32);
    s.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.save(s));
    return s;
}

Result<std::pair<Workspace, ContactFormSettings>> ContactFormService::enabled_form(const std::string& slug) {
    auto workspace = RAPPORT_TRY(workspaces_.find_workspace_by_slug(slug));
    if (!workspace) return fail(form_not_found(slug));
    auto stored = RAPPORT_TRY(repo_.get(workspace->workspace_id));
    if (!stored || !stored->enabled || stored->secret.empty()) return fail(form_not_found(slug));
    return std::pair{std::move(*workspace), std::move(*stored)};
}

Result<PublicContactForm> ContactFormService::form(const std::string& slug) {
    auto [workspace, settings] = RAPPORT_TRY(enabled_form(slug));
    PublicContactForm out;
    out.token = issue_form_token(settings.secret, workspace.workspace_id, clock_.now_ms());
    out.workspace = std::move(workspace);
    out.settings = std::move(settings);
    return out;
}

Result<ContactFormSettings> ContactFormService::public_settings(const std::string& slug) {
    auto found = RAPPORT_TRY(enabled_form(slug));
    return std::move(found.second);
}

Result<ContactFormService::Submitted> ContactFormService::submit(const std::string& slug, const ContactSubmission& in,
                                                                 const std::string& client_address) {
    auto [workspace, settings] = RAPPORT_TRY(enabled_form(slug));
    const Id ws = workspace.workspace_id;
    if (auto refused = limiter_.admit(client_address, ws)) {
        Error e = Error::localized(ErrorCode::RateLimited,
                                   refused->scope == ContactFormLimiter::Refusal::Scope::Address
                                       ? "servicedesk.contact_form_throttled_address"
                                       : "servicedesk.contact_form_throttled_workspace",
                                   {{"count", std::to_string(refused->retry_after_s)}});
        e.retry_after_seconds = refused->retry_after_s;
        return fail(std::move(e));
    }

    ContactSubmission s = in;
    s.name = trim(s.name);
    s.subject = trim(s.subject);
    s.message = trim(s.message);
    s.phone = trim(s.phone);
    std::vector<FieldError> errors;
    if (s.name.empty()) errors.push_back(FieldError::localized("/name", "servicedesk.field_required"));
    check_length(errors, "/name", s.name, kMaxName);
    auto email = normalize_email(trim(s.email));
    if (trim(s.email).empty()) {
        errors.push_back(FieldError::localized("/email", "servicedesk.field_required"));
    } else if (!email) {
        errors.push_back(FieldError::localized("/email", "common.email_invalid"));
    }
    check_length(errors, "/phone", s.phone, 40);
    check_length(errors, "/subject", s.subject, kMaxSubject);
    if (s.message.empty()) errors.push_back(FieldError::localized("/message", "servicedesk.field_required"));
    check_length(errors, "/message", s.message, kMaxMessage);
    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());  // before the move
        return fail(Error::localized(ErrorCode::Validation, "servicedesk.contact_form_invalid", {{"count", count}},
                                     std::move(errors)));
    }
    if (spam_check(s, settings.secret, ws, clock_.now_ms())) {
        return fail(Error::localized(ErrorCode::Validation, "servicedesk.looks_like_spam"));
    }

    InboundMessage m;
    m.workspace_id = ws;
    m.channel = "web_form";
    m.team_id = settings.team_id;
    m.sender.name = s.name;
    m.sender.email = *email;
    if (!s.phone.empty()) m.sender.phone = s.phone;
    m.subject = s.subject.empty() ? utf8::truncate(s.message.substr(0, s.message.find('\n')), 80) : s.subject;
    m.text = s.message;
    m.occurred_at = clock_.now_ms();
    auto result = RAPPORT_TRY(intake_.receive(std::move(m)));
    Submitted out;
    out.success_message = settings.success_message;
    out.conversation_id = result.conversation_id.value_or(0);
    return out;
}

}  // namespace rapport::domain::servicedesk
