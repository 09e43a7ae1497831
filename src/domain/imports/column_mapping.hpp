#pragma once
// Suggests which Rapport field each column of an imported file fills, from the column
// headers, in English, Italian, Spanish and Portuguese ("Ragione sociale", "Razón social",
// "Razão social" and "Company name" are all the legal name of a company).
//
// Contract:
//   - Headers are compared after normalize_header(): case, accents, punctuation and spaces do
//     not matter ("E-mail", "email", "EMAIL " match; "Città" matches "citta").
//   - Each header gets the best-scoring field of the target's vocabulary. A header equal to a
//     known name scores that name's weight (1.0 for unambiguous names such as "Partita IVA",
//     less for ambiguous ones such as "Nome", which is a first name in Italian but often a
//     full name in Portuguese). A header that contains a known name as whole words
//     ("Telefono ufficio") scores less, and generic words ("Indirizzo", "Name") less still,
//     so "Indirizzo email" is an email and not an address.
//   - Suggestions below kMinSuggestionScore are not made.
//   - No two columns map to the same field: the higher score wins (the leftmost column on a
//     tie); the other columns are left unmapped (empty field, score 0) for the person to
//     decide, rather than silently moved to a second choice.
//   - The result has one suggestion per header, in column order.
//
// Pure functions over constant tables; thread-safe.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::domain::imports {

enum class ImportTarget { Companies, People };

std::string_view to_string(ImportTarget target);

inline constexpr double kMinSuggestionScore = 0.5;

struct ColumnSuggestion {
    std::size_t column = 0;  // 0-based index in the file
    std::string header;      // as in the file
    std::string field;       // target field, empty when unmapped
    double score = 0.0;      // confidence 0..1; 0 when unmapped
};

// The fields an import of `target` can fill, in the order a mapping screen lists them.
std::span<const std::string_view> target_fields(ImportTarget target);

// Lower case ASCII letters and digits only: Latin letters with accents lose them ("à" -> "a",
// "ç" -> "c", "ñ" -> "n"; "ß" -> "ss", "æ" -> "ae", "ª"/"º" -> "a"/"o"), combining accents
// (decomposed text from macOS) are dropped, punctuation and spaces are removed. Letters of
// other scripts are kept as they are, so different non-Latin headers stay different.
std::string normalize_header(std::string_view header);

std::vector<ColumnSuggestion> suggest_mapping(const std::vector<std::string>& headers, ImportTarget target);

}  // namespace rapport::domain::imports
