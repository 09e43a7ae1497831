// The demo loader: the workspace, its staff and teams through the identity and team services
// (as an operator would create them, audited), then the generated customer records
// (demo_generator.hpp) written with prepared INSERTs in one transaction.
#include "app/demo/demo_data.hpp"

#include <array>

#include "app/demo/demo_conversations.hpp"
#include "app/demo/demo_costs.hpp"
#include "app/demo/demo_generator.hpp"
#include "app/demo/demo_portfolios.hpp"
#include "app/demo/demo_relationships.hpp"
#include "app/demo/demo_segments.hpp"
#include "app/demo/demo_timeline.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/identity/principals.hpp"
#include "domain/identity/user_service.hpp"
#include "domain/identity/workspace_bootstrap.hpp"
#include "domain/partitions/partition_service.hpp"
#include "domain/segments/segment_service.hpp"
#include "domain/teams/team_service.hpp"
#include "storage/transaction.hpp"

namespace rapport::app::demo {

namespace {

using domain::Role;
using domain::SalesRole;
using domain::TeamKind;
using domain::TeamMember;

struct DemoUser {
    const char* display_name;
    const char* email;
    Role role;
    const char* language;
};

// The roaster's people. Indexes matter: the teams and portfolios below refer to them.
constexpr std::array<DemoUser, 16> kUsers = {{
    {"Giulia Romano", "giulia.romano@rapport.test", Role::Manager, "it"},         // 0 sales Italy (lead)
    {"Marco Esposito", "marco.esposito@rapport.test", Role::Member, "it"},        // 1 sales Italy
    {"Francesca Colombo", "francesca.colombo@rapport.test", Role::Member, "it"},  // 2 sales Italy
    {"Luca Ricci", "luca.ricci@rapport.test", Role::Member, "it"},                // 3 sales Italy
    {"Lucía Fernández", "lucia.fernandez@rapport.test", Role::Manager, "es"},     // 4 sales Spain (lead)
    {"Javier Moreno", "javier.moreno@rapport.test", Role::Member, "es"},          // 5 sales Spain
    {"Carmen Ruiz", "carmen.ruiz@rapport.test", Role::Member, "es"},              // 6 sales Spain
    {"João Almeida", "joao.almeida@rapport.test", Role::Member, "pt"},            // 7 sales Portugal
    {"Inês Carvalho", "ines.carvalho@rapport.test", Role::Member, "pt"},          // 8 sales Portugal
    {"Oliver Bennett", "oliver.bennett@rapport.test", Role::Manager, "en"},       // 9 key accounts
    {"Sofia Marques", "sofia.marques@rapport.test", Role::Manager, "pt"},         // 10 marketing (lead)
    {"Emma Walsh", "emma.walsh@rapport.test", Role::Member, "en"},                // 11 marketing
    {"Chiara Conti", "chiara.conti@rapport.test", Role::Manager, "it"},           // 12 service (lead)
    {"Pablo Navarro", "pablo.navarro@rapport.test", Role::Member, "es"},          // 13 service
    {"Daniel Hughes", "daniel.hughes@rapport.test", Role::Admin, "en"},           // 14 IT
    {"Paolo Ferrari", "paolo.ferrari@rapport.test", Role::Viewer, "it"},          // 15 finance, reads only
}};

struct DemoTeamMember {
    int user;
    std::optional<SalesRole> sales_role;
};

struct DemoTeam {
    const char* name;
    TeamKind kind;
    const char* description;
    std::vector<DemoTeamMember> members;
};

std::vector<DemoTeam> demo_teams() {
    const auto hunter = SalesRole::Hunter;
    const auto farmer = SalesRole::Farmer;
    return {
        {"Sales Italia",
         TeamKind::Sales,
         "Bars, restaurants and shops in Italy: hunters open new accounts, farmers grow the ones we have.",
         {{0, farmer}, {1, hunter}, {2, farmer}, {3, hunter}}},
        {"Ventas España",
         TeamKind::Sales,
         "Spain and Portugal: new accounts (hunters) and existing ones (farmers).",
         {{4, farmer}, {5, hunter}, {6, farmer}, {7, hunter}, {8, farmer}}},
        {"Marketing",
         TeamKind::Marketing,
         "Campaigns, the online shop and the coffee lovers' community.",
         {{10, std::nullopt}, {11, std::nullopt}}},
        {"Customer Service",
         TeamKind::Service,
         "Orders, deliveries and espresso machine support, for buyers and consumers.",
         {{12, std::nullopt}, {13, std::nullopt}}},
        {"IT", TeamKind::It, "The ERP and e-shop integrations.", {{14, std::nullopt}}},
        {"Key Accounts",
         TeamKind::Interdisciplinary,
         "Large accounts and the distributor network, with sales, marketing and service together.",
         {{9, std::nullopt}, {0, std::nullopt}, {4, std::nullopt}, {10, std::nullopt}, {12, std::nullopt}}},
    };
}

constexpr const char* kInsertCompany =
    "INSERT INTO companies (workspace_id, company_id, legal_name, trade_name, country, vat_id, pec, email, phone, "
    "website, industry, size, market, address_line, postal_code, city, region, buyer_kind, owner_user_id, team_id, "
    "created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)";

constexpr const char* kInsertPerson =
    "INSERT INTO people (workspace_id, person_id, first_name, last_name, email, phone, language, birthday, city, "
    "country, kind, buyer_company_id, owner_user_id, team_id, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";

constexpr const char* kInsertAffiliation =
    "INSERT INTO affiliations (workspace_id, person_id, company_id, job_title, is_primary) "
    "VALUES ($1, $2, $3, $4, $5)";

constexpr const char* kInsertInteraction =
    "INSERT INTO interactions (workspace_id, interaction_id, kind, person_id, company_id, subject, body, channel, "
    "direction, relationship_type, minutes_spent, occurred_at, due_at, assignee_user_id, completed_at, "
    "created_by_user_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";

constexpr const char* kInsertSnapshot =
    "INSERT INTO segment_snapshots (workspace_id, segment_id, day, member_count, taken_at) VALUES ($1, $2, $3, $4, $5)";

// How many days of segment history the demo starts with.
constexpr int kHistoryDays = 365;

template <class E>
storage::Value opt_enum(const std::optional<E>& v) {
    if (!v) return storage::Value{};
    return std::string(domain::timeline::to_string(*v));
}

Status insert_interactions(storage::Connection& conn, Id ws, const std::vector<InteractionRow>& rows) {
    using storage::opt;
    for (const auto& r : rows) {
        RAPPORT_CHECK(
            conn.execute(kInsertInteraction,
                         {ws, r.interaction_id, std::string(domain::timeline::to_string(r.kind)), opt(r.person_id),
                          opt(r.company_id), r.subject, r.body, opt_enum(r.channel), opt_enum(r.direction),
                          opt_enum(r.relationship_type), r.minutes_spent, r.occurred_at, opt(r.due_at),
                          opt(r.assignee_user_id), opt(r.completed_at), opt(r.created_by_user_id), r.created_at}));
    }
    return {};
}

// The demo's segments, created through the segment service (validated and audited as a
// user's would be) with today's snapshot, then a year of daily snapshots told from the
// records' creation times (demo_segments.hpp), in one transaction.
Result<int> create_segments(Services& services, Id ws, Id owner, const DemoCustomers& data) {
    auto& segments = services.get<domain::segments::SegmentService>();
    const auto op = domain::operator_principal(ws);
    const auto now = services.clock().now_ms();
    std::vector<std::pair<Id, std::vector<std::pair<std::string, std::int64_t>>>> histories;
    for (const auto& s : demo_segments()) {
        domain::segments::SegmentInput in;
        in.name = s.name;
        in.description = s.description;
        in.kind = s.kind;
        in.entity_type = s.entity_type;
        in.type = domain::segments::SegmentType::Dynamic;
        in.filter = s.filter;
        in.owner_user_id = std::optional<Id>(owner);
        auto segment = RAPPORT_TRY(segments.create(op, in, ""));
        RAPPORT_CHECK(segments.snapshot(op, segment.segment_id));
        histories.emplace_back(segment.segment_id, segment_history(s, data, now, kHistoryDays));
    }
    int written = 0;
    const auto write = [&](storage::Connection& conn) -> Status {
        written = 0;
        for (const auto& [segment_id, days] : histories) {
            for (const auto& [day, count] : days) {
                RAPPORT_CHECK(conn.execute(kInsertSnapshot, {ws, segment_id, day, count, now}));
                ++written;
            }
        }
        return {};
    };
    RAPPORT_CHECK(storage::write_transaction(services.database(), write));
    return written;
}

Status insert_customers(storage::Connection& conn, Id ws, const DemoCustomers& data) {
    using storage::opt;
    using storage::Value;
    for (const auto& c : data.companies) {
        RAPPORT_CHECK(
            conn.execute(kInsertCompany, {ws,           c.company_id,      c.legal_name,         opt(c.trade_name),
                                          c.country,    opt(c.vat_id),     opt(c.pec),           opt(c.email),
                                          opt(c.phone), opt(c.website),    c.industry,           c.size,
                                          c.market,     c.address_line,    c.postal_code,        c.city,
                                          c.region,     opt(c.buyer_kind), opt(c.owner_user_id), opt(c.team_id),
                                          c.created_at, c.updated_at}));
    }
    for (const auto& p : data.people) {
        RAPPORT_CHECK(conn.execute(
            kInsertPerson, {ws, p.person_id, p.first_name, p.last_name, opt(p.email), opt(p.phone), p.language,
                            opt(p.birthday), p.city, p.country, p.kind, opt(p.buyer_company_id), opt(p.owner_user_id),
                            opt(p.team_id), p.created_at, p.updated_at}));
    }
    for (const auto& a : data.affiliations) {
        RAPPORT_CHECK(conn.execute(kInsertAffiliation, {ws, a.person_id, a.company_id, a.job_title, a.is_primary}));
    }
    return {};
}

}  // namespace

Result<bool> database_is_empty(storage::Database& db) {
    return storage::read(db, [](storage::Connection& conn) -> Result<bool> {
        auto rs = RAPPORT_TRY(conn.query("SELECT COUNT(*) FROM workspaces"));
        return storage::as_int(rs.rows.at(0).at(0)) == 0;
    });
}

Result<Staff> create_staff(Services& services, Id ws) {
    const auto op = domain::operator_principal(ws);

    std::vector<Id> user_ids;
    for (const auto& u : kUsers) {
        domain::UserInput in;
        in.email = u.email;
        in.display_name = u.display_name;
        in.role = u.role;
        in.language = u.language;
        in.password = kOwnerPassword;
        auto user = RAPPORT_TRY(services.get<domain::UserService>().create_user(op, in, ""));
        user_ids.push_back(user.user_id);
    }

    std::vector<Id> team_ids;
    for (const auto& t : demo_teams()) {
        domain::TeamInput in;
        in.name = t.name;
        in.kind = t.kind;
        in.description = t.description;
        std::vector<TeamMember> members;
        for (const auto& m : t.members) {
            members.push_back({user_ids[static_cast<std::size_t>(m.user)], m.sales_role});
        }
        in.members = std::move(members);
        auto team = RAPPORT_TRY(services.get<domain::TeamService>().create(op, in, ""));
        team_ids.push_back(team.team_id);
    }
    const auto users = [&](std::initializer_list<int> indexes) {
        std::vector<Id> ids;
        for (int i : indexes) ids.push_back(user_ids[static_cast<std::size_t>(i)]);
        return ids;
    };
    // Who owns which customers: each country's sales people, within their sales team; the
    // English-speaking accounts are Key Accounts'; direct consumers are Marketing's.
    Staff staff;
    staff.by_country[static_cast<std::size_t>(Country::It)] = {team_ids[0], users({0, 1, 2, 3})};
    staff.by_country[static_cast<std::size_t>(Country::Es)] = {team_ids[1], users({4, 5, 6})};
    staff.by_country[static_cast<std::size_t>(Country::Pt)] = {team_ids[1], users({7, 8})};
    for (Country c : {Country::Gb, Country::Ie, Country::Us}) {
        staff.by_country[static_cast<std::size_t>(c)] = {team_ids[5], users({9})};
    }
    staff.consumers = {team_ids[2], users({10, 11})};
    staff.service = users({12, 13});
    staff.team_ids = team_ids;
    return staff;
}

Result<DemoReport> load_demo(Services& services, std::uint32_t seed) {
    auto boot = RAPPORT_TRY(services.get<domain::WorkspaceBootstrap>().bootstrap(kWorkspaceName, kOwnerEmail,
                                                                                 kOwnerPassword, "Demo Owner"));
    const Id ws = boot.workspace.workspace_id;
    const Staff staff = RAPPORT_TRY(create_staff(services, ws));
    const auto op = domain::operator_principal(ws);

    const auto now = services.clock().now_ms();
    const DemoCustomers data = generate_customers(seed, staff, now);
    const TimelineStaff timeline_staff{boot.owner.user_id, staff.service, staff.consumers.owners};
    const std::vector<InteractionRow> timelines = generate_timelines(seed, data, timeline_staff, now);
    const auto write = [&](storage::Connection& conn) -> Status {
        RAPPORT_CHECK(insert_customers(conn, ws, data));
        return insert_interactions(conn, ws, timelines);
    };
    RAPPORT_CHECK(storage::write_transaction(services.database(), write));
    const int snapshots = RAPPORT_TRY(create_segments(services, ws, boot.owner.user_id, data));
    RAPPORT_CHECK(create_relationship_plans(services, ws, boot.owner.user_id, kOwnerEmail, staff.team_ids));

    // B2B2C partitions: Marketing (who owns the consumers) and Customer Service work on every
    // buyer's consumers; the first buyer's own staff member signs in as its partner user.
    std::optional<Id> first_buyer;
    for (const auto& c : data.companies) {
        if (!c.buyer_kind) continue;
        if (!first_buyer) first_buyer = c.company_id;
        for (std::size_t team : {std::size_t{2}, std::size_t{3}}) {
            RAPPORT_CHECK(services.get<domain::partitions::PartitionService>().grant(
                op, c.company_id, domain::partitions::GranteeKind::Team, staff.team_ids[team], ""));
        }
    }
    if (first_buyer) {
        domain::UserInput in;
        in.email = kPartnerEmail;
        in.display_name = "Beatriz Costa";
        in.role = Role::Member;
        in.language = "pt";
        in.password = kOwnerPassword;
        auto partner = RAPPORT_TRY(services.get<domain::UserService>().create_user(op, in, ""));
        RAPPORT_CHECK(
            services.get<domain::partitions::PartitionService>().add_partner(op, *first_buyer, partner.user_id, ""));
    }

    const DemoDesk desk = RAPPORT_TRY(create_conversations(services, ws, staff.team_ids[3], staff.service, data));
    RAPPORT_CHECK(reassign_demo_portfolio(services, ws,
                                          staff.by_country[static_cast<std::size_t>(Country::It)].owners[3],
                                          staff.by_country[static_cast<std::size_t>(Country::It)].owners[2], data, 12));
    RAPPORT_CHECK(create_costs(services, ws, staff.team_ids));

    DemoReport r;
    r.conversations = desk.conversations;
    r.desk_new_people = desk.new_people;
    r.workspace_slug = boot.workspace.slug;
    r.owner_email = kOwnerEmail;
    r.owner_password = kOwnerPassword;
    r.users = 1 + static_cast<int>(kUsers.size()) + (first_buyer ? 1 : 0);
    r.teams = static_cast<int>(demo_teams().size());
    r.companies = static_cast<int>(data.companies.size());
    r.people = static_cast<int>(data.people.size());
    for (const auto& c : data.companies) r.buyers += c.buyer_kind ? 1 : 0;
    for (const auto& p : data.people) r.consumers += p.kind == "b2c_consumer" ? 1 : 0;
    r.interactions = static_cast<int>(timelines.size());
    for (const auto& i : timelines)
        r.open_tasks += i.kind == domain::timeline::InteractionKind::Task && !i.completed_at;
    r.segments = static_cast<int>(demo_segments().size());
    r.snapshots = snapshots + r.segments;  // the backfilled days and today's
    return r;
}

}  // namespace rapport::app::demo
