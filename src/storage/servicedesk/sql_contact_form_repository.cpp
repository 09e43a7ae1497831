#include "storage/servicedesk/sql_contact_form_repository.hpp"

#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::servicedesk;

namespace {

constexpr const char* kSelect =
    "SELECT enabled, team_id, allowed_origins, success_message, secret, updated_at FROM contact_forms"
    " WHERE workspace_id = $1";
constexpr const char* kUpsert =
    "INSERT INTO contact_forms (workspace_id, enabled, team_id, allowed_origins, success_message, secret, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace_id) DO UPDATE SET enabled = $2, team_id = $3,"
    " allowed_origins = $4, success_message = $5, secret = $6, updated_at = $7";

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        if (end > pos) out.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

}  // namespace

Result<std::optional<ContactFormSettings>> SqlContactFormRepository::get(Id ws) {
    return read(db_, [&](Connection& c) -> Result<std::optional<ContactFormSettings>> {
        auto rs = RAPPORT_TRY(c.query(kSelect, {ws}));
        if (rs.empty()) return std::optional<ContactFormSettings>{};
        const auto& r = rs.rows[0];
        ContactFormSettings s;
        s.workspace_id = ws;
        s.enabled = as_bool(r[0]);
        s.team_id = as_opt_int(r[1]);
        s.allowed_origins = split_lines(as_text(r[2]));
        s.success_message = as_text(r[3]);
        s.secret = as_text(r[4]);
        s.updated_at = as_int(r[5]);
        return std::optional<ContactFormSettings>{std::move(s)};
    });
}

Status SqlContactFormRepository::save(const ContactFormSettings& s) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(c.execute(kUpsert, {s.workspace_id, s.enabled, opt(s.team_id), join_lines(s.allowed_origins),
                                        s.success_message, s.secret, s.updated_at}));
        return {};
    });
}

Result<bool> SqlContactFormRepository::team_exists(Id ws, Id team) {
    return read(db_, [&](Connection& c) -> Result<bool> {
        auto rs = RAPPORT_TRY(c.query("SELECT 1 FROM teams WHERE workspace_id = $1 AND team_id = $2", {ws, team}));
        return !rs.empty();
    });
}

}  // namespace rapport::storage
