#include "domain/imports/import_mapper.hpp"

#include <string>
#include <utility>

#include "domain/imports/batch_planner.hpp"
#include "domain/imports/import_access.hpp"
#include "domain/imports/row_source.hpp"

namespace rapport::domain::imports {

using customers::EntityType;
using nlohmann::json;

Result<ImportMapping> ImportMapper::mapping_of(const Principal& actor, const ImportJob& job) {
    if (!job.mapping_json) return fail(Error::localized(ErrorCode::Conflict, "imports.map_first"));
    const auto defs = RAPPORT_TRY(customers_.custom_fields(actor, job.entity_type));
    const auto stored = json::parse(*job.mapping_json, nullptr, false);
    // Checked again: a custom field may have been removed since the mapping was accepted.
    return parse_mapping(stored, job.entity_type, job.header, defs, ColumnKeys::Index);
}

Status ImportMapper::check_constants(const Principal& actor, EntityType type, const ImportMapping& mapping) {
    if (mapping.constants.empty()) return {};
    // The constants alone, through the validation of every write: a bad one is reported
    // once here, instead of rejecting every row of the file.
    const auto context = RAPPORT_TRY(customers_.write_context(actor, type));
    const auto checked = customers_.prepare_create(actor, context, type, constants_input(mapping),
                                                   customers::CustomerService::default_source(actor));
    if (checked || checked.error().code != ErrorCode::Validation) return {};
    auto errors = constant_errors(checked.error(), mapping);
    if (errors.empty()) return {};
    const std::string count = std::to_string(errors.size());
    return fail(
        Error::localized(ErrorCode::Validation, "imports.constants_invalid", {{"count", count}}, std::move(errors)));
}

Result<ImportJob> ImportMapper::set_mapping(const Principal& actor, Id import_id, const json& body) {
    auto job = RAPPORT_TRY(visible_import(reader_, actor, import_id));
    if (job.status != ImportStatus::Uploaded && job.status != ImportStatus::Mapped) {
        return fail(Error::localized(ErrorCode::Conflict, "imports.mapping_locked",
                                     {{"status", std::string(to_string(job.status))}}));
    }
    const auto defs = RAPPORT_TRY(customers_.custom_fields(actor, job.entity_type));
    const auto mapping = RAPPORT_TRY(parse_mapping(body, job.entity_type, job.header, defs));
    RAPPORT_CHECK(check_constants(actor, job.entity_type, mapping));
    if (mapping.invalid_values == customers::InvalidValues::Flag && !role_at_least(actor.role, Role::Admin)) {
        return fail(Error::localized(ErrorCode::Forbidden, "imports.flag_needs_admin",
                                     {{"role", std::string(to_string(actor.role))}},
                                     {FieldError::localized("/invalid_values", "imports.flag_needs_admin_field")}));
    }
    if (!RAPPORT_TRY(repo_.save_mapping(job.workspace_id, job.import_id, mapping_to_stored_json(mapping).dump(),
                                        clock_.now_ms()))) {
        return fail(Error::localized(ErrorCode::Conflict, "imports.started_meanwhile"));
    }
    return visible_import(reader_, actor, import_id);
}

Result<DryRunReport> ImportMapper::dry_run(const Principal& actor, Id import_id) {
    const auto job = RAPPORT_TRY(visible_import(reader_, actor, import_id));
    const auto mapping = RAPPORT_TRY(mapping_of(actor, job));
    const auto context = RAPPORT_TRY(customers_.write_context(actor, job.entity_type));
    const std::string content = RAPPORT_TRY(reader_.content(job.workspace_id, job.import_id));
    CustomerServicePlanning lookups(customers_);
    BatchPlanner planner(lookups, actor, job, mapping, context, true);
    std::vector<CsvRecord> batch;
    if (!mapping.match_on.empty()) {
        RowSource keys(content, job.delimiter);
        for (next_batch(keys, 0, options_.batch_rows, batch); !batch.empty();
             next_batch(keys, 0, options_.batch_rows, batch)) {
            planner.count_keys(batch);
        }
    }
    RowSource source(content, job.delimiter);
    DryRunReport report;
    report.rows_total = job.rows_total;
    for (;;) {
        next_batch(source, 0, options_.batch_rows, batch);
        if (batch.empty()) break;
        auto planned = RAPPORT_TRY(planner.plan(batch));
        report.would_create += planned.created;
        report.would_update += planned.updated;
        report.unchanged += planned.unchanged;
        report.rejected += static_cast<std::int64_t>(planned.rejected.size());
        for (auto& r : planned.rejected) {
            if (report.rejected_rows.size() < options_.max_listed_rejections) {
                report.rejected_rows.push_back(std::move(r));
            } else {
                report.truncated = true;
            }
        }
        report.flagged += static_cast<std::int64_t>(planned.flagged.size());
        for (auto& r : planned.flagged) {
            if (report.flagged_rows.size() < options_.max_listed_rejections) {
                report.flagged_rows.push_back(std::move(r));
            } else {
                report.flagged_truncated = true;
            }
        }
    }
    return report;
}

}  // namespace rapport::domain::imports
