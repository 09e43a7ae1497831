#include "storage/servicedesk/sql_canned_reply_repository.hpp"

#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::servicedesk;

namespace {

constexpr const char* kSelect =
    "SELECT workspace_id, canned_reply_id, name, language, body, created_at, updated_at FROM canned_replies ";
constexpr const char* kTaken =
    "SELECT canned_reply_id FROM canned_replies WHERE workspace_id = $1 AND name = $2 AND language = $3"
    " AND canned_reply_id <> $4";

CannedReply reply_of(const Row& r) {
    CannedReply c;
    c.workspace_id = as_int(r[0]);
    c.canned_reply_id = as_int(r[1]);
    c.name = as_text(r[2]);
    c.language = as_text(r[3]);
    c.body = as_text(r[4]);
    c.created_at = as_int(r[5]);
    c.updated_at = as_int(r[6]);
    return c;
}

Status check_free(Connection& c, const CannedReply& r) {
    auto rs = RAPPORT_TRY(c.query(kTaken, {r.workspace_id, r.name, r.language, r.canned_reply_id}));
    if (!rs.empty()) {
        return fail(Error::localized(ErrorCode::Conflict, "servicedesk.canned_reply_exists",
                                     {{"name", r.name}, {"language", r.language}}));
    }
    return {};
}

}  // namespace

Result<std::vector<CannedReply>> SqlCannedReplyRepository::list(Id ws) {
    return read(db_, [&](Connection& c) -> Result<std::vector<CannedReply>> {
        auto rs = RAPPORT_TRY(
            c.query(std::string(kSelect) + "WHERE workspace_id = $1 ORDER BY name, language, canned_reply_id", {ws}));
        std::vector<CannedReply> out;
        for (const auto& r : rs.rows) out.push_back(reply_of(r));
        return out;
    });
}

Result<std::optional<CannedReply>> SqlCannedReplyRepository::find(Id ws, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<CannedReply>> {
        auto rs =
            RAPPORT_TRY(c.query(std::string(kSelect) + "WHERE workspace_id = $1 AND canned_reply_id = $2", {ws, id}));
        if (rs.empty()) return std::optional<CannedReply>{};
        return std::optional<CannedReply>{reply_of(rs.rows[0])};
    });
}

Status SqlCannedReplyRepository::insert(const CannedReply& r) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(check_free(c, r));
        RAPPORT_TRY(c.execute(
            "INSERT INTO canned_replies (workspace_id, canned_reply_id, name, language, body, created_at, updated_at)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {r.workspace_id, r.canned_reply_id, r.name, r.language, r.body, r.created_at, r.updated_at}));
        return {};
    });
}

Status SqlCannedReplyRepository::update(const CannedReply& r) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(check_free(c, r));
        RAPPORT_TRY(
            c.execute("UPDATE canned_replies SET name = $3, language = $4, body = $5, updated_at = $6"
                      " WHERE workspace_id = $1 AND canned_reply_id = $2",
                      {r.workspace_id, r.canned_reply_id, r.name, r.language, r.body, r.updated_at}));
        return {};
    });
}

Status SqlCannedReplyRepository::remove(Id ws, Id id) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(c.execute("DELETE FROM canned_replies WHERE workspace_id = $1 AND canned_reply_id = $2", {ws, id}));
        return {};
    });
}

}  // namespace rapport::storage
