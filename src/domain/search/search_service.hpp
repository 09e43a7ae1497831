#pragma once
#include "domain/customers/customer_service.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/search/search.hpp"
#include "domain/timeline/timeline_service.hpp"

namespace rapport::domain::search {

struct SearchResult {
    SearchHit hit;
    std::optional<Id> person_id;  // for interactions: where the hit leads
    std::optional<Id> company_id;
};

class SearchService {
public:
    SearchService(SearchRepository& repo, ActorDirectory& actors, timeline::TimelineService& timeline)
        : repo_(repo), actors_(actors), timeline_(timeline) {}

    // Validation error for an empty query or an unknown type; results best first, only what
    // the actor may read; only records of `entity_type` when it is set.
    Result<std::vector<SearchResult>> search(const Principal& actor, std::string_view text, int limit,
                                             std::optional<std::string> entity_type = std::nullopt);

private:
    SearchRepository& repo_;
    ActorDirectory& actors_;
    timeline::TimelineService& timeline_;
};

}  // namespace rapport::domain::search
