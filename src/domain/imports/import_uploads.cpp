#include "domain/imports/import_uploads.hpp"

#include <algorithm>
#include <utility>

#include "domain/imports/csv_sniffer.hpp"
#include "domain/imports/encoding.hpp"
#include "domain/imports/import_access.hpp"
#include "domain/imports/row_source.hpp"

namespace rapport::domain::imports {

using customers::EntityType;

namespace {

// Keeps the last path component, without control characters, within `max` bytes (cut at a
// character boundary); "import.csv" when nothing is left.
std::string clean_filename(std::string_view name, std::size_t max) {
    if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string out;
    for (unsigned char c : name) {
        if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
    }
    if (out.size() > max) {
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    if (out.find_first_not_of(" .") == std::string::npos) return "import.csv";
    return out;
}

}  // namespace

Result<UploadResult> ImportUploads::upload(const Principal& actor, EntityType type, std::string_view filename,
                                           std::string_view bytes) {
    const auto context = RAPPORT_TRY(customers_.write_context(actor, type));
    RAPPORT_CHECK(check_may_import(context, actor, type));
    if (bytes.empty()) return fail(Error::localized(ErrorCode::Validation, "imports.body_empty"));
    const bool whole = bytes.size() <= kSniffBytes;
    auto sniff = RAPPORT_TRY(sniff_csv(bytes.substr(0, std::min(bytes.size(), kSniffBytes)), whole));

    // Stored as UTF-8, whatever the file was: every later read is plain UTF-8. NUL bytes
    // (possible past the sniffed 64 KiB) are dropped: PostgreSQL text cannot hold them.
    std::string content;
    content.reserve(bytes.size() + bytes.size() / 8);
    Transcoder transcoder(sniff.encoding);
    transcoder.feed(bytes, content);
    transcoder.finish(content);
    content.erase(std::remove(content.begin(), content.end(), '\0'), content.end());

    std::int64_t rows = 0;
    {
        RowSource source(content, sniff.delimiter);
        CsvRecord record;
        while (source.next(record)) ++rows;
    }
    rows = std::max<std::int64_t>(0, rows - 1);  // the header
    if (rows == 0) {
        return fail(Error::localized(ErrorCode::Validation, "imports.no_data_rows"));
    }

    ImportJob job;
    job.workspace_id = actor.workspace_id;
    job.import_id = new_id();
    job.entity_type = type;
    job.filename = clean_filename(filename, options_.max_filename_bytes);
    job.status = ImportStatus::Uploaded;
    job.size_bytes = static_cast<std::int64_t>(bytes.size());
    job.encoding = sniff.encoding;
    job.encoding_reason = sniff.encoding_reason;
    job.delimiter = sniff.delimiter;
    job.delimiter_reason = sniff.delimiter_reason;
    job.has_bom = sniff.has_bom;
    job.header = sniff.header;
    job.rows_total = rows;
    job.created_by_user_id = actor.user_id;
    job.created_by_api_key_id = actor.api_key_id;
    job.created_by_label = actor.label;
    job.created_at = job.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.create(job, content));

    UploadResult out;
    out.suggestions =
        suggest_mapping(job.header, type == EntityType::Company ? ImportTarget::Companies : ImportTarget::People);
    out.sample_rows = std::move(sniff.sample_rows);
    out.job = std::move(job);
    return out;
}

}  // namespace rapport::domain::imports
