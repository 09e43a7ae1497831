#include "storage/privacy/sql_privacy_repository.hpp"

#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

namespace {
// The placeholder keeps lists and aggregates readable after an erasure.
constexpr const char* kEraseNames =
    "UPDATE people SET first_name = 'Erased', last_name = 'person', custom = '{}', tag_list = '', erased_at = $3,"
    " updated_at = $3"
    " WHERE workspace_id = $1 AND person_id = $2";
constexpr const char* kEraseTags =
    "DELETE FROM tags WHERE workspace_id = $1 AND entity_type = 'person' AND entity_id = $2";
// Flags hold raw values (emails, phones): personal data.
constexpr const char* kEraseFlags =
    "DELETE FROM field_flags WHERE workspace_id = $1 AND entity_type = 'person' AND entity_id = $2";
constexpr const char* kEraseInteractionText =
    "UPDATE interactions SET subject = '', body = '' WHERE workspace_id = $1 AND person_id = $2";
constexpr const char* kRedactHistory =
    "UPDATE field_history SET old_value = NULL, new_value = NULL WHERE workspace_id = $1 AND entity_type = 'person'"
    " AND entity_id = $2 AND (field = $3 OR field LIKE 'custom.%' OR field = 'tags')";
constexpr const char* kAffiliations =
    "SELECT a.company_id, a.job_title, a.is_primary, c.legal_name FROM affiliations a JOIN companies c"
    " ON c.workspace_id = a.workspace_id AND c.company_id = a.company_id"
    " WHERE a.workspace_id = $1 AND a.person_id = $2 ORDER BY a.company_id";
}  // namespace

Status SqlPrivacyRepository::erase_person(Id ws, Id person_id, const std::vector<std::string>& columns,
                                          const std::vector<std::string>& fields, UnixMillis now,
                                          const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        auto changed = RAPPORT_TRY(c.execute(kEraseNames, {ws, person_id, now}));
        if (changed == 0)
            return fail(
                Error::localized(ErrorCode::NotFound, "customers.person_not_found", {{"id", id_to_string(person_id)}}));
        for (const auto& column : columns) {
            // Column names come from the field catalog (code), never from a request.
            RAPPORT_CHECK(c.execute(
                "UPDATE people SET " + column + " = NULL WHERE workspace_id = $1 AND person_id = $2", {ws, person_id}));
        }
        RAPPORT_CHECK(c.execute(kEraseTags, {ws, person_id}));
        RAPPORT_CHECK(c.execute(kEraseFlags, {ws, person_id}));
        RAPPORT_CHECK(c.execute(kEraseInteractionText, {ws, person_id}));
        for (const auto& field : fields) RAPPORT_CHECK(c.execute(kRedactHistory, {ws, person_id, field}));
        RAPPORT_CHECK(others_.run(c, ws, person_id));
        return insert_audit(c, audit);
    });
}

Status SqlPrivacyRepository::record_access_export(const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) { return insert_audit(c, audit); });
}

Result<nlohmann::json> SqlPrivacyRepository::affiliations_of(Id ws, Id person_id) {
    return read(db_, [&](Connection& c) -> Result<nlohmann::json> {
        auto rs = RAPPORT_TRY(c.query(kAffiliations, {ws, person_id}));
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : rs.rows) {
            out.push_back(
                {{"company_id", id_to_string(as_int(r[0]))},
                 {"job_title", as_opt_text(r[1]) ? nlohmann::json(*as_opt_text(r[1])) : nlohmann::json(nullptr)},
                 {"is_primary", as_bool(r[2])},
                 {"company", as_text(r[3])}});
        }
        return out;
    });
}

}  // namespace rapport::storage
