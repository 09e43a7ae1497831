// The quick search's words (?q= of lists) and the names of bulk actions.
#include <gtest/gtest.h>

#include "domain/customers/bulk_service.hpp"
#include "domain/customers/quick_search.hpp"

namespace rapport::domain::customers {
namespace {

TEST(QuickSearch, SplitsAtWhiteSpaceAndLowerCasesAsciiLetters) {
    std::vector<FieldError> errors;
    EXPECT_EQ(quick_words("  Mario\tROSSI ", errors), (std::vector<std::string>{"mario", "rossi"}));
    EXPECT_EQ(quick_words("Élodie", errors), (std::vector<std::string>{"Élodie"}));
    EXPECT_TRUE(quick_words("   ", errors).empty());
    EXPECT_TRUE(errors.empty());
}

TEST(QuickSearch, RefusesTooManyOrTooLongWords) {
    std::vector<FieldError> errors;
    quick_words("a b c d e f", errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].pointer, "?q");
    errors.clear();
    quick_words(std::string(kMaxQuickWordLength + 1, 'x'), errors);
    EXPECT_EQ(errors.size(), 1u);
    errors.clear();
    quick_words(std::string(kMaxQuickWordLength, 'x'), errors);
    EXPECT_TRUE(errors.empty());
}

TEST(QuickSearch, SearchesNamesAndEmail) {
    EXPECT_EQ(quick_search_fields(EntityType::Person), (std::vector<std::string>{"first_name", "last_name", "email"}));
    for (const auto& f : quick_search_fields(EntityType::Company))
        EXPECT_NE(find_field(EntityType::Company, f), nullptr);
}

TEST(BulkActions, ReadTheirNamesBack) {
    for (auto a : {BulkAction::AddTag, BulkAction::RemoveTag, BulkAction::SetOwner, BulkAction::SetTeam,
                   BulkAction::Delete, BulkAction::Restore}) {
        EXPECT_EQ(parse_bulk_action(to_string(a)), a);
    }
    EXPECT_FALSE(parse_bulk_action("explode"));
}

}  // namespace
}  // namespace rapport::domain::customers
