#pragma once
// The quick search of lists (?q=): a few words typed above a list narrow it to the records
// where every word begins one of the entity's quick-search columns (a person's first name,
// last name or email; a company's legal name, trade name or email), case-insensitively.
// It is a prefix match on indexed columns, not the ranked, typo-tolerant search of
// domain/search: it combines with any filter, sort and keyset page, and each word is one
// index range per column (migration 0022).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/customers/customer_record.hpp"

namespace rapport::domain::customers {

inline constexpr std::size_t kMaxQuickWords = 5;
inline constexpr std::size_t kMaxQuickWordLength = 100;  // code points

// The words of `q`: split at white space, ASCII letters lower-cased (the storage compares
// lower(column), which both engines fold at least for ASCII), at most kMaxQuickWords.
// A problem (a word too long, too many words) is added to `errors` at "/q".
std::vector<std::string> quick_words(std::string_view q, std::vector<FieldError>& errors);

// The columns (catalog field names) a quick search word may begin.
const std::vector<std::string>& quick_search_fields(EntityType type);

}  // namespace rapport::domain::customers
