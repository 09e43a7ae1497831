#pragma once
// Finding candidate pairs without comparing all pairs. Pure, thread-safe.
//
// Every record gets a few blocking keys; only records that share a key are compared:
//   exact keys   email, phone, VAT id, PEC
//   fuzzy keys   phonetic key of the (last / legal / trade) name + city, and for people the
//                phonetic key of the last name + primary company
// Records are compared within each block; score_pair decides. Large blocks are bounded so
// the work stays linear in the number of records:
//   - an exact block larger than kExactBlockAll (a shared info@ address) pairs every
//     member with its first (oldest) member only, a star instead of a clique;
//   - a fuzzy block larger than kFuzzyBlockAll is sorted by normalised name and each member
//     is compared with its next kWindow neighbours (the sorted-neighbourhood method), since
//     similar names sort close together.
// A name shared by a crowd is no evidence: when more than kCrowd records have the very same
// normalised name in a city (a common name, "Marco Rossi" in Milano), a pair of them whose
// only reason is name_city is not a candidate (as a word's weight falls with its frequency
// in a search index). Another reason (email, phone, company) still makes them one; and a
// rare name stays a candidate with a crowded one it resembles.
// Missed by design: a typo in the first letter of a name with no shared exact key, and the
// same person in two different cities with different contacts.
#include <vector>

#include "domain/duplicates/scoring.hpp"

namespace rapport::domain::duplicates {

inline constexpr std::size_t kExactBlockAll = 32;
inline constexpr std::size_t kFuzzyBlockAll = 48;
inline constexpr std::size_t kWindow = 16;
inline constexpr std::size_t kCrowd = 8;
// The per-record check of creates, updates and import batches does not read a crowded block
// (a city and a name's first letters): in such a crowd a like name is no evidence (as with
// kCrowd), and reading it for every batch made an import slow down as the workspace grew.
// Exact keys still apply there; a scan compares crowded blocks by sorted windows.
//   - Companies (city, initial of a name): crowded above kCrowdedBlock records.
//   - People (city, three letters of the last name): a block of more than kWholeBlock is
//     narrowed to those with the probe's first initial too, and crowded when that is still
//     more than kWholeBlock. Reading every block of a few hundred for each imported row cost
//     more than writing the rows (and a typo in the first initial is left to the scan).
inline constexpr std::size_t kCrowdedBlock = 500;
inline constexpr std::size_t kWholeBlock = 50;

// The limits of the blocks the per-record check reads (DuplicateRepository::neighbours).
struct BlockLimits {
    std::size_t whole = kWholeBlock;      // people, whole or narrowed
    std::size_t crowded = kCrowdedBlock;  // companies
};

struct BlockingKey {
    std::uint64_t hash = 0;
    bool exact = false;
};

std::vector<BlockingKey> blocking_keys(EntityType type, const PreparedRecord& record);

struct FoundPair {
    Id first = 0;   // the smaller id
    Id second = 0;  // the larger id
    Match match;
};

// Every pair of `records` sharing a block and scoring at least kMinScore, each once, in
// (first, second) order. O(n log n) for the sort of keys plus bounded work per block.
std::vector<FoundPair> find_pairs(EntityType type, const std::vector<PreparedRecord>& records);

// The pairs of `probe` with each of `others` that score at least kMinScore (others may
// include the probe itself, which is skipped).
std::vector<FoundPair> match_against(EntityType type, const PreparedRecord& probe,
                                     const std::vector<PreparedRecord>& others);

}  // namespace rapport::domain::duplicates
