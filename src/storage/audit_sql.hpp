#pragma once
// Writes an audit entry on a connection that is already inside the caller's transaction.
#include "domain/audit/audit_entry.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

Status insert_audit(Connection& conn, const domain::AuditEntry& entry);

// Decodes the page cursor convention: fetch limit+1 rows, the extra one proves a next page.
template <class T, class IdOf>
void finish_page(std::vector<T>& items, int limit, std::optional<std::string>& next_cursor, IdOf id_of) {
    if (static_cast<int>(items.size()) > limit) {
        items.resize(static_cast<std::size_t>(limit));
        next_cursor = std::to_string(id_of(items.back()));
    }
}

}  // namespace rapport::storage
