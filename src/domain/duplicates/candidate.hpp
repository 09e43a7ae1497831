#pragma once
// A pair of records that may be the same customer: an entry of the review queue.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/duplicates/scoring.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain::duplicates {

enum class CandidateStatus { Open, Dismissed, Merged };
std::string_view to_string(CandidateStatus status);
std::optional<CandidateStatus> parse_candidate_status(std::string_view text);

// What the queue shows of each record of a pair.
struct CandidateSide {
    Id id = 0;
    std::string name;
    std::string email;
    std::string city;
};

struct DuplicateCandidate {
    Id workspace_id = 0;
    Id candidate_id = 0;
    EntityType type = EntityType::Person;
    CandidateSide first;   // the smaller id
    CandidateSide second;  // the larger id
    int score = 0;
    std::vector<Reason> reasons;
    CandidateStatus status = CandidateStatus::Open;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
    std::optional<Id> resolved_by_user_id;
    std::optional<UnixMillis> resolved_at;
};

// Queue position: candidates are listed by score (highest first), then id.
struct CandidateCursor {
    int score = 0;
    Id candidate_id = 0;
};
std::string encode_candidate_cursor(const CandidateCursor& cursor);
std::optional<CandidateCursor> decode_candidate_cursor(std::string_view text);

struct CandidateQuery {
    EntityType type = EntityType::Person;
    CandidateStatus status = CandidateStatus::Open;
    std::optional<Id> record_id;  // only pairs involving this record
    AccessFilter access;          // both records must pass it
    int limit = 50;
    std::optional<CandidateCursor> after;
};

}  // namespace rapport::domain::duplicates
