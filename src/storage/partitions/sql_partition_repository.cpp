#include "storage/partitions/sql_partition_repository.hpp"

#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using domain::partitions::GranteeKind;
using domain::partitions::PartitionGrant;
using domain::partitions::PartnerUser;

namespace {

constexpr const char* kAllUserNames =
    "SELECT user_id, display_name FROM users WHERE workspace_id = $1 ORDER BY display_name, user_id";
constexpr const char* kAllTeamNames = "SELECT team_id, name FROM teams WHERE workspace_id = $1 ORDER BY name, team_id";
// The records of buyer $2: its company record and its consumers, their timeline entries and
// their history (who changed them).
#define RAPPORT_BUYER_RECORDS(column)                             \
    "SELECT " column                                              \
    " FROM companies WHERE workspace_id = $1 AND company_id = $2" \
    " UNION SELECT " column " FROM people WHERE workspace_id = $1 AND buyer_company_id = $2"
#define RAPPORT_BUYER_INTERACTIONS(column)                                                    \
    "SELECT " column                                                                          \
    " FROM interactions i WHERE i.workspace_id = $1 AND (i.company_id = $2 OR i.person_id IN" \
    " (SELECT person_id FROM people WHERE workspace_id = $1 AND buyer_company_id = $2))"
#define RAPPORT_BUYER_HISTORY(column)                                                     \
    "SELECT " column                                                                      \
    " FROM field_history h WHERE h.workspace_id = $1 AND ((h.entity_type = 'company' AND" \
    " h.entity_id = $2) OR (h.entity_type = 'person' AND h.entity_id IN"                  \
    " (SELECT person_id FROM people WHERE workspace_id = $1 AND buyer_company_id = $2)))"
constexpr const char* kBuyerUserNames =
    "SELECT user_id, display_name FROM users WHERE workspace_id = $1 AND (user_id = $3 OR user_id IN ("
    RAPPORT_BUYER_RECORDS("owner_user_id") " UNION " RAPPORT_BUYER_INTERACTIONS("i.created_by_user_id")
    " UNION " RAPPORT_BUYER_INTERACTIONS("i.assignee_user_id") " UNION " RAPPORT_BUYER_HISTORY(
        "h.actor_user_id") ")) ORDER BY display_name, user_id";
constexpr const char* kBuyerTeamNames =
    "SELECT team_id, name FROM teams WHERE workspace_id = $1 AND team_id IN (" RAPPORT_BUYER_RECORDS(
        "team_id") ") ORDER BY name, team_id";
#undef RAPPORT_BUYER_RECORDS
#undef RAPPORT_BUYER_INTERACTIONS
#undef RAPPORT_BUYER_HISTORY

constexpr const char* kConsumerCount = "SELECT COUNT(*) FROM people WHERE workspace_id = $1 AND buyer_company_id = $2";
// Names come with the grant: a user's display name or a team's name.
constexpr const char* kGrants =
    "SELECT g.grantee_kind, g.grantee_id, COALESCE(u.display_name, t.name, ''), g.granted_by_user_id, g.created_at "
    "FROM partition_grants g "
    "LEFT JOIN users u ON g.grantee_kind = 'user' AND u.workspace_id = g.workspace_id AND u.user_id = g.grantee_id "
    "LEFT JOIN teams t ON g.grantee_kind = 'team' AND t.workspace_id = g.workspace_id AND t.team_id = g.grantee_id "
    "WHERE g.workspace_id = $1 AND g.buyer_company_id = $2 ORDER BY g.created_at, g.grantee_id";
constexpr const char* kPartners =
    "SELECT p.user_id, u.display_name, a.email, p.created_at FROM partner_users p "
    "JOIN users u ON u.workspace_id = p.workspace_id AND u.user_id = p.user_id "
    "JOIN accounts a ON a.account_id = u.account_id "
    "WHERE p.workspace_id = $1 AND p.buyer_company_id = $2 ORDER BY p.created_at, p.user_id";
constexpr const char* kInsertGrant =
    "INSERT INTO partition_grants (workspace_id, buyer_company_id, grantee_kind, grantee_id, granted_by_user_id, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING";
constexpr const char* kDeleteGrant =
    "DELETE FROM partition_grants WHERE workspace_id = $1 AND buyer_company_id = $2 AND grantee_kind = $3 AND "
    "grantee_id = $4";
constexpr const char* kDeletePartner = "DELETE FROM partner_users WHERE workspace_id = $1 AND user_id = $2";
constexpr const char* kInsertPartner =
    "INSERT INTO partner_users (workspace_id, user_id, buyer_company_id, created_at) VALUES ($1, $2, $3, $4)";
constexpr const char* kDeletePartnerOfBuyer =
    "DELETE FROM partner_users WHERE workspace_id = $1 AND user_id = $2 AND buyer_company_id = $3";

}  // namespace

Result<std::int64_t> SqlPartitionRepository::consumer_count(Id ws, Id buyer) {
    return read(db_, [&](Connection& c) -> Result<std::int64_t> {
        auto rs = RAPPORT_TRY(c.query(kConsumerCount, {ws, buyer}));
        return as_int(rs.rows[0][0]);
    });
}

Result<std::vector<PartitionGrant>> SqlPartitionRepository::grants(Id ws, Id buyer) {
    return read(db_, [&](Connection& c) -> Result<std::vector<PartitionGrant>> {
        auto rs = RAPPORT_TRY(c.query(kGrants, {ws, buyer}));
        std::vector<PartitionGrant> out;
        for (const auto& r : rs.rows) {
            PartitionGrant g;
            g.workspace_id = ws;
            g.buyer_company_id = buyer;
            g.grantee_kind = domain::partitions::parse_grantee_kind(as_text(r[0])).value_or(GranteeKind::User);
            g.grantee_id = as_int(r[1]);
            g.grantee_name = as_text(r[2]);
            if (!is_null(r[3])) g.granted_by_user_id = as_int(r[3]);
            g.created_at = as_int(r[4]);
            out.push_back(std::move(g));
        }
        return out;
    });
}

Result<std::vector<PartnerUser>> SqlPartitionRepository::partners(Id ws, Id buyer) {
    return read(db_, [&](Connection& c) -> Result<std::vector<PartnerUser>> {
        auto rs = RAPPORT_TRY(c.query(kPartners, {ws, buyer}));
        std::vector<PartnerUser> out;
        for (const auto& r : rs.rows) out.push_back({as_int(r[0]), as_text(r[1]), as_text(r[2]), as_int(r[3])});
        return out;
    });
}

Status SqlPartitionRepository::add_grant(const PartitionGrant& g, const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(c.execute(kInsertGrant, {g.workspace_id, g.buyer_company_id,
                                               std::string(domain::partitions::to_string(g.grantee_kind)), g.grantee_id,
                                               opt(g.granted_by_user_id), g.created_at}));
        return insert_audit(c, audit);
    });
}

Result<bool> SqlPartitionRepository::remove_grant(Id ws, Id buyer, GranteeKind kind, Id grantee_id,
                                                  const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        const auto removed = RAPPORT_TRY(
            c.execute(kDeleteGrant, {ws, buyer, std::string(domain::partitions::to_string(kind)), grantee_id}));
        if (removed == 0) return false;
        RAPPORT_CHECK(insert_audit(c, audit));
        return true;
    });
}

Status SqlPartitionRepository::bind_partner(Id ws, Id user_id, Id buyer, UnixMillis at,
                                            const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(c.execute(kDeletePartner, {ws, user_id}));
        RAPPORT_CHECK(c.execute(kInsertPartner, {ws, user_id, buyer, at}));
        return insert_audit(c, audit);
    });
}

Result<bool> SqlPartitionRepository::unbind_partner(Id ws, Id user_id, Id buyer, const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        const auto removed = RAPPORT_TRY(c.execute(kDeletePartnerOfBuyer, {ws, user_id, buyer}));
        if (removed == 0) return false;
        RAPPORT_CHECK(insert_audit(c, audit));
        return true;
    });
}

namespace {

std::vector<domain::partitions::NamedId> named(const ResultSet& rs) {
    std::vector<domain::partitions::NamedId> out;
    out.reserve(rs.size());
    for (const auto& row : rs.rows) out.push_back({as_int(row[0]), as_text(row[1])});
    return out;
}

}  // namespace

Result<domain::partitions::Names> SqlPartitionRepository::all_names(Id ws) {
    return read(db_, [&](Connection& c) -> Result<domain::partitions::Names> {
        domain::partitions::Names out;
        out.users = named(RAPPORT_TRY(c.query(kAllUserNames, {ws})));
        out.teams = named(RAPPORT_TRY(c.query(kAllTeamNames, {ws})));
        return out;
    });
}

Result<domain::partitions::Names> SqlPartitionRepository::names_around_buyer(Id ws, Id buyer, std::optional<Id> self) {
    return read(db_, [&](Connection& c) -> Result<domain::partitions::Names> {
        domain::partitions::Names out;
        out.users = named(RAPPORT_TRY(c.query(kBuyerUserNames, {ws, buyer, opt(self)})));
        out.teams = named(RAPPORT_TRY(c.query(kBuyerTeamNames, {ws, buyer})));
        return out;
    });
}

}  // namespace rapport::storage
