#include "storage/audit/sql_audit_repository.hpp"

#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

namespace {
// Optional filters are written as "($n IS NULL OR col = $n)" so one cached statement
// serves every combination.
constexpr const char* kListAudit =
    "SELECT workspace_id, audit_id, occurred_at, actor_user_id, actor_api_key_id, actor_label, action,"
    " target_type, target_id, ip, detail FROM audit_log"
    " WHERE workspace_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR audit_id < $2)"
    " AND (CAST($3 AS TEXT) IS NULL OR action = $3) AND (CAST($4 AS BIGINT) IS NULL OR actor_user_id = $4)"
    " ORDER BY audit_id DESC LIMIT $5";
}  // namespace

Status SqlAuditRepository::append(const domain::AuditEntry& entry) {
    return write_transaction(db_, [&](Connection& conn) { return insert_audit(conn, entry); });
}

Result<domain::Page<domain::AuditEntry>> SqlAuditRepository::list(Id workspace_id, const domain::AuditQuery& query,
                                                                  const domain::PageRequest& page) {
    return read(db_, [&](Connection& conn) -> Result<domain::Page<domain::AuditEntry>> {
        auto rs = RAPPORT_TRY(conn.query(kListAudit, {workspace_id, opt(page.after), opt(query.action),
                                                      opt(query.actor_user_id), std::int64_t{page.limit + 1}}));
        domain::Page<domain::AuditEntry> out;
        for (const auto& r : rs.rows) {
            domain::AuditEntry e;
            e.workspace_id = as_int(r[0]);
            e.audit_id = as_int(r[1]);
            e.occurred_at = as_int(r[2]);
            e.actor_user_id = as_opt_int(r[3]);
            e.actor_api_key_id = as_opt_int(r[4]);
            e.actor_label = as_text(r[5]);
            e.action = as_text(r[6]);
            e.target_type = as_opt_text(r[7]);
            e.target_id = as_opt_text(r[8]);
            e.ip = as_opt_text(r[9]);
            e.detail = as_text(r[10]);
            out.items.push_back(std::move(e));
        }
        finish_page(out.items, page.limit, out.next_cursor, [](const auto& e) { return e.audit_id; });
        return out;
    });
}

}  // namespace rapport::storage
