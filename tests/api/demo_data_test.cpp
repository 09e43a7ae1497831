// The demo data set, loaded into a fresh SQLite database through the app's Services: the
// report tells the truth, tax ids pass their country's checks, the B2B2C links hold, the
// owner can sign in, and a second load is refused. The generator's determinism is checked
// without a database. Every stored record passes the validation of the API's create and update
// paths, and the demo's best duplicate pair merges keeping either record's phone. (Here rather
// than in tests/storage: it needs the app layer.)
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "app/demo/demo_data.hpp"
#include "app/demo/demo_generator.hpp"
#include "app/demo/demo_segments.hpp"
#include "app/demo/demo_timeline.hpp"
#include "app/services.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/customers/phone.hpp"
#include "domain/customers/tax_id.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "domain/duplicates/merge_plan.hpp"
#include "domain/identity/authentication_service.hpp"
#include "domain/identity/principals.hpp"
#include "storage/transaction.hpp"

namespace rapport::app::demo {
namespace {

using domain::customers::CustomerInput;
using domain::customers::CustomerRecord;
using domain::customers::CustomerService;
using domain::customers::EntityType;
using domain::duplicates::DuplicateService;
using domain::duplicates::Side;

const char* kind_of(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}

// Every record of `type` in the workspace, read back through the customer service.
std::vector<CustomerRecord> all_records(Services& services, const domain::Principal& actor, EntityType type) {
    std::vector<CustomerRecord> out;
    domain::customers::ListRequest request;
    auto stream = services.get<CustomerService>().stream(actor, type, request);
    EXPECT_TRUE(stream) << stream.error().detail;
    if (!stream) return out;
    for (;;) {
        auto more = stream->next(500, [&](const CustomerRecord& r) { out.push_back(r); });
        EXPECT_TRUE(more) << more.error().detail;
        if (!more || !*more) break;
    }
    return out;
}

// What the API would send to save `record` as it is: every built-in field, custom values,
// tags, owner and team.
CustomerInput input_of(const CustomerRecord& record) {
    CustomerInput in;
    for (const auto& def : domain::customers::fields_of(record.type)) {
        if (record.fields.contains(def.name)) in.fields[def.name] = record.fields[def.name];
    }
    in.custom = record.custom;
    in.tags = record.tags;
    in.owner_user_id = record.owner_user_id;
    in.team_id = record.team_id;
    return in;
}

// Runs the create and update paths' validation (prepare_create, prepare_update: nothing is
// written) on every stored record of `type`; returns one line per problem.
std::vector<std::string> revalidate(Services& services, const domain::Principal& actor, EntityType type, int& checked) {
    auto& customers = services.get<CustomerService>();
    std::vector<std::string> failures;
    auto context = customers.write_context(actor, type);
    if (!context) return {std::string("write_context: ") + context.error().detail};
    const auto source = CustomerService::default_source(actor);
    const auto describe = [&](const CustomerRecord& r, const std::string& path, const Error& e) {
        std::string line = std::string(kind_of(type)) + " " + id_to_string(r.id) + " (" + path + "): " + e.detail;
        for (const auto& f : e.fields) {
            const std::string name = f.pointer.substr(f.pointer.rfind('/') + 1);
            const auto value = r.fields.contains(name) ? r.fields[name].dump() : std::string("-");
            line += "\n    " + f.pointer + " = " + value + ": " + f.message;
        }
        return line;
    };
    for (const auto& record : all_records(services, actor, type)) {
        ++checked;
        const CustomerInput input = input_of(record);
        auto created = customers.prepare_create(actor, *context, type, input, source);
        auto updated = customers.prepare_update(actor, *context, record, input, source);
        if (!created && !updated && describe(record, "", created.error()) == describe(record, "", updated.error())) {
            failures.push_back(describe(record, "create and update", created.error()));
            continue;
        }
        if (!created) failures.push_back(describe(record, "create", created.error()));
        if (!updated) {
            failures.push_back(describe(record, "update", updated.error()));
        } else {
            // Stored as the API would store it: saving it unchanged changes nothing.
            for (const auto& c : updated->changes) {
                failures.push_back(std::string(kind_of(type)) + " " + id_to_string(record.id) + ": " + c.field +
                                   " is stored as '" + c.old_value + "' but normalises to '" + c.new_value + "'");
            }
        }
    }
    return failures;
}

Id demo_workspace(Services& services) {
    auto rs = storage::read(services.database(), [](storage::Connection& conn) {
        return conn.query("SELECT workspace_id FROM workspaces WHERE slug = $1", {std::string("rapport-demo")});
    });
    EXPECT_TRUE(rs && !rs->empty());
    return rs && !rs->empty() ? storage::as_int(rs->rows.at(0).at(0)) : 0;
}

// A SQLite file of its own for a test suite (`Suite`, so each suite has its own statics),
// opened once with the services over it, and removed at the end.
template <class Suite>
class OwnDatabaseSuite : public ::testing::Test {
protected:
    static void open_services(const std::string& name) {
        path_ = "/tmp/rapport-" + name + "-" + std::to_string(::getpid()) + ".db";
        remove_files();
        auto opened = Services::open("sqlite:" + path_);
        ASSERT_TRUE(opened) << opened.error().detail;
        services_ = std::move(*opened).release();
    }

    static void TearDownTestSuite() {
        delete services_;
        services_ = nullptr;
        remove_files();
    }

    static void remove_files() {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path_ + suffix).c_str());
    }

    void SetUp() override {
        if (services_ == nullptr) GTEST_SKIP() << "the demo data set did not load";
    }

    static inline std::string path_;
    static inline Services* services_ = nullptr;
};

class DemoDataTest : public OwnDatabaseSuite<DemoDataTest> {
protected:
    static void SetUpTestSuite() {
        open_services("demo-test");
        if (services_ == nullptr) return;

        auto empty = database_is_empty(services_->database());
        ASSERT_TRUE(empty) << empty.error().detail;
        empty_before_ = *empty;

        const auto start = std::chrono::steady_clock::now();
        auto loaded = load_demo(*services_, 42);
        load_ms_ =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        ASSERT_TRUE(loaded) << loaded.error().detail;
        report_ = *loaded;
        std::printf("demo data set loaded in %lld ms\n", static_cast<long long>(load_ms_));
    }

    static storage::ResultSet query(const std::string& sql, const storage::Params& params = {}) {
        auto rs =
            storage::read(services_->database(), [&](storage::Connection& conn) { return conn.query(sql, params); });
        EXPECT_TRUE(rs) << sql << ": " << rs.error().detail;
        return rs ? *rs : storage::ResultSet{};
    }

    static std::int64_t count(const std::string& sql) {
        auto rs = query(sql);
        return rs.empty() ? -1 : storage::as_int(rs.rows.at(0).at(0));
    }

    static inline bool empty_before_ = false;
    static inline DemoReport report_;
    static inline std::int64_t load_ms_ = 0;
};

TEST_F(DemoDataTest, ReportMatchesTheDatabase) {
    EXPECT_EQ(report_.users, count("SELECT COUNT(*) FROM users"));
    EXPECT_EQ(report_.teams, count("SELECT COUNT(*) FROM teams"));
    EXPECT_EQ(report_.companies, count("SELECT COUNT(*) FROM companies"));
    EXPECT_EQ(report_.buyers, count("SELECT COUNT(*) FROM companies WHERE buyer_kind IS NOT NULL"));
    EXPECT_EQ(report_.people + report_.desk_new_people, count("SELECT COUNT(*) FROM people"));
    EXPECT_EQ(report_.consumers, count("SELECT COUNT(*) FROM people WHERE kind = 'b2c_consumer'"));
    EXPECT_EQ(report_.owner_email, kOwnerEmail);
    EXPECT_EQ(report_.owner_password, kOwnerPassword);
    EXPECT_EQ(report_.workspace_slug, "rapport-demo");

    EXPECT_EQ(report_.users, 18);  // owner, 16 staff, one partner user
    EXPECT_EQ(report_.teams, 6);
    EXPECT_EQ(report_.companies, kDemoCompanies);
    EXPECT_EQ(report_.buyers, kDemoBuyers);
    EXPECT_EQ(report_.people, kDemoContacts + kDemoBuyerConsumers + kDemoDirectConsumers);
    EXPECT_EQ(report_.consumers, kDemoBuyerConsumers + kDemoDirectConsumers);
}

TEST_F(DemoDataTest, BuyersPartitionsAreGrantedToMarketingAndServiceWithOnePartnerUser) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM partition_grants WHERE grantee_kind = 'team'"), 2 * kDemoBuyers);
    EXPECT_EQ(count("SELECT COUNT(*) FROM partner_users p JOIN companies c ON c.workspace_id = p.workspace_id AND "
                    "c.company_id = p.buyer_company_id WHERE c.buyer_kind IS NOT NULL"),
              1);
}

TEST_F(DemoDataTest, CountryMixIsAsPlanned) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE country = 'IT'"), 120);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE country = 'ES'"), 75);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE country = 'PT'"), 60);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE country IN ('GB', 'IE', 'US')"), 45);
    EXPECT_GT(count("SELECT COUNT(*) FROM companies WHERE market = 'b2c'"), 0);
    EXPECT_LT(count("SELECT COUNT(*) FROM companies WHERE market = 'b2c'"), 60);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE legal_name = 'Caffè Centrale Distribuzione S.r.l.'"), 1);
}

TEST_F(DemoDataTest, TaxIdsPassTheirCountryChecks) {
    auto rs = query("SELECT country, vat_id, legal_name FROM companies WHERE vat_id IS NOT NULL");
    int checked = 0;
    std::set<std::string> seen;
    for (const auto& row : rs.rows) {
        const std::string country = storage::as_text(row[0]);
        const std::string vat = storage::as_text(row[1]);
        const auto check = domain::check_tax_id(country, vat);
        EXPECT_TRUE(check.valid) << storage::as_text(row[2]) << " " << country << " " << vat << ": " << check.reason;
        EXPECT_EQ(check.normalized, vat);
        if (country == "IT" || country == "ES" || country == "PT") {
            EXPECT_EQ(check.strength, domain::TaxIdStrength::CheckDigit);
            ++checked;
        }
        EXPECT_TRUE(seen.insert(country + vat).second) << "duplicate VAT id " << country << vat;
    }
    // Every Italian, Spanish and Portuguese company has one.
    EXPECT_EQ(checked, 255);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE country IN ('IT', 'ES', 'PT') AND vat_id IS NULL"), 0);
}

TEST_F(DemoDataTest, ItalianCompaniesHavePecAndPhonesAreE164) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE country = 'IT' AND pec IS NULL"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE country <> 'IT' AND pec IS NOT NULL"), 0);
    auto rs = query(
        "SELECT phone, country FROM companies WHERE phone IS NOT NULL "
        "UNION ALL SELECT phone, country FROM people WHERE phone IS NOT NULL AND country IS NOT NULL");
    // Only a sender the service desk met by phone has no country: intake knows just the number.
    EXPECT_LE(count("SELECT COUNT(*) FROM people WHERE phone IS NOT NULL AND country IS NULL"),
              report_.desk_new_people);
    ASSERT_GT(rs.size(), 2000u);
    for (const auto& row : rs.rows) {
        const std::string phone = storage::as_text(row[0]);
        const std::string country = storage::as_text(row[1]);
        ASSERT_GE(phone.size(), 9u) << phone;
        ASSERT_LE(phone.size(), 16u) << phone;  // E.164: + and at most 15 digits
        ASSERT_EQ(phone[0], '+') << phone;
        ASSERT_EQ(phone.find_first_not_of("0123456789", 1), std::string::npos) << phone;
        const std::string code = country == "IT"   ? "+39"
                                 : country == "ES" ? "+34"
                                 : country == "PT" ? "+351"
                                 : country == "GB" ? "+44"
                                 : country == "IE" ? "+353"
                                                   : "+1";
        ASSERT_EQ(phone.rfind(code, 0), 0u) << phone << " in " << country;
    }
}

TEST_F(DemoDataTest, EmailsAreUniqueAsciiAndOnReservedDomains) {
    auto rs = query("SELECT email FROM people WHERE email IS NOT NULL");
    ASSERT_GT(rs.size(), 2500u);
    std::set<std::string> seen;
    for (const auto& row : rs.rows) {
        const std::string email = storage::as_text(row[0]);
        EXPECT_TRUE(seen.insert(email).second) << "duplicate " << email;
        EXPECT_EQ(email.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.@-"), std::string::npos) << email;
        EXPECT_TRUE(email.ends_with(".example")) << email;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE email IS NOT NULL AND email NOT LIKE '%.example'"), 0);
}

TEST_F(DemoDataTest, ContactsHaveOnePrimaryAffiliation) {
    // The senders the service desk met for the first time are contacts too, of no company yet.
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE kind = 'b2b_contact'"), kDemoContacts + report_.desk_new_people);
    EXPECT_EQ(count("SELECT COUNT(*) FROM affiliations WHERE is_primary"), kDemoContacts);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people p WHERE kind = 'b2b_contact' AND 1 <> "
                    "(SELECT COUNT(*) FROM affiliations a WHERE a.person_id = p.person_id AND a.is_primary)"),
              report_.desk_new_people);
    // About one contact in ten also sits at a second company.
    const auto second = count("SELECT COUNT(*) FROM affiliations WHERE NOT is_primary");
    EXPECT_GT(second, 100);
    EXPECT_LT(second, 260);
    EXPECT_EQ(count("SELECT COUNT(*) FROM affiliations a JOIN people p ON p.person_id = a.person_id "
                    "WHERE p.kind <> 'b2b_contact'"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM affiliations WHERE job_title IS NULL OR job_title = ''"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies c WHERE NOT EXISTS "
                    "(SELECT 1 FROM affiliations a WHERE a.company_id = c.company_id AND a.is_primary)"),
              0);
}

TEST_F(DemoDataTest, ConsumersBelongToBuyers) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE buyer_company_id IS NOT NULL"), kDemoBuyerConsumers);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people p LEFT JOIN companies c ON c.company_id = p.buyer_company_id "
                    "WHERE p.buyer_company_id IS NOT NULL AND c.buyer_kind IS NULL"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE buyer_company_id IS NOT NULL AND kind <> 'b2c_consumer'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE kind = 'b2c_consumer' AND birthday IS NULL"), 0);
    // Every buyer has consumers.
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies c WHERE buyer_kind IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM people p WHERE p.buyer_company_id = c.company_id)"),
              0);
}

TEST_F(DemoDataTest, OwnersAndTeamsAreRealUsersAndTeams) {
    for (const char* table : {"companies", "people"}) {
        const std::string t = table;
        EXPECT_EQ(
            count("SELECT COUNT(*) FROM " + t +
                  " r WHERE owner_user_id IS NOT NULL AND NOT EXISTS "
                  "(SELECT 1 FROM users u WHERE u.workspace_id = r.workspace_id AND u.user_id = r.owner_user_id)"),
            0);
        EXPECT_EQ(count("SELECT COUNT(*) FROM " + t +
                        " r WHERE team_id IS NOT NULL AND NOT EXISTS "
                        "(SELECT 1 FROM teams m WHERE m.workspace_id = r.workspace_id AND m.team_id = r.team_id)"),
                  0);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE team_id IS NULL"), 0);
    // Italian companies are owned by Sales Italia's members.
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies c JOIN teams t ON t.team_id = c.team_id "
                    "WHERE c.country = 'IT' AND t.name <> 'Sales Italia'"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies c WHERE c.country = 'IT' AND c.owner_user_id IS NOT NULL "
                    "AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = c.team_id "
                    "AND m.user_id = c.owner_user_id)"),
              0);
    EXPECT_GT(count("SELECT COUNT(*) FROM team_members WHERE sales_role = 'hunter'"), 0);
    EXPECT_GT(count("SELECT COUNT(*) FROM team_members WHERE sales_role = 'farmer'"), 0);
    auto kinds = query("SELECT DISTINCT kind FROM teams ORDER BY kind");
    EXPECT_EQ(kinds.size(), 5u);
}

TEST_F(DemoDataTest, UsersSpeakFourLanguages) {
    auto rs = query("SELECT DISTINCT language FROM users WHERE language IS NOT NULL ORDER BY language");
    ASSERT_EQ(rs.size(), 4u);
    EXPECT_EQ(storage::as_text(rs.rows[0][0]), "en");
    EXPECT_EQ(storage::as_text(rs.rows[3][0]), "pt");
    auto roles = query("SELECT DISTINCT role FROM users ORDER BY role");
    EXPECT_EQ(roles.size(), 5u);  // admin, manager, member, owner, viewer
}

TEST_F(DemoDataTest, OwnerAndStaffCanSignIn) {
    domain::LoginRequest req;
    req.email = kOwnerEmail;
    req.password = kOwnerPassword;
    req.ip = "127.0.0.1";
    auto login = services_->get<domain::AuthenticationService>().login(req);
    ASSERT_TRUE(login) << login.error().detail;
    EXPECT_EQ(login->workspace.slug, report_.workspace_slug);
    EXPECT_EQ(login->user.role, domain::Role::Owner);

    req.email = "lucia.fernandez@rapport.test";
    auto staff = services_->get<domain::AuthenticationService>().login(req);
    ASSERT_TRUE(staff) << staff.error().detail;
    EXPECT_EQ(staff->user.language, "es");
}

TEST_F(DemoDataTest, DatabaseIsEmptyOnlyBeforeTheLoad) {
    EXPECT_TRUE(empty_before_);
    auto empty = database_is_empty(services_->database());
    ASSERT_TRUE(empty);
    EXPECT_FALSE(*empty);
}

TEST_F(DemoDataTest, LoadingTwiceIsAConflict) {
    auto again = load_demo(*services_, 42);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::Conflict) << again.error().detail;
    EXPECT_EQ(report_.companies, count("SELECT COUNT(*) FROM companies"));
}

TEST_F(DemoDataTest, EveryRecordPassesTheApplicationsOwnValidation) {
    const auto actor = domain::operator_principal(demo_workspace(*services_));
    for (const EntityType type : {EntityType::Company, EntityType::Person}) {
        int checked = 0;
        const auto failures = revalidate(*services_, actor, type, checked);
        EXPECT_EQ(checked, type == EntityType::Company ? report_.companies : report_.people + report_.desk_new_people);
        std::string first;
        for (std::size_t i = 0; i < failures.size() && i < 10; ++i) first += "\n  " + failures[i];
        EXPECT_TRUE(failures.empty()) << failures.size() << " problem(s) among " << checked << " " << kind_of(type)
                                      << " records; the first:" << first;
    }
}

TEST_F(DemoDataTest, TimelinesCoverThePastYearWithEveryKind) {
    // The desk's customer messages are on their senders' timelines too.
    EXPECT_EQ(report_.interactions + report_.conversations, count("SELECT COUNT(*) FROM interactions"));
    EXPECT_GT(report_.interactions, 1500);
    for (const char* kind : {"note", "call", "meeting", "email", "task"}) {
        EXPECT_GT(count(std::string("SELECT COUNT(*) FROM interactions WHERE kind = '") + kind + "'"), 100) << kind;
    }
    // Most companies (every buyer) have a timeline, and many consumers.
    EXPECT_GT(count("SELECT COUNT(DISTINCT company_id) FROM interactions"), 180);
    EXPECT_EQ(count("SELECT COUNT(*) FROM companies c WHERE buyer_kind IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM interactions i WHERE i.company_id = c.company_id)"),
              0);
    EXPECT_GT(count("SELECT COUNT(DISTINCT i.person_id) FROM interactions i JOIN people p ON p.person_id = "
                    "i.person_id WHERE p.kind = 'b2c_consumer'"),
              150);
    // Every entry names records that exist, happened in the last year and not before its record.
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions i WHERE i.company_id IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM companies c WHERE c.company_id = i.company_id)"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions i WHERE i.person_id IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM people p WHERE p.person_id = i.person_id)"),
              0);
    const std::int64_t now = services_->clock().now_ms();
    const std::int64_t year_ago = now - 366LL * 24 * 3600 * 1000;
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions WHERE occurred_at < " + std::to_string(year_ago) +
                    " OR occurred_at > " + std::to_string(now)),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions i JOIN companies c ON c.company_id = i.company_id "
                    "WHERE i.occurred_at < c.created_at"),
              0);
    // Filled in as people would: calls by phone with a direction and minutes, a relationship
    // type on every entry, authors who are users, a due date on every task.
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions WHERE kind = 'call' AND (channel <> 'phone' OR direction IS "
                    "NULL OR minutes_spent <= 0)"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions WHERE relationship_type IS NULL"), 0);
    EXPECT_GT(count("SELECT COUNT(DISTINCT relationship_type) FROM interactions"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions WHERE kind = 'task' AND due_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions WHERE kind <> 'task' AND due_at IS NOT NULL"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions i WHERE created_by_user_id IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM users u WHERE u.user_id = i.created_by_user_id)"),
              0);
    // In the customer's language: an Italian account's calls are in Italian.
    EXPECT_GT(count("SELECT COUNT(*) FROM interactions i JOIN companies c ON c.company_id = i.company_id "
                    "WHERE c.country = 'IT' AND i.subject LIKE 'Chiamata%'"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM interactions WHERE subject LIKE '%{%' OR body LIKE '%{%'"), 0);
}

TEST_F(DemoDataTest, OpenTasksAreOverdueDueTodayAndNextWeekOnSeveralDesks) {
    const std::int64_t now = services_->clock().now_ms();
    const std::int64_t day = 24LL * 3600 * 1000;
    const std::string today_start = std::to_string(now - now % day);
    const std::string today_end = std::to_string(now - now % day + day);
    const std::string owner =
        "(SELECT user_id FROM users WHERE role = 'owner' AND workspace_id = interactions.workspace_id)";
    const std::string open = "SELECT COUNT(*) FROM interactions WHERE kind = 'task' AND completed_at IS NULL";
    EXPECT_EQ(count(open), report_.open_tasks);
    EXPECT_GT(report_.open_tasks, 40);
    EXPECT_GE(count(open + " AND assignee_user_id = " + owner + " AND due_at < " + today_start), 3);
    EXPECT_GE(count(open + " AND assignee_user_id = " + owner + " AND due_at >= " + std::to_string(now) +
                    " AND due_at < " + today_end),
              3);
    EXPECT_GE(count(open + " AND assignee_user_id = " + owner + " AND due_at >= " + today_end + " AND due_at < " +
                    std::to_string(now + 8 * day)),
              3);
    EXPECT_GT(count("SELECT COUNT(DISTINCT assignee_user_id) FROM interactions WHERE kind = 'task' AND "
                    "completed_at IS NULL"),
              6);
    EXPECT_GT(count("SELECT COUNT(*) FROM interactions WHERE kind = 'task' AND completed_at IS NOT NULL"), 100);
}

TEST_F(DemoDataTest, TheServiceDeskInboxHasCustomersWaitingInFourLanguagesAndChannels) {
    EXPECT_GE(report_.conversations, 10);
    EXPECT_GE(report_.desk_new_people, 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM conversations WHERE awaiting_since IS NOT NULL"), report_.conversations);
    EXPECT_EQ(count("SELECT COUNT(DISTINCT channel) FROM conversations"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM conversations WHERE topic IS NULL"), 0);
    EXPECT_GE(count("SELECT COUNT(*) FROM conversations WHERE assignee_user_id IS NOT NULL"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM conversations WHERE status = 'pending'"), 1);
    // Strangers became people from their channel, as first-party data.
    EXPECT_EQ(count("SELECT COUNT(DISTINCT entity_id) FROM field_provenance WHERE source_ref LIKE 'channel:%'"),
              report_.desk_new_people);
}

TEST_F(DemoDataTest, MostRecordsHaveAnOwnerAndATeam) {
    EXPECT_GT(count("SELECT COUNT(*) FROM companies WHERE owner_user_id IS NOT NULL"), report_.companies * 9 / 10);
    EXPECT_GT(count("SELECT COUNT(*) FROM people WHERE owner_user_id IS NOT NULL"), report_.people / 2);
    EXPECT_GT(count("SELECT COUNT(*) FROM people WHERE team_id IS NOT NULL"), report_.people * 9 / 10);
    EXPECT_GT(count("SELECT COUNT(DISTINCT owner_user_id) FROM companies"), 8);
}

TEST_F(DemoDataTest, SegmentsHaveAYearOfHistoryEndingInTodaysCount) {
    EXPECT_EQ(report_.segments, static_cast<int>(demo_segments().size()));
    EXPECT_EQ(report_.segments, count("SELECT COUNT(*) FROM segments"));
    EXPECT_EQ(report_.snapshots, count("SELECT COUNT(*) FROM segment_snapshots"));
    EXPECT_EQ(report_.snapshots, report_.segments * 366);
    const auto today = domain::segments::utc_day(services_->clock().now_ms());
    auto rs = query(
        "SELECT s.segment_id, s.name, n.day, n.member_count FROM segments s JOIN segment_snapshots n "
        "ON n.segment_id = s.segment_id ORDER BY s.segment_id, n.day");
    ASSERT_EQ(static_cast<int>(rs.size()), report_.snapshots);
    std::int64_t previous_segment = 0;
    std::int64_t previous = 0;
    std::int64_t first = 0;
    for (const auto& row : rs.rows) {
        const auto segment = storage::as_int(row[0]);
        const auto members = storage::as_int(row[3]);
        const std::string name = storage::as_text(row[1]);
        if (segment != previous_segment) {
            previous_segment = segment;
            first = members;
        } else {
            EXPECT_GE(members, previous) << name << " " << storage::as_text(row[2]);  // records are only added
        }
        previous = members;
        if (storage::as_text(row[2]) == today) {
            // Today's, taken by the segment service, ends the history told from creation times.
            EXPECT_GT(members, first) << name << ": no growth over the year";
            EXPECT_GT(members, 0) << name;
        }
    }
}

// ---- Merging the demo's duplicates (a database of its own: merges write) -----------------

class DemoDuplicatesTest : public OwnDatabaseSuite<DemoDuplicatesTest> {
protected:
    static void SetUpTestSuite() {
        open_services("demo-dup-test");
        if (services_ == nullptr) return;
        auto loaded = load_demo(*services_, 42);
        ASSERT_TRUE(loaded) << loaded.error().detail;
    }
};

std::string phone_of(const CustomerRecord& r) {
    return r.fields.contains("phone") && r.fields["phone"].is_string() ? r.fields["phone"].get<std::string>() : "";
}

TEST_F(DemoDuplicatesTest, TopPairsMergeKeepingEitherPhone) {
    const auto actor = domain::operator_principal(demo_workspace(*services_));
    auto& duplicates = services_->get<DuplicateService>();
    auto& customers = services_->get<CustomerService>();
    auto scan = duplicates.scan(actor, EntityType::Person);
    ASSERT_TRUE(scan) << scan.error().detail;
    auto queue = duplicates.list(actor, EntityType::Person, domain::duplicates::CandidateStatus::Open, std::nullopt, 2,
                                 std::nullopt);
    ASSERT_TRUE(queue) << queue.error().detail;
    ASSERT_EQ(queue->items.size(), 2u) << "the demo has fewer than two duplicate pairs of people";
    const auto custom_defs = customers.write_context(actor, EntityType::Person);
    ASSERT_TRUE(custom_defs) << custom_defs.error().detail;

    const auto load = [&](Id id) {
        auto view = customers.get(actor, EntityType::Person, id);
        EXPECT_TRUE(view) << view.error().detail;
        return view ? view->record : CustomerRecord{};
    };
    const auto explain = [](const Error& e) {
        std::string text = e.detail;
        for (const auto& f : e.fields) text += "; " + f.pointer + ": " + f.message;
        return text;
    };

    // The best pair: either phone makes a valid merged record (planned, nothing written).
    const auto& top = queue->items[0];
    const CustomerRecord survivor = load(top.first.id);
    const CustomerRecord merged = load(top.second.id);
    std::printf("top pair (score %d): %s %s | %s %s\n", top.score, top.first.name.c_str(), phone_of(survivor).c_str(),
                top.second.name.c_str(), phone_of(merged).c_str());
    for (const Side side : {Side::Survivor, Side::Merged}) {
        auto plan = domain::duplicates::plan_merge(survivor, merged, {{"phone", side}}, custom_defs->custom_defs);
        ASSERT_TRUE(plan) << (side == Side::Survivor ? "survivor's" : "merged's")
                          << " phone: " << explain(plan.error());
        EXPECT_EQ(phone_of(plan->record), phone_of(side == Side::Survivor ? survivor : merged));
    }

    // And merged for real: the best pair keeping the merged record's phone, the next keeping
    // the survivor's.
    const std::array<std::pair<std::size_t, Side>, 2> merges = {{{0, Side::Merged}, {1, Side::Survivor}}};
    for (const auto& [index, side] : merges) {
        const auto& pair = queue->items[index];
        const CustomerRecord a = load(pair.first.id);
        const CustomerRecord b = load(pair.second.id);
        domain::duplicates::MergeRequest request;
        request.merged_id = b.id;
        request.candidate_id = pair.candidate_id;
        request.choices = {{"phone", side}};
        auto done = duplicates.merge(actor, EntityType::Person, a.id, request, "");
        ASSERT_TRUE(done) << "pair " << index << ": " << explain(done.error());
        EXPECT_EQ(phone_of(*done), phone_of(side == Side::Survivor ? a : b)) << "pair " << index;
    }
}

// ---- The generator alone ----------------------------------------------------------------

Staff test_staff() {
    Staff s;
    for (std::size_t i = 0; i < s.by_country.size(); ++i) {
        s.by_country[i] = {static_cast<Id>(100 + i), {static_cast<Id>(1000 + i), static_cast<Id>(2000 + i)}};
    }
    s.consumers = {Id{200}, {}};
    return s;
}

TEST(DemoGenerator, IsDeterministicForASeed) {
    const Staff staff = test_staff();
    const auto a = generate_customers(7, staff, 1'700'000'000'000);
    const auto b = generate_customers(7, staff, 1'700'000'000'000);
    const auto c = generate_customers(8, staff, 1'700'000'000'000);
    ASSERT_EQ(a.companies.size(), b.companies.size());
    ASSERT_EQ(a.people.size(), b.people.size());
    ASSERT_EQ(a.affiliations.size(), b.affiliations.size());
    int differing = 0;
    for (std::size_t i = 0; i < a.companies.size(); ++i) {
        EXPECT_EQ(a.companies[i].legal_name, b.companies[i].legal_name);
        EXPECT_EQ(a.companies[i].vat_id, b.companies[i].vat_id);
        EXPECT_EQ(a.companies[i].owner_user_id, b.companies[i].owner_user_id);
        EXPECT_EQ(a.companies[i].created_at, b.companies[i].created_at);
        differing += a.companies[i].legal_name != c.companies[i].legal_name ? 1 : 0;
    }
    for (std::size_t i = 0; i < a.people.size(); ++i) {
        EXPECT_EQ(a.people[i].email, b.people[i].email);
        EXPECT_EQ(a.people[i].birthday, b.people[i].birthday);
    }
    EXPECT_GT(differing, 200);  // another seed, another data set
}

// Any seed, not only the demo's: the random digits after each prefix must make valid numbers.
TEST(DemoGenerator, PhonesAreValidForTheirCountryWhateverTheSeed) {
    int checked = 0;
    std::vector<std::string> failures;
    const auto check = [&](const std::optional<std::string>& phone, const std::string& country) {
        if (!phone) return;
        ++checked;
        const auto e164 = domain::customers::to_e164(*phone, country);
        if (!e164 || *e164 != *phone)
            failures.push_back(*phone + " in " + country + ": " + (e164 ? *e164 : e164.error()));
    };
    for (std::uint32_t seed = 1; seed <= 10; ++seed) {
        const auto data = generate_customers(seed, test_staff(), 1'700'000'000'000);
        for (const auto& c : data.companies) check(c.phone, c.country);
        for (const auto& p : data.people) check(p.phone, p.country);
    }
    EXPECT_GT(checked, 20000);
    std::string first;
    for (std::size_t i = 0; i < failures.size() && i < 10; ++i) first += "\n  " + failures[i];
    EXPECT_TRUE(failures.empty()) << failures.size() << " invalid phone(s) among " << checked
                                  << "; the first:" << first;
}

TEST(DemoGenerator, TimelinesAreDeterministicForASeed) {
    const Staff staff = test_staff();
    const auto customers = generate_customers(7, staff, 1'700'000'000'000);
    const TimelineStaff people{Id{9}, {Id{10}, Id{11}}, {Id{12}}};
    const auto a = generate_timelines(7, customers, people, 1'700'000'000'000);
    const auto b = generate_timelines(7, customers, people, 1'700'000'000'000);
    const auto c = generate_timelines(8, customers, people, 1'700'000'000'000);
    ASSERT_EQ(a.size(), b.size());
    ASSERT_GT(a.size(), 1000u);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].subject, b[i].subject);
        EXPECT_EQ(a[i].occurred_at, b[i].occurred_at);
        EXPECT_EQ(a[i].due_at, b[i].due_at);
        EXPECT_EQ(a[i].assignee_user_id, b[i].assignee_user_id);
    }
    int differing = 0;
    for (std::size_t i = 0; i < std::min(a.size(), c.size()); ++i) differing += a[i].subject != c[i].subject ? 1 : 0;
    EXPECT_GT(differing, 100);  // another seed, other timelines
}

TEST(DemoGenerator, SegmentHistoryCountsRecordsCreatedByEachDay) {
    const auto customers = generate_customers(7, test_staff(), 1'700'000'000'000);
    for (const auto& s : demo_segments()) {
        const auto days = segment_history(s, customers, 1'700'000'000'000, 30);
        ASSERT_EQ(days.size(), 30u);
        EXPECT_LE(days.front().second, days.back().second) << s.name;
        EXPECT_LE(days.back().second, segment_size(s, customers)) << s.name;
        EXPECT_LT(days.front().first, days.back().first);
    }
}

TEST(DemoGenerator, FoldsAccentsForAddresses) {
    EXPECT_EQ(ascii_key("Niccolò D'Angelo"), "niccolodangelo");
    EXPECT_EQ(ascii_key("João Gonçalves"), "joaogoncalves");
    EXPECT_EQ(ascii_key("Álvaro Núñez"), "alvaronunez");
    EXPECT_EQ(ascii_key("Éabha Ó Sé"), "eabhaose");
    EXPECT_EQ(ascii_key("Caffè Centrale & Co."), "caffecentraleco");
}

TEST(DemoGenerator, NamesMatchTheCountry) {
    const auto data = generate_customers(42, test_staff(), 1'700'000'000'000);
    int spanish_double_surnames = 0;
    for (const auto& p : data.people) {
        const std::string expected = p.country == "IT"   ? "it"
                                     : p.country == "ES" ? "es"
                                     : p.country == "PT" ? "pt"
                                                         : "en";
        EXPECT_EQ(p.language, expected) << p.first_name << " " << p.last_name << " in " << p.country;
        if (p.country == "ES" && p.last_name.find(' ') != std::string::npos) ++spanish_double_surnames;
    }
    EXPECT_GT(spanish_double_surnames, 100);
}

}  // namespace
}  // namespace rapport::app::demo
