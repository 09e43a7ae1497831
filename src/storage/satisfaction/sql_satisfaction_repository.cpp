#include "storage/satisfaction/sql_satisfaction_repository.hpp"

#include <map>

#include "core/message_auth.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::satisfaction;

namespace {

constexpr const char* kKey = "SELECT survey_key FROM satisfaction_keys WHERE workspace_id = $1";
constexpr const char* kAddKey =
    "INSERT INTO satisfaction_keys (workspace_id, survey_key, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

// The conversation columns every report reads, with the names it shows.
constexpr const char* kFactsSelect =
    "SELECT cv.conversation_id, cv.number, cv.subject, cv.channel, cv.status, cv.topic, cv.team_id,"
    " COALESCE(t.name, ''), cv.assignee_user_id, COALESCE(u.display_name, ''), cv.person_id, p.email,"
    " COALESCE(p.first_name, ''), COALESCE(p.last_name, ''), cv.mailbox_id, cv.created_at, cv.updated_at,"
    " cv.first_response_at, cv.resolved_at, cv.sla_due_at, cv.merged_into_id, cv.company_id"
    " FROM conversations cv"
    " LEFT JOIN teams t ON t.workspace_id = cv.workspace_id AND t.team_id = cv.team_id"
    " LEFT JOIN users u ON u.workspace_id = cv.workspace_id AND u.user_id = cv.assignee_user_id"
    " LEFT JOIN people p ON p.workspace_id = cv.workspace_id AND p.person_id = cv.person_id";

// Static segment memberships of people and companies (dynamic segments are filters, evaluated
// by the segments area, and are not joined here).
constexpr const char* kMemberships =
    "SELECT sm.entity_id, s.segment_id, s.name FROM segment_members sm"
    " JOIN segments s ON s.workspace_id = sm.workspace_id AND s.segment_id = sm.segment_id"
    " WHERE sm.workspace_id = $1 ORDER BY s.name, s.segment_id";

constexpr const char* kCsatColumns =
    "SELECT r.workspace_id, r.survey_id, r.conversation_id, r.resolved_at, r.person_id, r.email, r.person_name,"
    " r.agent_user_id, r.team_id, r.mailbox_id, r.topic, r.conversation_number, r.subject, r.rating, r.comment,"
    " r.answered_at, r.expires_at, r.created_at";

constexpr const char* kInsertCsat =
    "INSERT INTO csat_requests (workspace_id, survey_id, conversation_id, resolved_at, person_id, email,"
    " person_name, agent_user_id, team_id, mailbox_id, topic, conversation_number, subject, expires_at,"
    " created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
    " ON CONFLICT DO NOTHING";

constexpr const char* kAnswerCsat =
    "UPDATE csat_requests SET rating = $3, comment = $4, answered_at = $5"
    " WHERE workspace_id = $1 AND survey_id = $2 AND answered_at IS NULL";

constexpr const char* kNpsColumns =
    "SELECT r.workspace_id, r.response_id, r.nps_survey_id, r.segment_id, r.person_id, r.email, r.person_name,"
    " r.question, r.score, r.comment, r.answered_at, r.expires_at, r.created_at FROM nps_responses r";

constexpr const char* kInsertSurvey =
    "INSERT INTO nps_surveys (workspace_id, nps_survey_id, segment_id, segment_name, question, created_by_user_id,"
    " recipients, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr const char* kInsertResponse =
    "INSERT INTO nps_responses (workspace_id, response_id, nps_survey_id, segment_id, person_id, email,"
    " person_name, question, expires_at, created_at, next_attempt_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr const char* kAnswerNps =
    "UPDATE nps_responses SET score = $3, comment = $4, answered_at = $5"
    " WHERE workspace_id = $1 AND response_id = $2 AND answered_at IS NULL";

constexpr const char* kDueCsat =
    "SELECT r.workspace_id, r.survey_id, r.email, r.person_name, r.mailbox_id, r.subject, r.conversation_number,"
    " r.expires_at, r.send_attempts, w.default_language FROM csat_requests r"
    " JOIN workspaces w ON w.workspace_id = r.workspace_id"
    " WHERE r.next_attempt_at IS NOT NULL AND r.next_attempt_at <= $1 ORDER BY r.next_attempt_at LIMIT $2";
constexpr const char* kDueNps =
    "SELECT r.workspace_id, r.response_id, r.email, r.person_name, r.question, r.expires_at, r.send_attempts,"
    " w.default_language FROM nps_responses r JOIN workspaces w ON w.workspace_id = r.workspace_id"
    " WHERE r.next_attempt_at IS NOT NULL AND r.next_attempt_at <= $1 ORDER BY r.next_attempt_at LIMIT $2";

std::optional<int> opt_int(const Value& v) {
    auto i = as_opt_int(v);
    return i ? std::optional<int>(static_cast<int>(*i)) : std::nullopt;
}

CsatRequest csat_of(const Row& r) {
    CsatRequest c;
    c.workspace_id = as_int(r[0]);
    c.survey_id = as_int(r[1]);
    c.conversation_id = as_int(r[2]);
    c.resolved_at = as_int(r[3]);
    c.person_id = as_opt_int(r[4]);
    c.email = as_opt_text(r[5]);
    c.person_name = as_text(r[6]);
    c.agent_user_id = as_opt_int(r[7]);
    c.team_id = as_opt_int(r[8]);
    c.mailbox_id = as_opt_int(r[9]);
    c.topic = as_opt_text(r[10]);
    c.conversation_number = as_int(r[11]);
    c.subject = as_text(r[12]);
    c.rating = opt_int(r[13]);
    c.comment = as_text(r[14]);
    c.answered_at = as_opt_int(r[15]);
    c.expires_at = as_int(r[16]);
    c.created_at = as_int(r[17]);
    return c;
}

NpsResponse nps_of(const Row& r) {
    NpsResponse n;
    n.workspace_id = as_int(r[0]);
    n.response_id = as_int(r[1]);
    n.nps_survey_id = as_int(r[2]);
    n.segment_id = as_int(r[3]);
    n.person_id = as_int(r[4]);
    n.email = as_text(r[5]);
    n.person_name = as_text(r[6]);
    n.question = as_text(r[7]);
    n.score = opt_int(r[8]);
    n.comment = as_text(r[9]);
    n.answered_at = as_opt_int(r[10]);
    n.expires_at = as_int(r[11]);
    n.created_at = as_int(r[12]);
    return n;
}

struct FactsRow {
    ConversationFacts facts;
    std::optional<Id> company_id;
};

FactsRow facts_of(const Row& r) {
    FactsRow out;
    auto& f = out.facts;
    f.conversation_id = as_int(r[0]);
    f.number = as_int(r[1]);
    f.subject = as_text(r[2]);
    f.channel = as_text(r[3]);
    f.status = as_text(r[4]);
    f.topic = as_opt_text(r[5]);
    f.team_id = as_opt_int(r[6]);
    f.team_name = as_text(r[7]);
    f.assignee_user_id = as_opt_int(r[8]);
    f.assignee_name = as_text(r[9]);
    f.person_id = as_opt_int(r[10]);
    f.person_email = as_opt_text(r[11]);
    if (f.person_email && f.person_email->empty()) f.person_email.reset();
    f.person_name = as_text(r[12]);
    const std::string last = as_text(r[13]);
    if (!last.empty()) f.person_name += (f.person_name.empty() ? "" : " ") + last;
    f.mailbox_id = as_opt_int(r[14]);
    f.created_at = as_int(r[15]);
    f.updated_at = as_int(r[16]);
    f.first_response_at = as_opt_int(r[17]);
    f.resolved_at = as_opt_int(r[18]);
    f.sla_due_at = as_opt_int(r[19]);
    f.merged = !is_null(r[20]);
    out.company_id = as_opt_int(r[21]);
    return out;
}

using Memberships = std::multimap<Id, SegmentRef>;

Result<Memberships> memberships(Connection& c, Id ws) {
    Memberships out;
    RAPPORT_CHECK(c.query_each(kMemberships, {ws}, [&out](const Row& r) {
        out.emplace(as_int(r[0]), SegmentRef{as_int(r[1]), as_text(r[2])});
        return true;
    }));
    return out;
}

std::vector<SegmentRef> segments_of(const Memberships& all, std::optional<Id> person, std::optional<Id> company) {
    std::vector<SegmentRef> out;
    for (const auto& id : {person, company}) {
        if (!id) continue;
        auto [lo, hi] = all.equal_range(*id);
        for (auto it = lo; it != hi; ++it) out.push_back(it->second);
    }
    return out;
}

const char* table_of(SurveyKind kind) {
    return kind == SurveyKind::Csat ? "csat_requests" : "nps_responses";
}
const char* id_column_of(SurveyKind kind) {
    return kind == SurveyKind::Csat ? "survey_id" : "response_id";
}

}  // namespace

Result<std::string> SqlSatisfactionRepository::survey_key(Id ws, UnixMillis now) {
    auto existing = read(db_, [&](Connection& c) -> Result<std::optional<std::string>> {
        auto rs = RAPPORT_TRY(c.query(kKey, {ws}));
        if (rs.empty()) return std::optional<std::string>{};
        return std::optional<std::string>(as_text(rs.rows[0][0]));
    });
    if (!existing) return fail(std::move(existing).error());
    if (*existing) return **existing;
    return write_transaction(db_, [&](Connection& c) -> Result<std::string> {
        RAPPORT_CHECK(c.execute(kAddKey, {ws, crypto::new_auth_key(), now}));
        auto rs = RAPPORT_TRY(c.query(kKey, {ws}));
        if (rs.empty()) return fail(Error::internal("the survey key was not stored"));
        return as_text(rs.rows[0][0]);
    });
}

Result<std::vector<Id>> SqlSatisfactionRepository::workspace_ids() {
    return read(db_, [&](Connection& c) -> Result<std::vector<Id>> {
        auto rs = RAPPORT_TRY(c.query("SELECT workspace_id FROM workspaces ORDER BY workspace_id"));
        std::vector<Id> out;
        for (const auto& r : rs.rows) out.push_back(as_int(r[0]));
        return out;
    });
}

Result<std::vector<std::pair<Id, Id>>> SqlSatisfactionRepository::unasked_resolutions(UnixMillis since, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<std::pair<Id, Id>>> {
        auto rs =
            RAPPORT_TRY(c.query("SELECT cv.workspace_id, cv.conversation_id FROM conversations cv"
                                " WHERE cv.status = 'resolved' AND cv.resolved_at IS NOT NULL AND cv.resolved_at >= $1"
                                " AND cv.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM csat_requests r"
                                " WHERE r.workspace_id = cv.workspace_id AND r.conversation_id = cv.conversation_id"
                                " AND r.resolved_at = cv.resolved_at) ORDER BY cv.resolved_at LIMIT $2",
                                {since, std::int64_t{limit}}));
        std::vector<std::pair<Id, Id>> out;
        for (const auto& r : rs.rows) out.emplace_back(as_int(r[0]), as_int(r[1]));
        return out;
    });
}

Result<std::optional<ConversationFacts>> SqlSatisfactionRepository::conversation(Id ws, Id conversation_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<ConversationFacts>> {
        auto rs =
            RAPPORT_TRY(c.query(std::string(kFactsSelect) + " WHERE cv.workspace_id = $1 AND cv.conversation_id = $2",
                                {ws, conversation_id}));
        if (rs.empty()) return std::optional<ConversationFacts>{};
        return std::optional<ConversationFacts>(facts_of(rs.rows[0]).facts);
    });
}

Result<bool> SqlSatisfactionRepository::create_csat(const CsatRequest& r) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        const Value next = r.email ? Value{r.created_at} : Value{};
        const auto n = RAPPORT_TRY(c.execute(
            kInsertCsat, {r.workspace_id, r.survey_id, r.conversation_id, r.resolved_at, opt(r.person_id), opt(r.email),
                          r.person_name, opt(r.agent_user_id), opt(r.team_id), opt(r.mailbox_id), opt(r.topic),
                          r.conversation_number, r.subject, r.expires_at, r.created_at, next}));
        return n > 0;
    });
}

Result<std::optional<CsatRequest>> SqlSatisfactionRepository::find_csat(Id ws, Id survey_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<CsatRequest>> {
        auto rs = RAPPORT_TRY(
            c.query(std::string(kCsatColumns) + " FROM csat_requests r WHERE r.workspace_id = $1 AND r.survey_id = $2",
                    {ws, survey_id}));
        if (rs.empty()) return std::optional<CsatRequest>{};
        return std::optional<CsatRequest>(csat_of(rs.rows[0]));
    });
}

Result<bool> SqlSatisfactionRepository::answer_csat(Id ws, Id survey_id, int rating, const std::string& comment,
                                                    UnixMillis at) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        return RAPPORT_TRY(c.execute(kAnswerCsat, {ws, survey_id, std::int64_t{rating}, comment, at})) > 0;
    });
}

Result<std::vector<CsatRequest>> SqlSatisfactionRepository::csat_of_conversation(Id ws, Id conversation_id) {
    return read(db_, [&](Connection& c) -> Result<std::vector<CsatRequest>> {
        auto rs = RAPPORT_TRY(c.query(std::string(kCsatColumns) +
                                          " FROM csat_requests r WHERE r.workspace_id = $1 AND r.conversation_id = $2"
                                          " ORDER BY r.created_at",
                                      {ws, conversation_id}));
        std::vector<CsatRequest> out;
        for (const auto& r : rs.rows) out.push_back(csat_of(r));
        return out;
    });
}

Result<std::vector<CsatAnswer>> SqlSatisfactionRepository::csat_answers(Id ws, UnixMillis from, UnixMillis to) {
    return read(db_, [&](Connection& c) -> Result<std::vector<CsatAnswer>> {
        const auto members = RAPPORT_TRY(memberships(c, ws));
        std::vector<CsatAnswer> out;
        const std::string sql = std::string(kCsatColumns) +
                                ", COALESCE(u.display_name, ''), COALESCE(t.name, ''), cv.company_id"
                                " FROM csat_requests r"
                                " LEFT JOIN users u ON u.workspace_id = r.workspace_id AND u.user_id = r.agent_user_id"
                                " LEFT JOIN teams t ON t.workspace_id = r.workspace_id AND t.team_id = r.team_id"
                                " LEFT JOIN conversations cv ON cv.workspace_id = r.workspace_id"
                                " AND cv.conversation_id = r.conversation_id"
                                " WHERE r.workspace_id = $1 AND r.answered_at IS NOT NULL AND r.answered_at >= $2"
                                " AND r.answered_at < $3 ORDER BY r.answered_at";
        RAPPORT_CHECK(c.query_each(sql, {ws, from, to}, [&](const Row& r) {
            CsatAnswer a;
            a.request = csat_of(r);
            a.agent_name = as_text(r[18]);
            a.team_name = as_text(r[19]);
            a.segments = segments_of(members, a.request.person_id, as_opt_int(r[20]));
            out.push_back(std::move(a));
            return true;
        }));
        return out;
    });
}

Status SqlSatisfactionRepository::create_nps(const NpsSurvey& s, const std::vector<NpsResponse>& responses) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(c.execute(kInsertSurvey, {s.workspace_id, s.nps_survey_id, s.segment_id, s.segment_name,
                                                s.question, opt(s.created_by_user_id), s.recipients, s.created_at}));
        for (const auto& r : responses) {
            RAPPORT_CHECK(c.execute(kInsertResponse,
                                    {r.workspace_id, r.response_id, r.nps_survey_id, r.segment_id, r.person_id, r.email,
                                     r.person_name, r.question, r.expires_at, r.created_at, r.created_at}));
        }
        return {};
    });
}

Result<std::vector<NpsSurvey>> SqlSatisfactionRepository::nps_surveys(Id ws, std::optional<Id> segment_id) {
    return read(db_, [&](Connection& c) -> Result<std::vector<NpsSurvey>> {
        Params p{ws};
        std::string sql =
            "SELECT workspace_id, nps_survey_id, segment_id, segment_name, question, created_by_user_id, recipients,"
            " created_at FROM nps_surveys WHERE workspace_id = $1";
        if (segment_id) {
            sql += " AND segment_id = $2";
            p.push_back(*segment_id);
        }
        sql += " ORDER BY created_at, nps_survey_id";
        auto rs = RAPPORT_TRY(c.query(sql, p));
        std::vector<NpsSurvey> out;
        for (const auto& r : rs.rows) {
            NpsSurvey s;
            s.workspace_id = as_int(r[0]);
            s.nps_survey_id = as_int(r[1]);
            s.segment_id = as_int(r[2]);
            s.segment_name = as_text(r[3]);
            s.question = as_text(r[4]);
            s.created_by_user_id = as_opt_int(r[5]);
            s.recipients = as_int(r[6]);
            s.created_at = as_int(r[7]);
            out.push_back(std::move(s));
        }
        return out;
    });
}

Result<std::optional<NpsResponse>> SqlSatisfactionRepository::find_nps(Id ws, Id response_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<NpsResponse>> {
        auto rs = RAPPORT_TRY(
            c.query(std::string(kNpsColumns) + " WHERE r.workspace_id = $1 AND r.response_id = $2", {ws, response_id}));
        if (rs.empty()) return std::optional<NpsResponse>{};
        return std::optional<NpsResponse>(nps_of(rs.rows[0]));
    });
}

Result<bool> SqlSatisfactionRepository::answer_nps(Id ws, Id response_id, int score, const std::string& comment,
                                                   UnixMillis at) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        return RAPPORT_TRY(c.execute(kAnswerNps, {ws, response_id, std::int64_t{score}, comment, at})) > 0;
    });
}

Result<std::vector<NpsResponse>> SqlSatisfactionRepository::nps_answers(Id ws, std::optional<Id> segment_id) {
    return read(db_, [&](Connection& c) -> Result<std::vector<NpsResponse>> {
        Params p{ws};
        std::string sql = std::string(kNpsColumns) + " WHERE r.workspace_id = $1 AND r.answered_at IS NOT NULL";
        if (segment_id) {
            sql += " AND r.segment_id = $2";
            p.push_back(*segment_id);
        }
        sql += " ORDER BY r.answered_at";
        std::vector<NpsResponse> out;
        RAPPORT_CHECK(c.query_each(sql, p, [&out](const Row& r) {
            out.push_back(nps_of(r));
            return true;
        }));
        return out;
    });
}

Result<std::vector<ConversationFacts>> SqlSatisfactionRepository::conversations(Id ws, UnixMillis from, UnixMillis to,
                                                                                std::optional<Id> team_id) {
    return read(db_, [&](Connection& c) -> Result<std::vector<ConversationFacts>> {
        const auto members = RAPPORT_TRY(memberships(c, ws));
        Params p{ws, from, to};
        std::string sql = std::string(kFactsSelect) +
                          " WHERE cv.workspace_id = $1 AND cv.merged_into_id IS NULL AND cv.created_at < $3"
                          " AND (cv.resolved_at IS NULL OR cv.resolved_at >= $2 OR cv.created_at >= $2)";
        if (team_id) {
            sql += " AND cv.team_id = $4";
            p.push_back(*team_id);
        }
        std::vector<ConversationFacts> out;
        RAPPORT_CHECK(c.query_each(sql, p, [&](const Row& r) {
            auto row = facts_of(r);
            row.facts.segments = segments_of(members, row.facts.person_id, row.company_id);
            out.push_back(std::move(row.facts));
            return true;
        }));
        return out;
    });
}

Result<std::vector<Invitation>> SqlSatisfactionRepository::due_invitations(UnixMillis now, int limit) {
    return read(db_, [&](Connection& c) -> Result<std::vector<Invitation>> {
        std::vector<Invitation> out;
        auto csat = RAPPORT_TRY(c.query(kDueCsat, {now, std::int64_t{limit}}));
        for (const auto& r : csat.rows) {
            Invitation i;
            i.kind = SurveyKind::Csat;
            i.workspace_id = as_int(r[0]);
            i.survey_id = as_int(r[1]);
            i.email = as_opt_text(r[2]).value_or("");
            i.person_name = as_text(r[3]);
            i.mailbox_id = as_opt_int(r[4]);
            i.subject = as_text(r[5]);
            i.conversation_number = as_int(r[6]);
            i.expires_at = as_int(r[7]);
            i.send_attempts = as_int(r[8]);
            i.language = as_text(r[9]);
            out.push_back(std::move(i));
        }
        auto nps = RAPPORT_TRY(c.query(kDueNps, {now, std::int64_t{limit}}));
        for (const auto& r : nps.rows) {
            Invitation i;
            i.kind = SurveyKind::Nps;
            i.workspace_id = as_int(r[0]);
            i.survey_id = as_int(r[1]);
            i.email = as_text(r[2]);
            i.person_name = as_text(r[3]);
            i.subject = as_text(r[4]);
            i.expires_at = as_int(r[5]);
            i.send_attempts = as_int(r[6]);
            i.language = as_text(r[7]);
            out.push_back(std::move(i));
        }
        return out;
    });
}

Status SqlSatisfactionRepository::mark_invitation_sent(SurveyKind kind, Id ws, Id survey_id, UnixMillis at) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        const std::string sql = std::string("UPDATE ") + table_of(kind) +
                                " SET sent_at = $3, next_attempt_at = NULL, send_attempts = send_attempts + 1,"
                                " send_error = NULL WHERE workspace_id = $1 AND " +
                                id_column_of(kind) + " = $2";
        RAPPORT_CHECK(c.execute(sql, {ws, survey_id, at}));
        return {};
    });
}

Status SqlSatisfactionRepository::mark_invitation_failed(SurveyKind kind, Id ws, Id survey_id, const std::string& error,
                                                         std::optional<UnixMillis> retry_at) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        const std::string sql = std::string("UPDATE ") + table_of(kind) +
                                " SET next_attempt_at = $3, send_attempts = send_attempts + 1, send_error = $4"
                                " WHERE workspace_id = $1 AND " +
                                id_column_of(kind) + " = $2";
        RAPPORT_CHECK(c.execute(sql, {ws, survey_id, opt(retry_at), error}));
        return {};
    });
}

}  // namespace rapport::storage
