#include "storage/audit_sql.hpp"

namespace rapport::storage {

namespace {
constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (workspace_id, audit_id, occurred_at, actor_user_id, actor_api_key_id, actor_label,"
    " action, target_type, target_id, ip, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
}

Status insert_audit(Connection& conn, const domain::AuditEntry& e) {
    RAPPORT_CHECK(conn.execute(kInsertAudit, {e.workspace_id, e.audit_id ? e.audit_id : new_id(), e.occurred_at,
                                              opt(e.actor_user_id), opt(e.actor_api_key_id), e.actor_label, e.action,
                                              opt(e.target_type), opt(e.target_id), opt(e.ip), e.detail}));
    return {};
}

}  // namespace rapport::storage
