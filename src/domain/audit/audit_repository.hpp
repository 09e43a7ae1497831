#pragma once
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/audit/audit_entry.hpp"
#include "domain/page.hpp"

namespace rapport::domain {

struct AuditQuery {
    std::optional<std::string> action;  // exact action, e.g. "auth.login_failed"
    std::optional<Id> actor_user_id;
};

// Reads and appends the audit log. Thread-safe. Newest entries first.
class AuditRepository {
public:
    virtual ~AuditRepository() = default;
    virtual Status append(const AuditEntry& entry) = 0;
    // Page order is descending id; `page.after` means "older than".
    virtual Result<Page<AuditEntry>> list(Id workspace_id, const AuditQuery& query, const PageRequest& page) = 0;
};

}  // namespace rapport::domain
