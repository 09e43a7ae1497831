#include "core/latin_fold.hpp"

#include <gtest/gtest.h>

namespace rapport {
namespace {

TEST(LatinFold, LowerCasesAndFoldsWesternEuropeanAccents) {
    EXPECT_EQ(fold_latin("Bárbara Conceição"), "barbara conceicao");
    EXPECT_EQ(fold_latin("GONZÁLEZ Muñoz"), "gonzalez munoz");
    EXPECT_EQ(fold_latin("Niccolò D'Angelo"), "niccolo d'angelo");
    EXPECT_EQ(fold_latin("Straße"), "strasse");
    EXPECT_EQ(fold_latin("2×3÷1"), "231");  // not letters: dropped
    EXPECT_EQ(fold_latin("Łódź"), "Łodź");  // beyond Latin-1 kept as is (only ó folds)
    EXPECT_EQ(fold_latin(""), "");
}

}  // namespace
}  // namespace rapport
