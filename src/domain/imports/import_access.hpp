#pragma once
// Who may see an import and who may import at all; shared by every part of imports.
#include "core/error.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/imports/import_job.hpp"
#include "domain/imports/import_reader.hpp"

namespace rapport::domain::imports {

// The import, when `actor` may see it: only the uploader and the workspace's admins and owners
// do. Anyone else (and other workspaces) get NotFound, exactly as for a missing import.
Result<ImportJob> visible_import(ImportReader& repo, const Principal& actor, Id import_id);

// Forbidden, naming the role, when `actor` may not create records of `type` (with `context`,
// from CustomerService::write_context), and so may not import them.
Status check_may_import(const customers::WriteContext& context, const Principal& actor, customers::EntityType type);

}  // namespace rapport::domain::imports
