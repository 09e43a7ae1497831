#include "storage/costs/sql_cost_repository.hpp"

#include <nlohmann/json.hpp>

#include "storage/audit_sql.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain::costs;
using nlohmann::json;

namespace {

constexpr const char* kModels =
    "SELECT version_id, effective_from, currency, model, note, created_at, created_by_user_id"
    " FROM cost_model_versions WHERE workspace_id = $1 ORDER BY effective_from";
constexpr const char* kVersionOn =
    "SELECT version_id FROM cost_model_versions WHERE workspace_id = $1 AND effective_from = $2";
constexpr const char* kInsert =
    "INSERT INTO cost_model_versions (workspace_id, version_id, effective_from, currency, model, note, created_at,"
    " created_by_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr const char* kUpdate =
    "UPDATE cost_model_versions SET currency = $3, model = $4, note = $5, created_at = $6, created_by_user_id = $7"
    " WHERE workspace_id = $1 AND version_id = $2";
constexpr const char* kRemove = "DELETE FROM cost_model_versions WHERE workspace_id = $1 AND version_id = $2";
constexpr const char* kTeams = "SELECT team_id FROM teams WHERE workspace_id = $1";
constexpr const char* kUsers = "SELECT user_id, role FROM users WHERE workspace_id = $1";
constexpr const char* kTeamMembers = "SELECT user_id, team_id FROM team_members WHERE workspace_id = $1";

// One row per (customer, type, author, company): the customer is the person, else the company.
constexpr const char* kMinutes =
    "SELECT CASE WHEN person_id IS NOT NULL THEN 'person' WHEN company_id IS NOT NULL THEN 'company' ELSE '' END,"
    " COALESCE(person_id, company_id, 0), COALESCE(relationship_type, ''), created_by_user_id, SUM(minutes_spent),"
    " company_id"
    " FROM interactions WHERE workspace_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND minutes_spent > 0"
    " GROUP BY CASE WHEN person_id IS NOT NULL THEN 'person' WHEN company_id IS NOT NULL THEN 'company' ELSE '' END,"
    " COALESCE(person_id, company_id, 0), COALESCE(relationship_type, ''), created_by_user_id, company_id";

// One row per (customer, channel, company): messages that went through a channel (not notes,
// not replies whose delivery failed).
constexpr const char* kMessages =
    "SELECT CASE WHEN cv.person_id IS NOT NULL THEN 'person' WHEN cv.company_id IS NOT NULL THEN 'company' ELSE ''"
    " END, COALESCE(cv.person_id, cv.company_id, 0), m.channel, COUNT(*), cv.company_id"
    " FROM conversation_messages m JOIN conversations cv"
    " ON cv.workspace_id = m.workspace_id AND cv.conversation_id = m.conversation_id"
    " WHERE m.workspace_id = $1 AND m.occurred_at >= $2 AND m.occurred_at < $3 AND m.kind IN ('inbound', 'reply')"
    " AND (m.delivery_status IS NULL OR m.delivery_status <> 'failed')"
    " GROUP BY CASE WHEN cv.person_id IS NOT NULL THEN 'person' WHEN cv.company_id IS NOT NULL THEN 'company'"
    " ELSE '' END, COALESCE(cv.person_id, cv.company_id, 0), m.channel, cv.company_id";

std::string model_json(const CostModel& m) {
    json teams = json::array(), roles = json::array(), fixed = json::array(), channels = json::array();
    for (const auto& r : m.team_rates) teams.push_back({{"team_id", r.team_id}, {"cents_per_hour", r.cents_per_hour}});
    for (const auto& r : m.role_rates) {
        roles.push_back({{"role", std::string(to_string(r.role))}, {"cents_per_hour", r.cents_per_hour}});
    }
    for (const auto& f : m.fixed_costs) {
        json allocation = json::array();
        for (const auto& a : f.allocation) {
            allocation.push_back(
                {{"type", std::string(domain::timeline::to_string(a.type))}, {"basis_points", a.basis_points}});
        }
        fixed.push_back({{"name", f.name},
                         {"category", std::string(to_string(f.category))},
                         {"monthly_cents", f.monthly_cents},
                         {"allocation", allocation}});
    }
    for (const auto& c : m.channel_rates) {
        channels.push_back({{"channel", c.channel}, {"cents_per_message", c.cents_per_message}});
    }
    return json{{"team_rates", teams}, {"role_rates", roles}, {"fixed_costs", fixed}, {"channel_rates", channels}}
        .dump();
}

// The stored JSON was written by model_json; anything unreadable in it is skipped.
void read_model_json(CostModel& m, const std::string& text) {
    const json doc = json::parse(text, nullptr, false);
    if (!doc.is_object()) return;
    for (const auto& r : doc.value("team_rates", json::array())) {
        m.team_rates.push_back({r.value("team_id", Id{0}), r.value("cents_per_hour", std::int64_t{0})});
    }
    for (const auto& r : doc.value("role_rates", json::array())) {
        if (auto role = domain::parse_role(r.value("role", std::string()))) {
            m.role_rates.push_back({*role, r.value("cents_per_hour", std::int64_t{0})});
        }
    }
    for (const auto& f : doc.value("fixed_costs", json::array())) {
        FixedCost cost;
        cost.name = f.value("name", std::string());
        cost.category =
            parse_fixed_cost_category(f.value("category", std::string())).value_or(FixedCostCategory::Other);
        cost.monthly_cents = f.value("monthly_cents", std::int64_t{0});
        for (const auto& a : f.value("allocation", json::array())) {
            if (auto type = domain::timeline::parse_relationship_type(a.value("type", std::string()))) {
                cost.allocation.push_back({*type, a.value("basis_points", std::int64_t{0})});
            }
        }
        m.fixed_costs.push_back(std::move(cost));
    }
    for (const auto& c : doc.value("channel_rates", json::array())) {
        m.channel_rates.push_back({c.value("channel", std::string()), c.value("cents_per_message", std::int64_t{0})});
    }
}

std::optional<CustomerKey> customer_of(const Value& kind, const Value& id) {
    const std::string k = as_text(kind);
    if (k == "person") return CustomerKey{domain::customers::EntityType::Person, as_int(id)};
    if (k == "company") return CustomerKey{domain::customers::EntityType::Company, as_int(id)};
    return std::nullopt;
}

}  // namespace

Result<std::vector<CostModel>> SqlCostRepository::models(Id ws) {
    return read(db_, [&](Connection& c) -> Result<std::vector<CostModel>> {
        auto rs = RAPPORT_TRY(c.query(kModels, {ws}));
        std::vector<CostModel> out;
        for (const auto& r : rs.rows) {
            CostModel m;
            m.workspace_id = ws;
            m.version_id = as_int(r[0]);
            m.effective_from = as_text(r[1]);
            m.currency = as_text(r[2]);
            read_model_json(m, as_text(r[3]));
            m.note = as_text(r[4]);
            m.created_at = as_int(r[5]);
            m.created_by_user_id = as_opt_int(r[6]);
            out.push_back(std::move(m));
        }
        return out;
    });
}

Result<CostModel> SqlCostRepository::save_model(const CostModel& model, const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Result<CostModel> {
        CostModel stored = model;
        auto existing = RAPPORT_TRY(c.query(kVersionOn, {model.workspace_id, model.effective_from}));
        if (!existing.empty()) {
            stored.version_id = as_int(existing.rows[0][0]);
            RAPPORT_CHECK(
                c.execute(kUpdate, {stored.workspace_id, stored.version_id, stored.currency, model_json(stored),
                                    stored.note, stored.created_at, opt(stored.created_by_user_id)}));
        } else {
            RAPPORT_CHECK(c.execute(
                kInsert, {stored.workspace_id, stored.version_id, stored.effective_from, stored.currency,
                          model_json(stored), stored.note, stored.created_at, opt(stored.created_by_user_id)}));
        }
        RAPPORT_CHECK(insert_audit(c, audit));
        return stored;
    });
}

Result<bool> SqlCostRepository::remove_model(Id ws, Id version_id, const domain::AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Result<bool> {
        const auto removed = RAPPORT_TRY(c.execute(kRemove, {ws, version_id}));
        if (removed == 0) return false;
        RAPPORT_CHECK(insert_audit(c, audit));
        return true;
    });
}

Result<std::vector<Id>> SqlCostRepository::team_ids(Id ws) {
    return read(db_, [&](Connection& c) -> Result<std::vector<Id>> {
        std::vector<Id> out;
        for (const auto& r : RAPPORT_TRY(c.query(kTeams, {ws})).rows) out.push_back(as_int(r[0]));
        return out;
    });
}

Result<std::vector<MinutesRow>> SqlCostRepository::minutes(Id ws, UnixMillis from, UnixMillis to) {
    return read(db_, [&](Connection& c) -> Result<std::vector<MinutesRow>> {
        std::vector<MinutesRow> out;
        for (const auto& r : RAPPORT_TRY(c.query(kMinutes, {ws, from, to})).rows) {
            MinutesRow row;
            row.customer = customer_of(r[0], r[1]);
            row.type = domain::timeline::parse_relationship_type(as_text(r[2]));
            row.author_user_id = as_opt_int(r[3]);
            row.minutes = as_int(r[4]);
            row.company_id = as_opt_int(r[5]);
            out.push_back(std::move(row));
        }
        return out;
    });
}

Result<std::vector<MessagesRow>> SqlCostRepository::messages(Id ws, UnixMillis from, UnixMillis to) {
    return read(db_, [&](Connection& c) -> Result<std::vector<MessagesRow>> {
        std::vector<MessagesRow> out;
        for (const auto& r : RAPPORT_TRY(c.query(kMessages, {ws, from, to})).rows) {
            out.push_back({customer_of(r[0], r[1]), as_text(r[2]), as_int(r[3]), as_opt_int(r[4])});
        }
        return out;
    });
}

Result<std::map<Id, Author>> SqlCostRepository::authors(Id ws) {
    return read(db_, [&](Connection& c) -> Result<std::map<Id, Author>> {
        std::map<Id, Author> out;
        for (const auto& r : RAPPORT_TRY(c.query(kUsers, {ws})).rows)
            out[as_int(r[0])].role = domain::parse_role(as_text(r[1]));
        for (const auto& r : RAPPORT_TRY(c.query(kTeamMembers, {ws})).rows) {
            out[as_int(r[0])].team_ids.push_back(as_int(r[1]));
        }
        return out;
    });
}

}  // namespace rapport::storage
