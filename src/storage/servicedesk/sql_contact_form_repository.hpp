#pragma once
// Contact form settings in SQL (both engines).
#include "domain/servicedesk/contact_form_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

class SqlContactFormRepository final : public domain::servicedesk::ContactFormRepository {
public:
    explicit SqlContactFormRepository(Database& db) : db_(db) {}

    using ContactFormSettings = domain::servicedesk::ContactFormSettings;

    Result<std::optional<ContactFormSettings>> get(Id workspace_id) override;
    Status save(const ContactFormSettings& settings) override;
    Result<bool> team_exists(Id workspace_id, Id team_id) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
