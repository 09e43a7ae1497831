#pragma once
// The mapping of an uploaded import (import_mapping.hpp has the request and its rules) and
// the dry run. set_mapping checks a mapping whole, every problem answered at once, before
// any work; dry_run then reports what starting the import would do, row by row, writing
// nothing: it runs the run's batch planner (batch_planner.hpp) over the same batches, with
// the records earlier batches would have written kept in memory.
//
// Cost: a dry run reads and validates the whole file inside the request (about a second per
// 50,000 rows); the server's body limit bounds the file.
//
// Thread-safe (no state of its own besides its collaborators, which are thread-safe).
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/imports/import_job.hpp"
#include "domain/imports/import_mapping.hpp"
#include "domain/imports/import_options.hpp"
#include "domain/imports/import_reader.hpp"
#include "domain/imports/mapping_repository.hpp"

namespace rapport::domain::imports {

struct DryRunReport {
    std::int64_t rows_total = 0;
    std::int64_t would_create = 0;
    std::int64_t would_update = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::vector<RejectedRow> rejected_rows;  // the first max_listed_rejections, in row order
    bool truncated = false;                  // more rows were rejected than listed
    // Rows that would be imported with flagged values ("invalid_values": "flag"); they are
    // counted in would_create / would_update / unchanged as well.
    std::int64_t flagged = 0;
    std::vector<RejectedRow> flagged_rows;  // the first max_listed_rejections, in row order
    bool flagged_truncated = false;
};

class ImportMapper {
public:
    // Every collaborator must outlive the mapper.
    ImportMapper(ImportReader& reader, MappingRepository& repo, customers::CustomerService& customers,
                 const Clock& clock, ImportOptions options = {})
        : reader_(reader), repo_(repo), customers_(customers), clock_(clock), options_(options) {}

    // `body` is the mapping request (import_mapping.hpp). Conflict once the import started;
    // Forbidden, naming /invalid_values, when someone below admin asks for "flag"; validation
    // errors at /constants/<target> for constant values a write would refuse.
    Result<ImportJob> set_mapping(const Principal& actor, Id import_id, const nlohmann::json& body);
    // The job's accepted mapping, checked again against the workspace's custom fields (one
    // may have been removed since). Conflict when the job has no mapping yet.
    Result<ImportMapping> mapping_of(const Principal& actor, const ImportJob& job);
    Result<DryRunReport> dry_run(const Principal& actor, Id import_id);

private:
    // Validation errors at /constants/<target> for constants the customers service refuses.
    Status check_constants(const Principal& actor, customers::EntityType type, const ImportMapping& mapping);

    ImportReader& reader_;
    MappingRepository& repo_;
    customers::CustomerService& customers_;
    const Clock& clock_;
    ImportOptions options_;
};

}  // namespace rapport::domain::imports
