#include "storage/servicedesk/sql_mailbox_repository.hpp"

#include "core/crypto.hpp"
#include "core/utf8.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::servicedesk;

namespace {

constexpr const char* kColumns =
    "workspace_id, mailbox_id, name, address, team_id, imap_host, imap_port, imap_security, imap_username,"
    " imap_password, imap_verify, folder, smtp_host, smtp_port, smtp_security, smtp_username, smtp_password,"
    " smtp_verify, poll_seconds, use_idle, after_fetch, move_to_folder, max_attachment_bytes, enabled, uid_validity,"
    " last_uid, last_checked_at, last_error, created_at, updated_at";

Mailbox mailbox_of(const Row& r) {
    Mailbox m;
    m.workspace_id = as_int(r[0]);
    m.mailbox_id = as_int(r[1]);
    m.name = as_text(r[2]);
    m.address = as_text(r[3]);
    m.team_id = as_opt_int(r[4]);
    m.imap.host = as_text(r[5]);
    m.imap.port = as_int(r[6]);
    m.imap.security = parse_mail_security(as_text(r[7])).value_or(MailSecurity::Tls);
    m.imap.username = as_text(r[8]);
    m.imap.password = as_text(r[9]);
    m.imap.verify_certificate = as_bool(r[10]);
    m.folder = as_text(r[11]);
    m.smtp.host = as_text(r[12]);
    m.smtp.port = as_int(r[13]);
    m.smtp.security = parse_mail_security(as_text(r[14])).value_or(MailSecurity::Tls);
    m.smtp.username = as_text(r[15]);
    m.smtp.password = as_text(r[16]);
    m.smtp.verify_certificate = as_bool(r[17]);
    m.poll_seconds = as_int(r[18]);
    m.use_idle = as_bool(r[19]);
    m.after_fetch = parse_after_fetch(as_text(r[20])).value_or(AfterFetch::MarkSeen);
    m.move_to_folder = as_text(r[21]);
    m.max_attachment_bytes = as_int(r[22]);
    m.enabled = as_bool(r[23]);
    m.uid_validity = as_int(r[24]);
    m.last_uid = as_int(r[25]);
    m.last_checked_at = as_opt_int(r[26]);
    m.last_error = as_opt_text(r[27]);
    m.created_at = as_int(r[28]);
    m.updated_at = as_int(r[29]);
    return m;
}

Params settings_params(const Mailbox& m) {
    return {m.workspace_id,
            m.mailbox_id,
            m.name,
            m.address,
            opt(m.team_id),
            m.imap.host,
            m.imap.port,
            std::string(to_string(m.imap.security)),
            m.imap.username,
            m.imap.password,
            m.imap.verify_certificate,
            m.folder,
            m.smtp.host,
            m.smtp.port,
            std::string(to_string(m.smtp.security)),
            m.smtp.username,
            m.smtp.password,
            m.smtp.verify_certificate,
            m.poll_seconds,
            m.use_idle,
            std::string(to_string(m.after_fetch)),
            m.move_to_folder,
            m.max_attachment_bytes,
            m.enabled,
            m.updated_at};
}

Result<std::vector<Mailbox>> select(Database& db, const std::string& where, const Params& params) {
    return read(db, [&](Connection& c) -> Result<std::vector<Mailbox>> {
        auto rs = RAPPORT_TRY(c.query(std::string("SELECT ") + kColumns + " FROM mailboxes " + where, params));
        std::vector<Mailbox> out;
        for (const auto& r : rs.rows) out.push_back(mailbox_of(r));
        return out;
    });
}

QuarantinedMail quarantined_of(const Row& r, bool with_source) {
    QuarantinedMail q;
    q.workspace_id = as_int(r[0]);
    q.quarantine_id = as_int(r[1]);
    q.mailbox_id = as_opt_int(r[2]);
    q.uid = as_int(r[3]);
    q.reason = as_text(r[4]);
    q.size = as_int(r[5]);
    q.received_at = as_int(r[6]);
    q.resolved_at = as_opt_int(r[7]);
    q.resolved_message_id = as_opt_int(r[8]);
    if (with_source) {
        q.raw = as_text(r[10]) == "base64" ? crypto::base64_decode(as_text(r[9])).value_or("") : as_text(r[9]);
    }
    return q;
}

}  // namespace

Result<std::vector<Mailbox>> SqlMailboxRepository::list(Id ws) {
    return select(db_, "WHERE workspace_id = $1 ORDER BY created_at, mailbox_id", {ws});
}

Result<std::vector<Mailbox>> SqlMailboxRepository::enabled() {
    return select(db_, "WHERE enabled = TRUE ORDER BY workspace_id, mailbox_id", {});
}

Result<std::optional<Mailbox>> SqlMailboxRepository::find(Id ws, Id id) {
    auto found = RAPPORT_TRY(select(db_, "WHERE workspace_id = $1 AND mailbox_id = $2", {ws, id}));
    if (found.empty()) return std::optional<Mailbox>{};
    return std::optional<Mailbox>{std::move(found.front())};
}

Result<std::optional<Mailbox>> SqlMailboxRepository::default_for(Id ws) {
    auto found = RAPPORT_TRY(select(db_, "WHERE workspace_id = $1 ORDER BY enabled DESC, created_at LIMIT 1", {ws}));
    if (found.empty()) return std::optional<Mailbox>{};
    return std::optional<Mailbox>{std::move(found.front())};
}

Status SqlMailboxRepository::insert(const Mailbox& m) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        Params p = settings_params(m);
        p.push_back(m.created_at);
        RAPPORT_TRY(c.execute(
            "INSERT INTO mailboxes (workspace_id, mailbox_id, name, address, team_id, imap_host, imap_port,"
            " imap_security, imap_username, imap_password, imap_verify, folder, smtp_host, smtp_port, smtp_security,"
            " smtp_username, smtp_password, smtp_verify, poll_seconds, use_idle, after_fetch, move_to_folder,"
            " max_attachment_bytes, enabled, updated_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
            " $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)",
            p));
        return {};
    });
}

Status SqlMailboxRepository::update(const Mailbox& m) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        auto changed = RAPPORT_TRY(c.execute(
            "UPDATE mailboxes SET name = $3, address = $4, team_id = $5, imap_host = $6, imap_port = $7,"
            " imap_security = $8, imap_username = $9, imap_password = $10, imap_verify = $11, folder = $12,"
            " smtp_host = $13, smtp_port = $14, smtp_security = $15, smtp_username = $16, smtp_password = $17,"
            " smtp_verify = $18, poll_seconds = $19, use_idle = $20, after_fetch = $21, move_to_folder = $22,"
            " max_attachment_bytes = $23, enabled = $24, updated_at = $25 WHERE workspace_id = $1 AND mailbox_id = $2",
            settings_params(m)));
        if (changed == 0)
            return fail(Error::localized(ErrorCode::NotFound, "servicedesk.mailbox_not_found",
                                         {{"id", id_to_string(m.mailbox_id)}}));
        return {};
    });
}

Status SqlMailboxRepository::remove(Id ws, Id id) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(c.execute("DELETE FROM mailboxes WHERE workspace_id = $1 AND mailbox_id = $2", {ws, id}));
        return {};
    });
}

Status SqlMailboxRepository::save_progress(Id ws, Id id, std::int64_t uid_validity, std::int64_t last_uid,
                                           UnixMillis checked_at, const std::optional<std::string>& error) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(
            c.execute("UPDATE mailboxes SET uid_validity = $3, last_uid = $4, last_checked_at = $5, last_error = $6"
                      " WHERE workspace_id = $1 AND mailbox_id = $2",
                      {ws, id, uid_validity, last_uid, checked_at, error ? Value{utf8::sanitize(*error)} : Value{}}));
        return {};
    });
}

Status SqlMailboxRepository::quarantine(const QuarantinedMail& q) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        const bool text = utf8::is_valid(q.raw) && q.raw.find('\0') == std::string::npos;
        RAPPORT_TRY(c.execute(
            "INSERT INTO mail_quarantine (workspace_id, quarantine_id, mailbox_id, uid, reason, encoding, source, size,"
            " received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            {q.workspace_id, q.quarantine_id, opt(q.mailbox_id), q.uid, utf8::sanitize(q.reason),
             std::string(text ? "text" : "base64"), text ? q.raw : crypto::base64_encode(q.raw),
             static_cast<std::int64_t>(q.raw.size()), q.received_at}));
        return {};
    });
}

Result<std::vector<QuarantinedMail>> SqlMailboxRepository::quarantined(Id ws, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<QuarantinedMail>> {
        auto rs = RAPPORT_TRY(
            c.query("SELECT workspace_id, quarantine_id, mailbox_id, uid, reason, size, received_at, resolved_at,"
                    " resolved_message_id FROM mail_quarantine WHERE workspace_id = $1"
                    " ORDER BY resolved_at IS NOT NULL, received_at DESC LIMIT $2",
                    {ws, static_cast<std::int64_t>(limit)}));
        std::vector<QuarantinedMail> out;
        for (const auto& r : rs.rows) out.push_back(quarantined_of(r, false));
        return out;
    });
}

Result<std::optional<QuarantinedMail>> SqlMailboxRepository::quarantined_mail(Id ws, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<QuarantinedMail>> {
        auto rs = RAPPORT_TRY(
            c.query("SELECT workspace_id, quarantine_id, mailbox_id, uid, reason, size, received_at, resolved_at,"
                    " resolved_message_id, source, encoding FROM mail_quarantine WHERE workspace_id = $1 AND "
                    "quarantine_id = $2",
                    {ws, id}));
        if (rs.empty()) return std::optional<QuarantinedMail>{};
        return std::optional<QuarantinedMail>{quarantined_of(rs.rows[0], true)};
    });
}

Status SqlMailboxRepository::resolve_quarantine(Id ws, Id id, std::optional<Id> message_id, UnixMillis at) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(
            c.execute("UPDATE mail_quarantine SET resolved_at = $3, resolved_message_id = $4 WHERE workspace_id = $1"
                      " AND quarantine_id = $2",
                      {ws, id, at, opt(message_id)}));
        return {};
    });
}

}  // namespace rapport::storage
