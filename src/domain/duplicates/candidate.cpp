#include "domain/duplicates/candidate.hpp"

#include <charconv>

namespace rapport::domain::duplicates {

std::string_view to_string(CandidateStatus status) {
    switch (status) {
        case CandidateStatus::Open: return "open";
        case CandidateStatus::Dismissed: return "dismissed";
        case CandidateStatus::Merged: return "merged";
    }
    return "open";
}

std::optional<CandidateStatus> parse_candidate_status(std::string_view text) {
    if (text == "open") return CandidateStatus::Open;
    if (text == "dismissed") return CandidateStatus::Dismissed;
    if (text == "merged") return CandidateStatus::Merged;
    return std::nullopt;
}

std::string encode_candidate_cursor(const CandidateCursor& cursor) {
    return std::to_string(cursor.score) + "_" + id_to_string(cursor.candidate_id);
}

std::optional<CandidateCursor> decode_candidate_cursor(std::string_view text) {
    const auto sep = text.find('_');
    if (sep == std::string_view::npos) return std::nullopt;
    CandidateCursor c;
    const auto head = text.substr(0, sep);
    auto [ptr, ec] = std::from_chars(head.data(), head.data() + head.size(), c.score);
    if (ec != std::errc() || ptr != head.data() + head.size() || c.score < 0 || c.score > 100) return std::nullopt;
    auto id = parse_id(text.substr(sep + 1));
    if (!id) return std::nullopt;
    c.candidate_id = *id;
    return c;
}

}  // namespace rapport::domain::duplicates
