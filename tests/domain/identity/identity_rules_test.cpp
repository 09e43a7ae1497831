#include <gtest/gtest.h>

#include "domain/identity/credentials.hpp"
#include "domain/identity/role.hpp"
#include "domain/identity/validation.hpp"
#include "domain/teams/team_service.hpp"

namespace rapport::domain {

TEST(Credentials, RoundTripAndRejectMalformed) {
    auto token = format_credential(CredentialKind::ApiKey, 123, 456, "abcdefghijklmnop_-XYZ");
    EXPECT_EQ(token, "rpk_123_456_abcdefghijklmnop_-XYZ");
    auto parsed = parse_credential(token);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->kind, CredentialKind::ApiKey);
    EXPECT_EQ(parsed->workspace_id, 123);
    EXPECT_EQ(parsed->record_id, 456);
    EXPECT_EQ(parsed->secret, "abcdefghijklmnop_-XYZ");
    EXPECT_EQ(parse_credential("rps_1_2_abcdefghijklmnopq")->kind, CredentialKind::Session);
    for (const char* bad : {"", "rpk_", "rpk_1_2_short", "xyz_1_2_abcdefghijklmnopq", "rpk_a_2_abcdefghijklmnopq",
                            "rpk_1_abcdefghijklmnopq", "rpk_-1_2_abcdefghijklmnopq"}) {
        EXPECT_FALSE(parse_credential(bad)) << bad;
    }
}

TEST(Validation, EmailsAreNormalisedOrRejected) {
    EXPECT_EQ(normalize_email("  Ada.Lovelace@Example.COM "), "ada.lovelace@example.com");
    for (const char* bad : {"", "ada", "ada@", "@example.com", "ada@example", "a b@example.com", "ada@@example.com",
                            "ada@example..com", "ada@example.com."}) {
        EXPECT_FALSE(normalize_email(bad)) << bad;
    }
}

TEST(Validation, PasswordsNeedLength) {
    EXPECT_TRUE(password_problem("short"));
    EXPECT_FALSE(password_problem("long enough passphrase"));
    EXPECT_TRUE(password_problem(std::string(2000, 'x')));
}

TEST(Validation, Slugs) {
    EXPECT_EQ(slugify("Acme Italia S.p.A."), "acme-italia-s-p-a");
    EXPECT_EQ(slugify("  --  "), "");
    EXPECT_EQ(slugify("Caffè Aurora"), "caff-aurora");
}

TEST(Roles, OrderAndParsing) {
    EXPECT_TRUE(role_at_least(Role::Owner, Role::Admin));
    EXPECT_FALSE(role_at_least(Role::Viewer, Role::Member));
    EXPECT_EQ(parse_role("manager"), Role::Manager);
    EXPECT_FALSE(parse_role("Manager"));
}

TEST(Teams, SalesRolesOnlyInSalesTeams) {
    Team t;
    t.name = "Ops";
    t.kind = TeamKind::It;
    t.members = {{1, SalesRole::Hunter}};
    auto errors = validate_team(t);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].pointer, "/members/0/sales_role");
    t.kind = TeamKind::Sales;
    EXPECT_TRUE(validate_team(t).empty());
    t.name = "";
    EXPECT_EQ(validate_team(t).at(0).pointer, "/name");
}

}  // namespace rapport::domain
