#pragma once
// Storing each workspace's contact form settings. Thread-safe.
#include <optional>

#include "core/error.hpp"
#include "domain/servicedesk/contact_form.hpp"

namespace rapport::domain::servicedesk {

class ContactFormRepository {
public:
    virtual ~ContactFormRepository() = default;

    virtual Result<std::optional<ContactFormSettings>> get(Id workspace_id) = 0;
    virtual Status save(const ContactFormSettings& settings) = 0;
    // Whether the workspace has the team (the form's conversations go to it).
    virtual Result<bool> team_exists(Id workspace_id, Id team_id) = 0;
};

}  // namespace rapport::domain::servicedesk
