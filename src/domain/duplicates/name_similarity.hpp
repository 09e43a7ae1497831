#pragma once
// Name normalisation and similarity for duplicate detection. Pure functions, thread-safe.
//
// - normalize_name folds the Latin accents of Italian, Spanish and Portuguese names to ASCII
//   ("Bárbara Conceição" -> "barbara conceicao"), lower-cases, drops dots ("S.p.A." -> "spa"),
//   turns every other non-alphanumeric byte into a space and collapses spaces. With
//   `company` it also removes legal forms (spa, srl, sl, sa, lda, ltd, gmbh, ...), so
//   "Rossi Meccanica S.r.l." and "ROSSI MECCANICA" normalise alike.
// - jaro_winkler is the classic Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, at most
//   4 prefix characters) on the normalised bytes. It suits short names with typos and
//   transpositions better than edit distance and costs O(len^2) on names of ~20 bytes.
// - phonetic_key is American Soundex of the first word cut to its first three characters
//   ("rossi" -> "r20", "rosi" -> "r20", "bianchi" and "bianchl" -> "b52"): the blocking key
//   that lets a typo (after the first consonants) land in the same block.
#include <string>
#include <string_view>

namespace rapport::domain::duplicates {

std::string normalize_name(std::string_view text, bool company);
double jaro_winkler(std::string_view a, std::string_view b);
std::string phonetic_key(std::string_view normalized);

}  // namespace rapport::domain::duplicates
