#include "domain/imports/import_rejections.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "domain/imports/import_access.hpp"

namespace rapport::domain::imports {

namespace {

std::string csv_field(std::string_view text, char delimiter) {
    const bool quote = text.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace

Result<std::string> ImportRejections::csv(const Principal& actor, Id import_id) {
    const auto job = RAPPORT_TRY(visible_import(reader_, actor, import_id));
    const char d = job.delimiter;
    std::string out = "\xEF\xBB\xBF";  // so that spreadsheets read it as UTF-8
    const auto add_row = [&](const std::vector<std::string>& fields, const std::string& error) {
        for (const auto& f : fields) {
            out += csv_field(f, d);
            out += d;
        }
        out += csv_field(error, d);
        out += "\r\n";
    };
    add_row(job.header, "error");
    RAPPORT_CHECK(repo_.rejected_rows(job.workspace_id, job.import_id, [&](const RejectedRow& row) {
        std::vector<std::string> fields = row.fields;
        if (fields.size() < job.header.size()) fields.resize(job.header.size());
        add_row(fields, "row " + std::to_string(row.row) + " (line " + std::to_string(row.line) +
                            "): " + describe_errors(row.errors));
    }));
    return out;
}

Result<Page<RejectedRow>> ImportRejections::page(const Principal& actor, Id import_id, const PageRequest& page) {
    const auto job = RAPPORT_TRY(visible_import(reader_, actor, import_id));
    const int limit = std::max(1, page.limit);
    auto rows = RAPPORT_TRY(repo_.rejected_page(job.workspace_id, job.import_id, page.after.value_or(0), limit + 1));
    Page<RejectedRow> out;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(static_cast<std::size_t>(limit));
        out.next_cursor = std::to_string(rows.back().row);
    }
    out.items = std::move(rows);
    return out;
}

}  // namespace rapport::domain::imports
