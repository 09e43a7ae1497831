#pragma once
// The public contact form: admins enable it and set its team, the sites allowed to embed it
// (CORS) and its success message; anyone may fetch the form (a token) and submit it, within
// the rate limits and past the spam check, which files the message through IntakeService as a
// "web_form" conversation. Spam is answered "looks like spam" and stored nowhere.
#include "domain/identity/entities.hpp"
#include "domain/identity/workspace_repository.hpp"
#include "domain/servicedesk/contact_form_limiter.hpp"
#include "domain/servicedesk/contact_form_repository.hpp"
#include "domain/servicedesk/intake_service.hpp"

namespace rapport::domain::servicedesk {

struct ContactFormInput {
    std::optional<bool> enabled;
    std::optional<std::optional<Id>> team_id;
    std::optional<std::vector<std::string>> allowed_origins;
    std::optional<std::string> success_message;
};

// The form as a visitor's browser gets it.
struct PublicContactForm {
    Workspace workspace;
    ContactFormSettings settings;
    std::string token;
};

class ContactFormService {
public:
    ContactFormService(ContactFormRepository& repo, WorkspaceRepository& workspaces, IntakeService& intake,
                       ContactFormLimiter& limiter, const Clock& clock)
        : repo_(repo), workspaces_(workspaces), intake_(intake), limiter_(limiter), clock_(clock) {}

    Result<ContactFormSettings> settings(const Principal& actor);
    Result<ContactFormSettings> save(const Principal& actor, const ContactFormInput& input);

    // NotFound unless the workspace has an enabled form.
    Result<PublicContactForm> form(const std::string& workspace_slug);
    // The enabled form's settings, for the CORS answer of a preflight (no token, no count).
    Result<ContactFormSettings> public_settings(const std::string& workspace_slug);

    struct Submitted {
        std::string success_message;  // empty: the caller's default text
        Id conversation_id = 0;
    };
    Result<Submitted> submit(const std::string& workspace_slug, const ContactSubmission& submission,
                             const std::string& client_address);

private:
    Status require_admin(const Principal& actor);
    Result<std::pair<Workspace, ContactFormSettings>> enabled_form(const std::string& workspace_slug);

    ContactFormRepository& repo_;
    WorkspaceRepository& workspaces_;
    IntakeService& intake_;
    ContactFormLimiter& limiter_;
    const Clock& clock_;
};

}  // namespace rapport::domain::servicedesk
