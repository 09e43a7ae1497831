#include "storage/servicedesk/sql_conversation_repository.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/crypto.hpp"
#include "core/utf8.hpp"
#include "storage/access_filter_sql.hpp"
#include "storage/batch_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::servicedesk;
using domain::AccessFilter;

namespace {

// ---- conversations

#define RAPPORT_CONVERSATION_COLUMNS                                                                           \
    "c.workspace_id, c.conversation_id, c.number, c.subject, c.channel, c.mailbox_id, c.status, c.priority, "  \
    "c.topic, c.team_id, c.assignee_user_id, c.person_id, c.company_id, c.tags, c.awaiting_since, "            \
    "c.last_inbound_at, c.last_reply_at, c.last_message_at, c.first_response_at, c.sla_policy_id, "            \
    "c.first_response_due_at, c.next_response_due_at, c.resolution_due_at, c.sla_due_at, c.sla_warn_minutes, " \
    "c.waiting_since, c.resolved_at, c.merged_into_id, c.version, c.created_at, c.updated_at, c.sla_escalated_at"
constexpr std::size_t kConversationWidth = 32;

std::string tags_text(const std::vector<std::string>& tags) {
    if (tags.empty()) return "";
    std::string out = "|";
    for (const auto& t : tags) out += t + "|";
    return out;
}
std::vector<std::string> parse_tags(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 1;
    while (at < text.size()) {
        auto bar = text.find('|', at);
        if (bar == std::string::npos) break;
        if (bar > at) out.push_back(text.substr(at, bar - at));
        at = bar + 1;
    }
    return out;
}

std::optional<UnixMillis> opt_ms(const Value& v) {
    return as_opt_int(v);
}

Conversation conversation_of(const Row& r, std::size_t i = 0) {
    Conversation c;
    c.workspace_id = as_int(r[i + 0]);
    c.conversation_id = as_int(r[i + 1]);
    c.number = as_int(r[i + 2]);
    c.subject = as_text(r[i + 3]);
    c.channel = as_text(r[i + 4]);
    c.mailbox_id = as_opt_int(r[i + 5]);
    c.status = parse_conversation_status(as_text(r[i + 6])).value_or(ConversationStatus::Open);
    c.priority = parse_priority(as_text(r[i + 7])).value_or(Priority::Normal);
    if (auto t = as_opt_text(r[i + 8])) c.topic = parse_topic(*t);
    c.team_id = as_opt_int(r[i + 9]);
    c.assignee_user_id = as_opt_int(r[i + 10]);
    c.person_id = as_opt_int(r[i + 11]);
    c.company_id = as_opt_int(r[i + 12]);
    c.tags = parse_tags(as_text(r[i + 13]));
    c.awaiting_since = opt_ms(r[i + 14]);
    c.last_inbound_at = opt_ms(r[i + 15]);
    c.last_reply_at = opt_ms(r[i + 16]);
    c.last_message_at = as_int(r[i + 17]);
    c.first_response_at = opt_ms(r[i + 18]);
    c.sla_policy_id = as_opt_int(r[i + 19]);
    c.first_response_due_at = opt_ms(r[i + 20]);
    c.next_response_due_at = opt_ms(r[i + 21]);
    c.resolution_due_at = opt_ms(r[i + 22]);
    c.sla_due_at = opt_ms(r[i + 23]);
    c.sla_warn_minutes = as_int(r[i + 24]);
    c.waiting_since = opt_ms(r[i + 25]);
    c.resolved_at = opt_ms(r[i + 26]);
    c.merged_into_id = as_opt_int(r[i + 27]);
    c.version = as_int(r[i + 28]);
    c.created_at = as_int(r[i + 29]);
    c.updated_at = as_int(r[i + 30]);
    c.sla_escalated_at = opt_ms(r[i + 31]);
    return c;
}

Value opt_text(const std::optional<Topic>& t) {
    return t ? Value{std::string(to_string(*t))} : Value{};
}

// The derived columns follow the conversation's state: `active` for the working views and
// sla_due_at for the breaching view.
void derive(Conversation& c) {
    c.sla_due_at = earliest_open_due(c);
}

// The stored columns of a conversation besides its key, number, channel, mailbox and creation
// time (which never change), with their values: one list for the insert and the update.
std::vector<std::pair<const char*, Value>> conversation_values(const Conversation& c) {
    return {{"subject", c.subject},
            {"status", std::string(to_string(c.status))},
            {"active", is_active(c.status) && !c.merged_into_id},
            {"priority", std::string(to_string(c.priority))},
            {"topic", opt_text(c.topic)},
            {"team_id", opt(c.team_id)},
            {"assignee_user_id", opt(c.assignee_user_id)},
            {"person_id", opt(c.person_id)},
            {"company_id", opt(c.company_id)},
            {"tags", tags_text(c.tags)},
            {"awaiting_since", opt(c.awaiting_since)},
            {"last_inbound_at", opt(c.last_inbound_at)},
            {"last_reply_at", opt(c.last_reply_at)},
            {"last_message_at", c.last_message_at},
            {"first_response_at", opt(c.first_response_at)},
            {"sla_policy_id", opt(c.sla_policy_id)},
            {"first_response_due_at", opt(c.first_response_due_at)},
            {"next_response_due_at", opt(c.next_response_due_at)},
            {"resolution_due_at", opt(c.resolution_due_at)},
            {"sla_due_at", opt(c.sla_due_at)},
            {"sla_warn_minutes", c.sla_warn_minutes},
            {"sla_escalated_at", opt(c.sla_escalated_at)},
            {"waiting_since", opt(c.waiting_since)},
            {"resolved_at", opt(c.resolved_at)},
            {"merged_into_id", opt(c.merged_into_id)},
            {"version", c.version},
            {"updated_at", c.updated_at}};
}

Status insert_conversation(Connection& conn, Conversation& c) {
    auto rs = RAPPORT_TRY(
        conn.query("INSERT INTO conversation_numbers (workspace_id, next_number) VALUES ($1, 2)"
                   " ON CONFLICT (workspace_id) DO UPDATE SET next_number = conversation_numbers.next_number + 1"
                   " RETURNING next_number - 1",
                   {c.workspace_id}));
    c.number = as_int(rs.rows.at(0)[0]);
    derive(c);
    Params p{c.workspace_id, c.conversation_id, c.number, c.channel, opt(c.mailbox_id), c.created_at};
    std::string columns = "workspace_id, conversation_id, number, channel, mailbox_id, created_at";
    std::string values = "$1, $2, $3, $4, $5, $6";
    for (auto& [column, value] : conversation_values(c)) {
        p.push_back(std::move(value));
        columns += std::string(", ") + column;
        values += ", $" + std::to_string(p.size());
    }
    RAPPORT_TRY(conn.execute("INSERT INTO conversations (" + columns + ") VALUES (" + values + ")", p));
    return {};
}

// Writes every column of `c` back, one version later; Conflict when someone else wrote first.
Status save_conversation(Connection& conn, Conversation& c) {
    const auto due_before = c.sla_due_at;
    derive(c);
    if (c.sla_due_at != due_before) c.sla_escalated_at.reset();  // a new due time, not yet breached
    const std::int64_t read_version = c.version;
    c.version = read_version + 1;
    Params p{c.workspace_id, c.conversation_id, read_version};
    std::string sets;
    for (auto& [column, value] : conversation_values(c)) {
        p.push_back(std::move(value));
        sets += (sets.empty() ? "" : ", ") + std::string(column) + " = $" + std::to_string(p.size());
    }
    auto changed = RAPPORT_TRY(conn.execute(
        "UPDATE conversations SET " + sets + " WHERE workspace_id = $1 AND conversation_id = $2 AND version = $3", p));
    if (changed == 0) {
        return fail(Error::localized(ErrorCode::Conflict, "servicedesk.version_conflict",
                                     {{"version", std::to_string(read_version + 1)}}));
    }
    return {};
}

Result<std::optional<Conversation>> load(Connection& conn, Id ws, Id id) {
    auto rs = RAPPORT_TRY(conn.query("SELECT " RAPPORT_CONVERSATION_COLUMNS
                                     " FROM conversations c WHERE c.workspace_id = $1 AND c.conversation_id = $2",
                                     {ws, id}));
    if (rs.empty()) return std::optional<Conversation>{};
    return std::optional<Conversation>{conversation_of(rs.rows[0])};
}

Result<Conversation> load_existing(Connection& conn, Id ws, Id id) {
    auto c = RAPPORT_TRY(load(conn, ws, id));
    if (!c) {
        return fail(
            Error::localized(ErrorCode::NotFound, "servicedesk.conversation_not_found", {{"id", id_to_string(id)}}));
    }
    return std::move(*c);
}

// Recounts what a conversation's inbox row shows (migration 0037) after messages were added
// to it or moved: two lookups on conversation_messages_by_conversation.
Status refresh_row_summary(Connection& conn, Id ws, Id id) {
    RAPPORT_TRY(
        conn.execute("UPDATE conversations SET"
                     " message_count = (SELECT COUNT(*) FROM conversation_messages m WHERE m.workspace_id = $1"
                     " AND m.conversation_id = $2),"
                     " preview = COALESCE((SELECT SUBSTR(m.body_text, 1, 400) FROM conversation_messages m"
                     " WHERE m.workspace_id = $1 AND m.conversation_id = $2 AND m.kind IN ('inbound', 'reply')"
                     " ORDER BY m.message_id DESC LIMIT 1), '')"
                     " WHERE workspace_id = $1 AND conversation_id = $2",
                     {ws, id}));
    return {};
}

// ---- messages

#define RAPPORT_MESSAGE_COLUMNS                                                                          \
    "m.workspace_id, m.message_id, m.conversation_id, m.kind, m.channel, m.external_id, m.mailbox_id, "  \
    "m.from_name, m.from_address, m.to_addresses, m.cc_addresses, m.subject, m.body_text, m.body_html, " \
    "m.author_user_id, m.person_id, m.auto_kind, m.answered_at, m.no_reply_reason, m.delivery_status, "  \
    "m.delivery_error, m.send_attempts, m.next_attempt_at, m.sent_at, m.in_reply_to, m.references_ids, " \
    "m.interaction_id, m.minutes_spent, m.occurred_at, m.created_at"

std::string list_json(const std::vector<std::string>& items) {
    return nlohmann::json(items).dump();
}
std::vector<std::string> parse_list(const std::string& text) {
    std::vector<std::string> out;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array()) {
        for (const auto& v : j) {
            if (v.is_string()) out.push_back(v.get<std::string>());
        }
    }
    return out;
}

ConversationMessage message_of(const Row& r) {
    ConversationMessage m;
    m.workspace_id = as_int(r[0]);
    m.message_id = as_int(r[1]);
    m.conversation_id = as_opt_int(r[2]);
    m.kind = parse_message_kind(as_text(r[3])).value_or(MessageKind::Inbound);
    m.channel = as_text(r[4]);
    m.external_id = as_opt_text(r[5]);
    m.mailbox_id = as_opt_int(r[6]);
    m.from_name = as_text(r[7]);
    m.from_address = as_opt_text(r[8]);
    m.to = parse_list(as_text(r[9]));
    m.cc = parse_list(as_text(r[10]));
    m.subject = as_text(r[11]);
    m.text = as_text(r[12]);
    m.html = as_text(r[13]);
    m.author_user_id = as_opt_int(r[14]);
    m.person_id = as_opt_int(r[15]);
    if (auto k = as_opt_text(r[16])) m.auto_kind = parse_auto_kind(*k);
    m.answered_at = as_opt_int(r[17]);
    m.no_reply_reason = as_opt_text(r[18]);
    if (auto d = as_opt_text(r[19])) m.delivery_status = parse_delivery_status(*d);
    m.delivery_error = as_opt_text(r[20]);
    m.send_attempts = as_int(r[21]);
    m.next_attempt_at = as_opt_int(r[22]);
    m.sent_at = as_opt_int(r[23]);
    m.in_reply_to = parse_list(as_text(r[24]));
    m.references = parse_list(as_text(r[25]));
    m.interaction_id = as_opt_int(r[26]);
    m.minutes_spent = as_int(r[27]);
    m.occurred_at = as_int(r[28]);
    m.created_at = as_int(r[29]);
    return m;
}

// Text columns hold UTF-8 only (PostgreSQL refuses anything else); a parser's output is
// UTF-8 already, this guards the channels that pass text through.
std::string clean(const std::string& s) {
    return utf8::is_valid(s) ? s : utf8::sanitize(s);
}

// The timeline's channel for a conversation's channel (its CHECK allows a fixed list).
std::string_view timeline_channel(const std::string& channel) {
    if (channel == "email") return "email";
    if (channel == "web_form") return "web";
    if (channel == "note") return "email";
    for (const char* chat : {"chat", "whatsapp", "telegram", "sms", "messenger", "signal"}) {
        if (channel.find(chat) != std::string::npos) return "chat";
    }
    return "social";
}

Status insert_timeline_entry(Connection& conn, ConversationMessage& m, const Conversation& c) {
    if (!m.person_id && !c.person_id && !c.company_id) return {};
    m.interaction_id = new_id();
    const bool inbound = m.kind == MessageKind::Inbound;
    const std::string kind = m.channel == "email" || (!inbound && c.channel == "email") ? "email" : "note";
    std::string subject = m.subject.empty() ? c.subject : m.subject;
    std::string body = m.text.size() > 2000 ? utf8::truncate(m.text, 2000) : m.text;
    RAPPORT_TRY(conn.execute(
        "INSERT INTO interactions (workspace_id, interaction_id, kind, person_id, company_id, subject, body, channel,"
        " direction, relationship_type, minutes_spent, occurred_at, created_by_user_id, created_at, conversation_id)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'personal_assistance', $10, $11, $12, $13, $14)",
        {m.workspace_id, *m.interaction_id, kind, opt(m.person_id ? m.person_id : c.person_id), opt(c.company_id),
         clean(subject), clean(body), std::string(timeline_channel(c.channel)),
         std::string(inbound ? "inbound" : "outbound"), m.minutes_spent, m.occurred_at, opt(m.author_user_id),
         m.created_at, c.conversation_id}));
    return {};
}

Status insert_message(Connection& conn, ConversationMessage& m) {
    RAPPORT_TRY(conn.execute(
        "INSERT INTO conversation_messages (workspace_id, message_id, conversation_id, kind, channel, external_id,"
        " mailbox_id, from_name, from_address, to_addresses, cc_addresses, subject, body_text, body_html,"
        " author_user_id, person_id, auto_kind, answered_at, no_reply_reason, delivery_status, delivery_error,"
        " send_attempts, next_attempt_at, sent_at, in_reply_to, references_ids, interaction_id, minutes_spent,"
        " occurred_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,"
        " $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)",
        {m.workspace_id,
         m.message_id,
         opt(m.conversation_id),
         std::string(to_string(m.kind)),
         m.channel,
         opt(m.external_id),
         opt(m.mailbox_id),
         clean(m.from_name),
         opt(m.from_address),
         list_json(m.to),
         list_json(m.cc),
         clean(m.subject),
         clean(m.text),
         clean(m.html),
         opt(m.author_user_id),
         opt(m.person_id),
         m.auto_kind ? Value{std::string(to_string(*m.auto_kind))} : Value{},
         opt(m.answered_at),
         opt(m.no_reply_reason),
         m.delivery_status ? Value{std::string(to_string(*m.delivery_status))} : Value{},
         opt(m.delivery_error),
         m.send_attempts,
         opt(m.next_attempt_at),
         opt(m.sent_at),
         list_json(m.in_reply_to),
         list_json(m.references),
         opt(m.interaction_id),
         m.minutes_spent,
         m.occurred_at,
         m.created_at}));
    for (auto& a : m.attachments) {
        if (a.attachment_id == 0) a.attachment_id = new_id();
        a.message_id = m.message_id;
        RAPPORT_TRY(conn.execute(
            "INSERT INTO message_attachments (workspace_id, attachment_id, message_id, conversation_id, filename,"
            " content_type, content_id, is_inline, size, data_base64, rejected_reason)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            {m.workspace_id, a.attachment_id, m.message_id, opt(m.conversation_id), clean(a.filename),
             clean(a.content_type), clean(a.content_id), a.is_inline, a.size,
             a.data.empty() ? std::string() : crypto::base64_encode(a.data), clean(a.rejected_reason)}));
    }
    return {};
}

Status insert_source(Connection& conn, Id ws, Id message_id, const std::string& raw) {
    const bool text = utf8::is_valid(raw) && raw.find('\0') == std::string::npos;
    RAPPORT_TRY(
        conn.execute("INSERT INTO message_sources (workspace_id, message_id, encoding, source) VALUES ($1, $2, $3, $4)",
                     {ws, message_id, std::string(text ? "text" : "base64"), text ? raw : crypto::base64_encode(raw)}));
    return {};
}

Result<std::optional<ConversationMessage>> load_message(Connection& conn, Id ws, Id message_id) {
    auto rs = RAPPORT_TRY(conn.query("SELECT " RAPPORT_MESSAGE_COLUMNS
                                     " FROM conversation_messages m WHERE m.workspace_id = $1 AND m.message_id = $2",
                                     {ws, message_id}));
    if (rs.empty()) return std::optional<ConversationMessage>{};
    return std::optional<ConversationMessage>{message_of(rs.rows[0])};
}

// ---- rows as lists show them

std::string row_select() {
    return "SELECT " RAPPORT_CONVERSATION_COLUMNS
           ", p.first_name, p.last_name, p.email, co.legal_name, co.trade_name, u.display_name,"
           " c.preview, c.message_count"
           " FROM conversations c"
           " LEFT JOIN people p ON p.workspace_id = c.workspace_id AND p.person_id = c.person_id"
           " LEFT JOIN companies co ON co.workspace_id = c.workspace_id AND co.company_id = c.company_id"
           " LEFT JOIN users u ON u.workspace_id = c.workspace_id AND u.user_id = c.assignee_user_id";
}

ConversationRow row_of(const Row& r) {
    ConversationRow out;
    out.conversation = conversation_of(r);
    std::size_t i = kConversationWidth;
    if (out.conversation.person_id) {
        PersonRef p;
        p.id = *out.conversation.person_id;
        const std::string first = as_opt_text(r[i]).value_or("");
        const std::string last = as_opt_text(r[i + 1]).value_or("");
        p.name = first.empty() ? last : (last.empty() ? first : first + " " + last);
        p.email = as_opt_text(r[i + 2]);
        out.person = p;
    }
    if (out.conversation.company_id) {
        CompanyRef co;
        co.id = *out.conversation.company_id;
        const std::string legal = as_opt_text(r[i + 3]).value_or("");
        const std::string trade = as_opt_text(r[i + 4]).value_or("");
        co.name = trade.empty() ? legal : trade;
        out.company = co;
    }
    out.assignee_name = as_opt_text(r[i + 5]).value_or("");
    std::string preview = as_opt_text(r[i + 6]).value_or("");
    for (auto& ch : preview) {
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    }
    out.preview = preview.size() > 160 ? utf8::truncate(preview, 160) : preview;
    out.message_count = as_int(r[i + 7]);
    return out;
}

std::string param(Params& p, Value v) {
    p.push_back(std::move(v));
    return "$" + std::to_string(p.size());
}

PartitionColumns person_partition() {
    PartitionColumns part;
    part.consumer_of = "p.buyer_company_id";
    return part;
}

// Who reads a conversation (over `c` and its person `p`): whoever may read the person, and
// besides, inside the workspace, the agent it is assigned to and the members of its team, so
// an agent sees their inbox whatever the customer record's owner and team. A partner user
// reads through the records alone (their buyer's consumers); B2B2C partitions hold for the
// second way too.
std::string conversation_access(const AccessFilter& access, Params& p) {
    const std::string by_person = access_condition(access, p, "p.owner_user_id", "p.team_id", person_partition());
    if (access.partner_company_id || by_person == "1=1") return by_person;
    std::string by_work;
    if (access.user_id) by_work = "c.assignee_user_id = " + param(p, *access.user_id);
    if (!access.team_ids.empty()) {
        std::string in;
        for (Id t : access.team_ids) in += (in.empty() ? "" : ", ") + param(p, t);
        by_work += (by_work.empty() ? "" : " OR ") + std::string("c.team_id IN (") + in + ")";
    }
    if (by_work.empty()) return by_person;
    std::string partition = "1=1";
    if (!access.all_partitions) {
        partition = "(p.buyer_company_id IS NULL";
        for (Id buyer : access.partitions) partition += " OR p.buyer_company_id = " + param(p, buyer);
        partition += ")";
    }
    return "(" + by_person + " OR ((" + by_work + ") AND " + partition + "))";
}

// The WHERE clause and ORDER BY of an inbox view (over `c`), with its keyset position.
struct ViewSql {
    std::string where;
    std::string order;
};
ViewSql view_sql(const InboxQuery& q, InboxView view, Params& p, bool with_cursor) {
    ViewSql v;
    std::string w = "c.workspace_id = " + param(p, q.workspace_id);
    if (q.team_id) w += " AND c.team_id = " + param(p, *q.team_id);
    std::string sort = "c.last_message_at";
    bool ascending = false;
    switch (view) {
        case InboxView::Unanswered:
            w += " AND c.awaiting_since IS NOT NULL";
            sort = "c.awaiting_since";
            ascending = true;
            break;
        case InboxView::Unassigned: w += " AND c.active = TRUE AND c.assignee_user_id IS NULL"; break;
        case InboxView::Mine: w += " AND c.active = TRUE AND c.assignee_user_id = " + param(p, q.me.value_or(0)); break;
        case InboxView::Waiting: w += " AND c.status = 'pending'"; break;
        case InboxView::Breaching:
            w += " AND c.sla_due_at IS NOT NULL AND c.sla_due_at <= " +
                 param(p, q.now + q.breach_window_minutes * 60'000);
            sort = "c.sla_due_at";
            ascending = true;
            break;
        case InboxView::Open: w += " AND c.active = TRUE"; break;
        case InboxView::Resolved: w += " AND c.active = FALSE AND c.merged_into_id IS NULL"; break;
        case InboxView::All: w += " AND c.merged_into_id IS NULL"; break;
    }
    if (with_cursor && q.after) {
        const std::string at = param(p, q.after->at);
        const std::string id = param(p, q.after->conversation_id);
        const char* cmp = ascending ? ">" : "<";
        w += " AND (" + sort + " " + cmp + " " + at + " OR (" + sort + " = " + at + " AND c.conversation_id " + cmp +
             " " + id + "))";
    }
    const std::string access = conversation_access(q.access, p);
    if (access != "1=1") w += " AND " + access;
    v.where = w;
    const char* dir = ascending ? " ASC" : " DESC";
    v.order = " ORDER BY " + sort + dir + ", c.conversation_id" + dir;
    return v;
}

// How far a count goes: an inbox says "1,000+" rather than scan a million rows per view (six
// counts per refresh; past a thousand waiting conversations the exact number changes nothing).
constexpr std::int64_t kCountCap = 1'000;

}  // namespace

// ---------------- intake

Result<std::optional<ConversationMessage>> SqlConversationRepository::find_by_external_id(
    Id ws, const std::string& external_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<ConversationMessage>> {
        auto rs = RAPPORT_TRY(c.query("SELECT " RAPPORT_MESSAGE_COLUMNS
                                      " FROM conversation_messages m WHERE m.workspace_id = $1 AND m.external_id = $2",
                                      {ws, external_id}));
        if (rs.empty()) return std::optional<ConversationMessage>{};
        return std::optional<ConversationMessage>{message_of(rs.rows[0])};
    });
}

Result<std::optional<Id>> SqlConversationRepository::thread_of(Id ws, const std::vector<std::string>& external_ids) {
    return read(db_, [&](Connection& c) -> Result<std::optional<Id>> {
        std::optional<Id> best_conversation;
        Id best_message = 0;
        RAPPORT_CHECK(for_in_chunks(external_ids, {ws}, [&](const std::string& list, const Params& params) -> Status {
            auto rs = RAPPORT_TRY(
                // No "conversation_id IS NOT NULL" here: with a young database's missing statistics
                // SQLite took that range on conversation_messages_by_conversation and scanned every
                // message of the workspace per lookup (ingestion slowed down as mail arrived).
                c.query("SELECT m.message_id, m.conversation_id FROM conversation_messages m WHERE m.workspace_id = $1"
                        " AND m.external_id IN " +
                            list,
                        params));
            for (const auto& r : rs.rows) {
                if (is_null(r[1])) continue;
                if (as_int(r[0]) > best_message) {
                    best_message = as_int(r[0]);
                    best_conversation = as_int(r[1]);
                }
            }
            return {};
        }));
        // A merged conversation answers with the one it was merged into.
        for (int hops = 0; best_conversation && hops < 8; ++hops) {
            auto rs = RAPPORT_TRY(
                c.query("SELECT merged_into_id FROM conversations WHERE workspace_id = $1 AND conversation_id = $2",
                        {ws, *best_conversation}));
            if (rs.empty() || is_null(rs.rows[0][0])) break;
            best_conversation = as_int(rs.rows[0][0]);
        }
        return best_conversation;
    });
}

Result<std::optional<Id>> SqlConversationRepository::by_number(Id ws, std::int64_t number) {
    return read(db_, [&](Connection& c) -> Result<std::optional<Id>> {
        auto rs = RAPPORT_TRY(
            c.query("SELECT conversation_id, merged_into_id FROM conversations WHERE workspace_id = $1 AND number = $2",
                    {ws, number}));
        if (rs.empty()) return std::optional<Id>{};
        if (!is_null(rs.rows[0][1])) return std::optional<Id>{as_int(rs.rows[0][1])};
        return std::optional<Id>{as_int(rs.rows[0][0])};
    });
}

namespace {

// One customer message and its conversation, inside the caller's transaction.
Result<std::optional<ConversationMessage>> store_inbound_in(Connection& conn, const InboundWrite& write) {
    ConversationMessage m = write.message;
    if (m.external_id) {
        auto seen =
            RAPPORT_TRY(conn.query("SELECT 1 FROM conversation_messages WHERE workspace_id = $1 AND external_id = $2",
                                   {m.workspace_id, *m.external_id}));
        if (!seen.empty()) return std::optional<ConversationMessage>{};
    }
    std::optional<Conversation> conversation;
    if (write.new_conversation) {
        Conversation c = *write.new_conversation;
        if (m.kind == MessageKind::Inbound) {
            c.awaiting_since = m.occurred_at;
            c.last_inbound_at = m.occurred_at;
        }
        c.last_message_at = m.occurred_at;
        RAPPORT_CHECK(insert_conversation(conn, c));
        conversation = std::move(c);
    } else if (write.existing_conversation_id) {
        auto c = RAPPORT_TRY(load_existing(conn, m.workspace_id, *write.existing_conversation_id));
        if (m.kind == MessageKind::Inbound) {
            if (!c.awaiting_since) {
                c.awaiting_since = m.occurred_at;
                if (write.next_response_due) c.next_response_due_at = write.next_response_due;
            }
            c.last_inbound_at = std::max(c.last_inbound_at.value_or(0), m.occurred_at);
            // A customer who writes again reopens the conversation; waiting on them ends.
            if (c.status != ConversationStatus::New) c.status = ConversationStatus::Open;
            end_wait(c, m.occurred_at);
            c.resolved_at.reset();
            if (!c.person_id) c.person_id = m.person_id;
        }
        c.last_message_at = std::max(c.last_message_at, m.occurred_at);
        c.updated_at = m.created_at;
        RAPPORT_CHECK(save_conversation(conn, c));
        conversation = std::move(c);
    }
    if (conversation && write.timeline && m.kind == MessageKind::Inbound) {
        RAPPORT_CHECK(insert_timeline_entry(conn, m, *conversation));
    }
    // A conflict here is the same external id stored meanwhile by a concurrent fetch
    // (PostgreSQL): the transaction is rolled back whole and the caller reads it as stored.
    RAPPORT_CHECK(insert_message(conn, m));
    if (m.conversation_id) RAPPORT_CHECK(refresh_row_summary(conn, m.workspace_id, *m.conversation_id));
    if (write.raw) RAPPORT_CHECK(insert_source(conn, m.workspace_id, m.message_id, *write.raw));
    return std::optional<ConversationMessage>{std::move(m)};
}

}  // namespace

Result<std::optional<ConversationMessage>> SqlConversationRepository::store_inbound(const InboundWrite& write) {
    return write_transaction(db_, [&](Connection& conn) { return store_inbound_in(conn, write); });
}

Result<std::vector<std::optional<ConversationMessage>>> SqlConversationRepository::store_inbound_batch(
    const std::vector<InboundWrite>& writes) {
    using Stored = std::vector<std::optional<ConversationMessage>>;
    return write_transaction(db_, [&](Connection& conn) -> Result<Stored> {
        Stored out;
        out.reserve(writes.size());
        for (const auto& write : writes) out.push_back(RAPPORT_TRY(store_inbound_in(conn, write)));
        return out;
    });
}

Status SqlConversationRepository::mark_reply_bounced(Id ws, Id message_id, const std::string& detail) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(c.execute(
            "UPDATE conversation_messages SET delivery_status = 'failed', delivery_error = $3, next_attempt_at = NULL"
            " WHERE workspace_id = $1 AND message_id = $2 AND kind = 'reply'",
            {ws, message_id, clean(detail)}));
        return {};
    });
}

// ---------------- reading

Result<std::optional<Conversation>> SqlConversationRepository::find(Id ws, Id id) {
    return read(db_, [&](Connection& c) { return load(c, ws, id); });
}

Result<std::optional<ConversationRow>> SqlConversationRepository::row(Id ws, const AccessFilter& access, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<ConversationRow>> {
        Params p{ws, id};
        std::string sql = row_select() + " WHERE c.workspace_id = $1 AND c.conversation_id = $2";
        const std::string cond = conversation_access(access, p);
        if (cond != "1=1") sql += " AND " + cond;
        auto rs = RAPPORT_TRY(c.query(sql, p));
        if (rs.empty()) return std::optional<ConversationRow>{};
        return std::optional<ConversationRow>{row_of(rs.rows[0])};
    });
}

Result<std::vector<ConversationRow>> SqlConversationRepository::list(const InboxQuery& q) {
    return read(db_, [&](Connection& c) -> Result<std::vector<ConversationRow>> {
        Params p;
        auto v = view_sql(q, q.view, p, true);
        const std::string sql =
            row_select() + " WHERE " + v.where + v.order + " LIMIT " + param(p, static_cast<std::int64_t>(q.limit));
        auto rs = RAPPORT_TRY(c.query(sql, p));
        std::vector<ConversationRow> out;
        out.reserve(rs.rows.size());
        for (const auto& r : rs.rows) out.push_back(row_of(r));
        return out;
    });
}

Result<InboxCounts> SqlConversationRepository::counts(const InboxQuery& q) {
    return read(db_, [&](Connection& c) -> Result<InboxCounts> {
        InboxCounts out;
        auto count = [&](InboxView view) -> Result<std::int64_t> {
            if (view == InboxView::Mine && !q.me) return std::int64_t{0};
            Params p;
            auto v = view_sql(q, view, p, false);
            const std::string sql =
                "SELECT COUNT(*) FROM (SELECT 1 FROM conversations c LEFT JOIN people p ON p.workspace_id ="
                " c.workspace_id AND p.person_id = c.person_id WHERE " +
                v.where + " LIMIT " + param(p, kCountCap + 1) + ") counted";
            auto rs = RAPPORT_TRY(c.query(sql, p));
            return as_int(rs.rows.at(0)[0]);
        };
        out.unanswered = RAPPORT_TRY(count(InboxView::Unanswered));
        out.unassigned = RAPPORT_TRY(count(InboxView::Unassigned));
        out.mine = RAPPORT_TRY(count(InboxView::Mine));
        out.waiting = RAPPORT_TRY(count(InboxView::Waiting));
        out.breaching = RAPPORT_TRY(count(InboxView::Breaching));
        out.open = RAPPORT_TRY(count(InboxView::Open));
        return out;
    });
}

Result<std::vector<ConversationMessage>> SqlConversationRepository::messages(Id ws, Id conversation_id) {
    return read(db_, [&](Connection& c) -> Result<std::vector<ConversationMessage>> {
        auto rs =
            RAPPORT_TRY(c.query("SELECT " RAPPORT_MESSAGE_COLUMNS
                                " FROM conversation_messages m WHERE m.workspace_id = $1 AND m.conversation_id = $2"
                                " ORDER BY m.occurred_at, m.message_id",
                                {ws, conversation_id}));
        std::vector<ConversationMessage> out;
        for (const auto& r : rs.rows) out.push_back(message_of(r));
        auto atts = RAPPORT_TRY(c.query(
            "SELECT attachment_id, message_id, filename, content_type, content_id, is_inline, size, rejected_reason"
            " FROM message_attachments WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY attachment_id",
            {ws, conversation_id}));
        for (const auto& r : atts.rows) {
            Attachment a;
            a.attachment_id = as_int(r[0]);
            a.message_id = as_int(r[1]);
            a.filename = as_text(r[2]);
            a.content_type = as_text(r[3]);
            a.content_id = as_text(r[4]);
            a.is_inline = as_bool(r[5]);
            a.size = as_int(r[6]);
            a.rejected_reason = as_text(r[7]);
            for (auto& m : out) {
                if (m.message_id == a.message_id) {
                    m.attachments.push_back(a);
                    break;
                }
            }
        }
        return out;
    });
}

Result<std::optional<Attachment>> SqlConversationRepository::attachment(Id ws, Id conversation_id, Id attachment_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<Attachment>> {
        auto rs = RAPPORT_TRY(c.query(
            "SELECT attachment_id, message_id, filename, content_type, content_id, is_inline, size, rejected_reason,"
            " data_base64 FROM message_attachments WHERE workspace_id = $1 AND conversation_id = $2"
            " AND attachment_id = $3",
            {ws, conversation_id, attachment_id}));
        if (rs.empty()) return std::optional<Attachment>{};
        const auto& r = rs.rows[0];
        Attachment a;
        a.attachment_id = as_int(r[0]);
        a.message_id = as_int(r[1]);
        a.filename = as_text(r[2]);
        a.content_type = as_text(r[3]);
        a.content_id = as_text(r[4]);
        a.is_inline = as_bool(r[5]);
        a.size = as_int(r[6]);
        a.rejected_reason = as_text(r[7]);
        a.data = crypto::base64_decode(as_text(r[8])).value_or("");
        return std::optional<Attachment>{std::move(a)};
    });
}

Result<std::optional<std::string>> SqlConversationRepository::raw_source(Id ws, Id message_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<std::string>> {
        auto rs = RAPPORT_TRY(
            c.query("SELECT encoding, source FROM message_sources WHERE workspace_id = $1 AND message_id = $2",
                    {ws, message_id}));
        if (rs.empty()) return std::optional<std::string>{};
        if (as_text(rs.rows[0][0]) == "base64") return crypto::base64_decode(as_text(rs.rows[0][1]));
        return std::optional<std::string>{as_text(rs.rows[0][1])};
    });
}

// ---------------- agents' work

Result<Conversation> SqlConversationRepository::update(Id ws, Id id, std::int64_t version,
                                                       const ConversationChange& change, UnixMillis now) {
    return write_transaction(db_, [&](Connection& conn) -> Result<Conversation> {
        auto c = RAPPORT_TRY(load_existing(conn, ws, id));
        if (c.version != version) {
            return fail(Error::localized(ErrorCode::Conflict, "servicedesk.version_conflict",
                                         {{"version", std::to_string(c.version)}}));
        }
        if (change.status && *change.status != c.status) {
            c.status = *change.status;
            if (c.status == ConversationStatus::Pending) {
                c.waiting_since = now;
            } else {
                end_wait(c, now);
            }
            if (c.status == ConversationStatus::Resolved || c.status == ConversationStatus::Closed) {
                c.resolved_at = now;
            } else {
                c.resolved_at.reset();
            }
        }
        if (change.priority) c.priority = *change.priority;
        if (change.topic) c.topic = *change.topic;
        if (change.team_id) c.team_id = *change.team_id;
        if (change.assignee_user_id) c.assignee_user_id = *change.assignee_user_id;
        if (change.tags) c.tags = *change.tags;
        if (c.status == ConversationStatus::New && change.assignee_user_id && *change.assignee_user_id) {
            c.status = ConversationStatus::Open;
        }
        c.updated_at = now;
        RAPPORT_CHECK(save_conversation(conn, c));
        return c;
    });
}

Result<ConversationMessage> SqlConversationRepository::add_agent_message(const ConversationMessage& message,
                                                                         std::optional<ConversationStatus> status_after,
                                                                         std::optional<UnixMillis> next_response_due) {
    return write_transaction(db_, [&](Connection& conn) -> Result<ConversationMessage> {
        ConversationMessage m = message;
        auto c = RAPPORT_TRY(load_existing(conn, m.workspace_id, *m.conversation_id));
        if (m.kind == MessageKind::Reply) {
            RAPPORT_TRY(conn.execute(
                "UPDATE conversation_messages SET answered_at = $3 WHERE workspace_id = $1 AND conversation_id = $2"
                " AND kind = 'inbound' AND answered_at IS NULL",
                {m.workspace_id, c.conversation_id, m.occurred_at}));
            c.awaiting_since.reset();
            if (!c.first_response_at) c.first_response_at = m.occurred_at;
            c.last_reply_at = m.occurred_at;
            c.last_message_at = std::max(c.last_message_at, m.occurred_at);
            c.next_response_due_at = next_response_due;
            c.status = status_after.value_or(ConversationStatus::Open);
            c.waiting_since =
                c.status == ConversationStatus::Pending ? std::optional<UnixMillis>(m.occurred_at) : std::nullopt;
            c.resolved_at =
                c.status == ConversationStatus::Resolved ? std::optional<UnixMillis>(m.occurred_at) : std::nullopt;
            if (!c.assignee_user_id) c.assignee_user_id = m.author_user_id;  // who answers, owns it
            RAPPORT_CHECK(insert_timeline_entry(conn, m, c));
        } else if (c.status == ConversationStatus::New) {
            c.status = ConversationStatus::Open;
        }
        c.updated_at = m.created_at;
        RAPPORT_CHECK(save_conversation(conn, c));
        RAPPORT_CHECK(insert_message(conn, m));
        RAPPORT_CHECK(refresh_row_summary(conn, c.workspace_id, c.conversation_id));
        return m;
    });
}

Result<Conversation> SqlConversationRepository::close_without_reply(Id ws, Id id, Id user_id, const std::string& reason,
                                                                    UnixMillis now) {
    return write_transaction(db_, [&](Connection& conn) -> Result<Conversation> {
        auto c = RAPPORT_TRY(load_existing(conn, ws, id));
        RAPPORT_TRY(conn.execute(
            "UPDATE conversation_messages SET answered_at = $3, no_reply_reason = $4 WHERE workspace_id = $1"
            " AND conversation_id = $2 AND kind = 'inbound' AND answered_at IS NULL",
            {ws, id, now, clean(reason)}));
        c.awaiting_since.reset();
        c.next_response_due_at.reset();
        if (c.status == ConversationStatus::New) c.status = ConversationStatus::Open;
        if (!c.assignee_user_id) c.assignee_user_id = user_id;
        c.updated_at = now;
        RAPPORT_CHECK(save_conversation(conn, c));
        return c;
    });
}

Result<std::optional<ConversationMessage>> SqlConversationRepository::find_message(Id ws, Id message_id) {
    return read(db_, [&](Connection& c) { return load_message(c, ws, message_id); });
}

Result<std::optional<Id>> SqlConversationRepository::latest_message_id(Id ws, Id id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<Id>> {
        auto rs = RAPPORT_TRY(
            c.query("SELECT MAX(message_id) FROM conversation_messages WHERE workspace_id = $1 AND conversation_id = $2"
                    " AND kind IN ('inbound', 'reply')",
                    {ws, id}));
        if (rs.empty() || is_null(rs.rows[0][0])) return std::optional<Id>{};
        return std::optional<Id>{as_int(rs.rows[0][0])};
    });
}

Result<Conversation> SqlConversationRepository::merge(Id ws, Id from, Id into, UnixMillis now) {
    return write_transaction(db_, [&](Connection& conn) -> Result<Conversation> {
        auto source = RAPPORT_TRY(load_existing(conn, ws, from));
        auto target = RAPPORT_TRY(load_existing(conn, ws, into));
        for (const char* table : {"conversation_messages", "message_attachments"}) {
            RAPPORT_TRY(conn.execute(std::string("UPDATE ") + table +
                                         " SET conversation_id = $3 WHERE workspace_id = $1 AND conversation_id = $2",
                                     {ws, from, into}));
        }
        RAPPORT_TRY(
            conn.execute("UPDATE interactions SET conversation_id = $3 WHERE workspace_id = $1"
                         " AND conversation_id = $2",
                         {ws, from, into}));
        auto earliest = [](std::optional<UnixMillis> a, std::optional<UnixMillis> b) {
            if (!a) return b;
            if (!b) return a;
            return std::optional<UnixMillis>(std::min(*a, *b));
        };
        target.awaiting_since = earliest(target.awaiting_since, source.awaiting_since);
        target.last_message_at = std::max(target.last_message_at, source.last_message_at);
        if (source.last_inbound_at) {
            target.last_inbound_at = std::max(target.last_inbound_at.value_or(0), *source.last_inbound_at);
        }
        if (target.awaiting_since && !is_active(target.status)) target.status = ConversationStatus::Open;
        for (const auto& t : source.tags) {
            if (std::find(target.tags.begin(), target.tags.end(), t) == target.tags.end()) target.tags.push_back(t);
        }
        std::sort(target.tags.begin(), target.tags.end());
        target.updated_at = now;
        RAPPORT_CHECK(save_conversation(conn, target));
        source.merged_into_id = into;
        source.awaiting_since.reset();
        source.status = ConversationStatus::Closed;
        source.updated_at = now;
        RAPPORT_CHECK(save_conversation(conn, source));
        RAPPORT_CHECK(refresh_row_summary(conn, ws, from));
        RAPPORT_CHECK(refresh_row_summary(conn, ws, into));
        return target;
    });
}

Result<Conversation> SqlConversationRepository::split(Id ws, Id id, Id message_id, Conversation fresh) {
    return write_transaction(db_, [&](Connection& conn) -> Result<Conversation> {
        auto source = RAPPORT_TRY(load_existing(conn, ws, id));
        RAPPORT_CHECK(insert_conversation(conn, fresh));
        auto pivot = RAPPORT_TRY(load_message(conn, ws, message_id));
        if (!pivot) {
            return fail(Error::localized(ErrorCode::NotFound, "servicedesk.message_not_in_conversation",
                                         {{"id", id_to_string(message_id)}}));
        }
        // The pivot and everything after it (in thread order) move to the new conversation.
        const std::string moved =
            " WHERE workspace_id = $1 AND conversation_id = $2 AND (occurred_at > $4 OR (occurred_at = $4 AND"
            " message_id >= $5))";
        RAPPORT_TRY(
            conn.execute("UPDATE message_attachments SET conversation_id = $3 WHERE workspace_id = $1 AND message_id IN"
                         " (SELECT message_id FROM conversation_messages" +
                             moved + ")",
                         {ws, id, fresh.conversation_id, pivot->occurred_at, pivot->message_id}));
        RAPPORT_TRY(
            conn.execute("UPDATE interactions SET conversation_id = $3 WHERE workspace_id = $1 AND"
                         " interaction_id IN (SELECT interaction_id FROM conversation_messages" +
                             moved + ")",
                         {ws, id, fresh.conversation_id, pivot->occurred_at, pivot->message_id}));
        RAPPORT_TRY(conn.execute("UPDATE conversation_messages SET conversation_id = $3" + moved,
                                 {ws, id, fresh.conversation_id, pivot->occurred_at, pivot->message_id}));
        // Each side's waiting and activity times follow the messages it now holds.
        for (Conversation* c : {&source, &fresh}) {
            auto rs = RAPPORT_TRY(
                conn.query("SELECT MIN(CASE WHEN kind = 'inbound' AND answered_at IS NULL THEN occurred_at END),"
                           " MAX(occurred_at), MAX(CASE WHEN kind = 'inbound' THEN occurred_at END)"
                           " FROM conversation_messages WHERE workspace_id = $1 AND conversation_id = $2",
                           {ws, c->conversation_id}));
            c->awaiting_since = as_opt_int(rs.rows[0][0]);
            if (auto last = as_opt_int(rs.rows[0][1])) c->last_message_at = *last;
            c->last_inbound_at = as_opt_int(rs.rows[0][2]);
            c->updated_at = fresh.created_at;
            RAPPORT_CHECK(save_conversation(conn, *c));
            RAPPORT_CHECK(refresh_row_summary(conn, ws, c->conversation_id));
        }
        return fresh;
    });
}

// ---------------- sending

Result<std::vector<ConversationMessage>> SqlConversationRepository::due_replies(UnixMillis now, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<ConversationMessage>> {
        auto rs = RAPPORT_TRY(c.query("SELECT " RAPPORT_MESSAGE_COLUMNS
                                      " FROM conversation_messages m WHERE m.delivery_status = 'queued'"
                                      " AND m.next_attempt_at <= $1 AND m.channel = 'email'"
                                      " ORDER BY m.next_attempt_at LIMIT $2",
                                      {now, static_cast<std::int64_t>(limit)}));
        std::vector<ConversationMessage> out;
        for (const auto& r : rs.rows) out.push_back(message_of(r));
        return out;
    });
}

Result<std::vector<ConversationMessage>> SqlConversationRepository::channel_outbox(Id ws, const std::string& channel,
                                                                                   int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<ConversationMessage>> {
        auto rs = RAPPORT_TRY(c.query("SELECT " RAPPORT_MESSAGE_COLUMNS
                                      " FROM conversation_messages m WHERE m.delivery_status = 'queued'"
                                      " AND m.workspace_id = $1 AND m.channel = $2 ORDER BY m.next_attempt_at,"
                                      " m.message_id LIMIT $3",
                                      {ws, channel, static_cast<std::int64_t>(limit)}));
        std::vector<ConversationMessage> out;
        for (const auto& r : rs.rows) out.push_back(message_of(r));
        return out;
    });
}

Status SqlConversationRepository::mark_sent(Id ws, Id message_id, UnixMillis at) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(c.execute(
            "UPDATE conversation_messages SET delivery_status = 'sent', sent_at = $3, next_attempt_at = NULL,"
            " delivery_error = NULL, send_attempts = send_attempts + 1 WHERE workspace_id = $1 AND message_id = $2",
            {ws, message_id, at}));
        return {};
    });
}

Status SqlConversationRepository::mark_attempt_failed(Id ws, Id message_id, const std::string& error,
                                                      std::optional<UnixMillis> retry_at) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(c.execute(
            "UPDATE conversation_messages SET delivery_status = $3, delivery_error = $4, next_attempt_at = $5,"
            " send_attempts = send_attempts + 1 WHERE workspace_id = $1 AND message_id = $2",
            {ws, message_id, std::string(retry_at ? "queued" : "failed"), clean(error), opt(retry_at)}));
        return {};
    });
}

Result<ConversationMessage> SqlConversationRepository::requeue(Id ws, Id message_id, UnixMillis now) {
    return write_transaction(db_, [&](Connection& c) -> Result<ConversationMessage> {
        RAPPORT_TRY(
            c.execute("UPDATE conversation_messages SET delivery_status = 'queued', next_attempt_at = $3"
                      " WHERE workspace_id = $1 AND message_id = $2",
                      {ws, message_id, now}));
        auto m = RAPPORT_TRY(load_message(c, ws, message_id));
        if (!m) {
            return fail(Error::localized(ErrorCode::NotFound, "servicedesk.message_not_in_conversation",
                                         {{"id", id_to_string(message_id)}}));
        }
        return std::move(*m);
    });
}

// ---------------- service levels

Result<std::vector<Conversation>> SqlConversationRepository::unescalated_breaches(UnixMillis now, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<Conversation>> {
        auto rs =
            RAPPORT_TRY(c.query("SELECT " RAPPORT_CONVERSATION_COLUMNS
                                " FROM conversations c WHERE c.sla_due_at IS NOT NULL AND c.sla_escalated_at IS NULL"
                                " AND c.sla_due_at <= $1 ORDER BY c.sla_due_at LIMIT $2",
                                {now, static_cast<std::int64_t>(limit)}));
        std::vector<Conversation> out;
        for (const auto& r : rs.rows) out.push_back(conversation_of(r));
        return out;
    });
}

Status SqlConversationRepository::escalate(const Conversation& breached, std::optional<Id> notify_user_id,
                                           const std::string& task_subject, UnixMillis now) {
    return write_transaction(db_, [&](Connection& conn) -> Status {
        auto c = RAPPORT_TRY(load(conn, breached.workspace_id, breached.conversation_id));
        if (!c || c->sla_escalated_at || c->sla_due_at != breached.sla_due_at) return {};
        if (notify_user_id && (c->person_id || c->company_id)) {
            RAPPORT_TRY(conn.execute(
                "INSERT INTO interactions (workspace_id, interaction_id, kind, person_id, company_id, subject, body,"
                " relationship_type, occurred_at, due_at, assignee_user_id, assigned_at, created_at, conversation_id)"
                " VALUES ($1, $2, 'task', $3, $4, $5, $6, 'personal_assistance', $7, $7, $8, $7, $7, $9)",
                {c->workspace_id, new_id(), opt(c->person_id), opt(c->company_id), clean(task_subject),
                 clean(c->subject), now, *notify_user_id, c->conversation_id}));
        }
        c->sla_escalated_at = now;
        c->updated_at = now;
        RAPPORT_CHECK(save_conversation(conn, *c));
        return {};
    });
}

Result<std::optional<Id>> SqlConversationRepository::escalation_contact(Id ws, std::optional<Id> team_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<Id>> {
        if (team_id) {
            auto rs = RAPPORT_TRY(c.query(
                "SELECT u.user_id FROM team_members t JOIN users u ON u.workspace_id = t.workspace_id AND u.user_id ="
                " t.user_id WHERE t.workspace_id = $1 AND t.team_id = $2 AND u.active = TRUE AND u.role IN"
                " ('owner', 'admin', 'manager') ORDER BY CASE u.role WHEN 'manager' THEN 0 WHEN 'admin' THEN 1"
                " ELSE 2 END, u.user_id LIMIT 1",
                {ws, *team_id}));
            if (!rs.empty()) return std::optional<Id>{as_int(rs.rows[0][0])};
        }
        auto rs = RAPPORT_TRY(c.query(
            "SELECT user_id FROM users WHERE workspace_id = $1 AND role = 'owner' AND active = TRUE ORDER BY user_id"
            " LIMIT 1",
            {ws}));
        if (rs.empty()) return std::optional<Id>{};
        return std::optional<Id>{as_int(rs.rows[0][0])};
    });
}

// ---------------- presence

Status SqlConversationRepository::touch_replying(Id ws, Id conversation_id, Id user_id, UnixMillis now) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_TRY(
            c.execute("INSERT INTO conversation_replying (workspace_id, conversation_id, user_id, since, seen_at)"
                      " VALUES ($1, $2, $3, $4, $4) ON CONFLICT (workspace_id, conversation_id, user_id) DO UPDATE SET"
                      " since = CASE WHEN conversation_replying.seen_at < $5 THEN excluded.since"
                      " ELSE conversation_replying.since END, seen_at = excluded.seen_at",
                      {ws, conversation_id, user_id, now, now - 60'000}));
        return {};
    });
}

Result<std::vector<ConversationRepository::Replying>> SqlConversationRepository::replying(Id ws, Id conversation_id,
                                                                                          UnixMillis since) {
    return read(db_, [&](Connection& c) -> Result<std::vector<Replying>> {
        auto rs = RAPPORT_TRY(c.query(
            "SELECT r.user_id, u.display_name, r.since FROM conversation_replying r JOIN users u ON u.workspace_id ="
            " r.workspace_id AND u.user_id = r.user_id WHERE r.workspace_id = $1 AND r.conversation_id = $2"
            " AND r.seen_at >= $3 ORDER BY r.since",
            {ws, conversation_id, since}));
        std::vector<Replying> out;
        for (const auto& r : rs.rows) out.push_back({as_int(r[0]), as_text(r[1]), as_int(r[2])});
        return out;
    });
}

}  // namespace rapport::storage
