// How search ranks the candidates an index proposed (domain/search/search.hpp).
#include <gtest/gtest.h>

#include "domain/search/search.hpp"

namespace rapport::domain::search {
namespace {

TEST(SearchRanking, NamesOutrankOtherTextAndWholeWordsOutrankPrefixes) {
    const std::vector<std::string> rossi = {"rossi"};
    const double whole_name = match_score("Marco Rossi", "marco@example.com", rossi);
    const double name_prefix = match_score("Marco Rossini", "", rossi);
    const double in_email = match_score("Anna Bianchi", "anna.rossi@example.com", rossi);
    const double inside_a_name = match_score("Marco Grossi", "", rossi);
    EXPECT_GT(whole_name, name_prefix);
    EXPECT_GT(name_prefix, in_email);
    EXPECT_GT(in_email, inside_a_name);
    EXPECT_GT(inside_a_name, 0);
    EXPECT_EQ(match_score("Anna Bianchi", "", rossi), 0);
}

TEST(SearchRanking, IgnoresCaseAndAccentsAndCountsEveryTerm) {
    EXPECT_EQ(match_score("José GONZÁLEZ", "", {"gonzalez"}), match_score("jose gonzalez", "", {"gonzalez"}));
    EXPECT_GT(match_score("Marco Rossi", "", {"marco", "rossi"}), match_score("Marco Bianchi", "", {"marco", "rossi"}));
    // A term holding punctuation is the words the index saw.
    EXPECT_GT(match_score("Anna Bianchi", "anna.bianchi@example.com", {"anna.bianchi"}), 0);
}

}  // namespace
TEST(SearchTypos, ASwappedPairOrADoubledMissingOrWrongLetterIsOneEdit) {
    EXPECT_EQ(edit_distance("lombrado", "lombardo"), 1);  // swapped pair
    EXPECT_EQ(edit_distance("gali", "galli"), 1);         // missing letter
    EXPECT_EQ(edit_distance("rossii", "rossi"), 1);       // doubled letter
    EXPECT_EQ(edit_distance("bianchi", "bianco"), 2);
    EXPECT_EQ(edit_distance("abc", "abc"), 0);
    EXPECT_EQ(edit_distance("", "abcd"), 3);  // past the cap of 2: cap + 1
    EXPECT_EQ(edit_distance("kitten", "sitting", 5), 3);
}

TEST(SearchTypos, WhatATermMayHaveMeant) {
    EXPECT_TRUE(is_typo_of("lombardo", "lombrado"));
    EXPECT_TRUE(is_typo_of("galli", "gali"));
    EXPECT_TRUE(is_typo_of("ferraresi", "ferarresi"));
    EXPECT_TRUE(is_typo_of("consulenze", "konsulenza"));  // two edits: long enough
    EXPECT_FALSE(is_typo_of("gallo", "gali"));            // two edits on four letters
    EXPECT_FALSE(is_typo_of("rossi", "rossi"));           // the term itself
    EXPECT_FALSE(is_typo_of("ros", "rso"));               // under four letters: too many alike
    EXPECT_FALSE(is_typo_of("bianchi", "marino"));
}

}  // namespace rapport::domain::search
