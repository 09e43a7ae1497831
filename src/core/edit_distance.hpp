#pragma once
// How many edits apart two strings are, for typo tolerance (search's near misses, the filter
// language's "did you mean").
#include <string_view>

namespace rapport {

// Edits between two strings, counting a letter inserted, deleted, replaced, or two
// neighbouring letters swapped as one (optimal string alignment, Damerau-Levenshtein's
// restricted form), bytewise and case-sensitive; stops counting above `cap` and returns
// cap + 1.
int edit_distance(std::string_view a, std::string_view b, int cap = 2);

}  // namespace rapport
