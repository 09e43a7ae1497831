#pragma once
// Uploads of CSV files to import: the first step of an import's life cycle (import_runner.hpp
// describes the whole). The file is sniffed (encoding, delimiter, header), transcoded to
// UTF-8, counted and stored with a new job in the Uploaded state; the answer carries a sample
// of its rows and suggested column targets for the mapping (import_mapper.hpp).
//
// Cost: the whole file is read inside the request (parsed once to count its rows); the
// server's body limit (16 MiB by default, `serve --body-limit`) bounds it.
//
// Thread-safe (no state of its own besides its collaborators, which are thread-safe).
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/imports/column_mapping.hpp"
#include "domain/imports/import_job.hpp"
#include "domain/imports/import_options.hpp"
#include "domain/imports/upload_repository.hpp"

namespace rapport::domain::imports {

struct UploadResult {
    ImportJob job;
    std::vector<std::vector<std::string>> sample_rows;
    std::vector<ColumnSuggestion> suggestions;
};

class ImportUploads {
public:
    // Every collaborator must outlive the uploads.
    ImportUploads(UploadRepository& repo, customers::CustomerService& customers, const Clock& clock,
                  ImportOptions options = {})
        : repo_(repo), customers_(customers), clock_(clock), options_(options) {}

    // Stores `bytes` (a CSV file) as a new import of `type`. Validation errors for a file that
    // is empty, not text, or has no data rows; Forbidden when the actor may not create records.
    Result<UploadResult> upload(const Principal& actor, customers::EntityType type, std::string_view filename,
                                std::string_view bytes);

private:
    UploadRepository& repo_;
    customers::CustomerService& customers_;
    const Clock& clock_;
    ImportOptions options_;
};

}  // namespace rapport::domain::imports
