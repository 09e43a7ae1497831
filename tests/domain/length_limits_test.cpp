// Limits stated in characters count characters (code points), not UTF-8 bytes.
#include <gtest/gtest.h>

#include "domain/customers/fields.hpp"
#include "domain/identity/validation.hpp"
#include "domain/teams/team_service.hpp"

namespace rapport::domain {
namespace {

std::string accents(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "\u00e9";
    return s;
}

TEST(LengthLimits, TextFieldsCountCharacters) {
    using namespace customers;
    const FieldDef* first_name = find_field(EntityType::Person, "first_name");
    ASSERT_NE(first_name, nullptr);
    EXPECT_TRUE(normalize_value(*first_name, accents(500), {}));
    auto refused = normalize_value(*first_name, accents(501), {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error(), "at most 500 characters");
}

TEST(LengthLimits, TeamNamesAndPasswordsCountCharacters) {
    Team t;
    t.name = accents(100);
    t.kind = TeamKind::It;
    EXPECT_TRUE(validate_team(t).empty());
    t.name = accents(101);
    EXPECT_EQ(validate_team(t).at(0).pointer, "/name");
    EXPECT_TRUE(password_problem(accents(6)));  // 12 bytes but 6 characters: too short
}

}  // namespace
}  // namespace rapport::domain
