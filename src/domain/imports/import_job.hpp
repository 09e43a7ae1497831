#pragma once
// An import of one CSV file into companies or people, as stored: what the sniffer found in
// the file, the mapping the person chose, and progress. The life cycle and its guarantees
// are described in import_runner.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/messages.hpp"
#include "domain/customers/customer_repository.hpp"
#include "domain/customers/fields.hpp"
#include "domain/imports/encoding.hpp"

namespace rapport::domain::imports {

enum class ImportStatus {
    Uploaded,   // stored and sniffed; needs a mapping
    Mapped,     // mapping accepted; may be dry-run and started
    Running,    // a worker owns it (run_id) and commits batches
    Completed,  // every row imported or rejected
    Failed,     // stopped by an error or a server shutdown; start again to resume
    Cancelled,  // stopped by a person; final
};

std::string_view to_string(ImportStatus status);
std::optional<ImportStatus> parse_import_status(std::string_view text);

struct ImportJob {
    Id workspace_id = 0;
    Id import_id = 0;
    customers::EntityType entity_type = customers::EntityType::Company;
    std::string filename;
    ImportStatus status = ImportStatus::Uploaded;
    std::int64_t size_bytes = 0;  // as uploaded, before transcoding
    Encoding encoding = Encoding::Utf8;
    std::string encoding_reason;
    char delimiter = ',';
    std::string delimiter_reason;
    bool has_bom = false;
    std::vector<std::string> header;
    std::int64_t rows_total = 0;              // data rows: records after the header
    std::optional<std::string> mapping_json;  // the accepted mapping (import_mapping.hpp), once mapped
    // Progress. rows_done is the checkpoint: the data rows 1..rows_done are committed.
    std::int64_t rows_done = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    // Imported rows (counted in created/updated/unchanged too) with flagged values, or with
    // invalid values ignored because their fields held valid ones.
    std::int64_t flagged = 0;
    std::optional<Id> run_id;  // the run that owns a Running import
    std::optional<UnixMillis> heartbeat_at;
    std::optional<Id> created_by_user_id;
    std::optional<Id> created_by_api_key_id;
    std::string created_by_label;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
    std::optional<UnixMillis> started_at;
    std::optional<UnixMillis> finished_at;
    std::optional<std::string> error;
};

// One problem of a row: the target field ("vat_id", "custom.roast", "tags", or "" for the
// row as a whole), the file's column it came from ("" when none), and why.
struct RowError {
    std::string field;
    std::string column;
    std::string detail;     // in English
    std::string key = {};   // the catalogue key of `detail` (core/messages.hpp), when it has one
    MessageArgs args = {};  // its arguments: the API shows `detail` in the reader's language
};

// A rejected row, or a flagged one (imported, with `errors` naming its flagged or ignored values).
struct RejectedRow {
    std::int64_t row = 0;   // 1-based data row (the header is not counted)
    std::int64_t line = 0;  // physical line where the row starts
    std::vector<std::string> fields;
    std::vector<RowError> errors;
};

// Text forms of a rejected row's fields and errors (JSON arrays), as the repository stores them.
std::string encode_fields(const std::vector<std::string>& fields);
std::vector<std::string> decode_fields(std::string_view text);
std::string encode_errors(const std::vector<RowError>& errors);
std::vector<RowError> decode_errors(std::string_view text);
// The errors in one line for the "error" column of rejected.csv: "vat_id (P.IVA): bad check digit; ...".
std::string describe_errors(const std::vector<RowError>& errors);

// One batch of a run, committed atomically: the records, the rejected rows, and the
// checkpoint moving from rows_done_before to rows_done_after with the batch's counts.
struct BatchCommit {
    Id workspace_id = 0;
    Id import_id = 0;
    Id run_id = 0;
    std::int64_t rows_done_before = 0;
    std::int64_t rows_done_after = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::int64_t flagged = 0;
    UnixMillis at = 0;
    std::vector<customers::RecordWrite> inserts;
    std::vector<customers::RecordWrite> updates;
    std::vector<RejectedRow> rejections;
};

}  // namespace rapport::domain::imports
