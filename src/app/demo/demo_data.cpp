// TEMPORARY minimal loader so the tree builds; replaced by the full generator.
#include "app/demo/demo_data.hpp"

#include "storage/transaction.hpp"

namespace rapport::app::demo {

Result<bool> database_is_empty(storage::Database& db) {
    return storage::read(db, [](storage::Connection& conn) -> Result<bool> {
        auto rs = RAPPORT_TRY(conn.query("SELECT COUNT(*) FROM workspaces"));
        return storage::as_int(rs.rows.at(0).at(0)) == 0;
    });
}

Result<DemoReport> load_demo(Services& services, std::uint32_t) {
    auto boot = RAPPORT_TRY(services.identity().bootstrap(kWorkspaceName, kOwnerEmail, kOwnerPassword, "Demo Owner"));
    DemoReport r;
    r.workspace_slug = boot.workspace.slug;
    r.owner_email = kOwnerEmail;
    r.owner_password = kOwnerPassword;
    r.users = 1;
    return r;
}

}  // namespace rapport::app::demo
