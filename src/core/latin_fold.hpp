#pragma once
// Folding of Western European text for comparisons that ignore case and accents: ASCII
// letters lower-cased, the Latin-1 letters U+00C0..U+00FF written in ASCII ("Bárbara
// Conceição" -> "barbara conceicao", "ß" -> "ss"; × and ÷ dropped), every other byte kept.
// It is what FTS5's unicode61 tokenizer with remove_diacritics does for these letters, so
// code that ranks or compares what the search index matched sees the same words.
// Pure function; thread-safe.
#include <string>
#include <string_view>

namespace rapport {

std::string fold_latin(std::string_view text);

}  // namespace rapport
