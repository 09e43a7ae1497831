#include "domain/imports/import_history.hpp"

namespace rapport::domain::imports {

Result<Page<ImportJob>> ImportHistory::list(const Principal& actor, const PageRequest& page) {
    ImportAuthor author;
    if (!role_at_least(actor.role, Role::Admin)) {
        // The same rule as visible_import: one's own imports only. A principal with neither
        // (cannot happen for a signed-in caller) would see nothing rather than everything.
        author.user_id = actor.user_id;
        author.api_key_id = actor.api_key_id;
        if (!author.user_id && !author.api_key_id) return Page<ImportJob>{};
    }
    const int limit = std::max(1, page.limit);
    auto jobs = RAPPORT_TRY(repo_.list_imports(actor.workspace_id, author, page.after, limit + 1));
    Page<ImportJob> out;
    if (static_cast<int>(jobs.size()) > limit) {
        jobs.resize(static_cast<std::size_t>(limit));
        out.next_cursor = id_to_string(jobs.back().import_id);
    }
    out.items = std::move(jobs);
    return out;
}

}  // namespace rapport::domain::imports
