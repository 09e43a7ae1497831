#include "domain/search/search_service.hpp"

#include <algorithm>

namespace rapport::domain::search {

Result<std::vector<SearchResult>> SearchService::search(const Principal& actor, std::string_view text, int limit,
                                                        std::optional<std::string> entity_type) {
    if (entity_type && *entity_type != "company" && *entity_type != "person" && *entity_type != "interaction") {
        return fail(Error::localized_field("/type", "search.type_invalid"));
    }
    SearchQuery query;
    query.entity_type = std::move(entity_type);
    query.terms = terms_of(text);
    if (query.terms.empty()) return fail(Error::localized_field("/q", "search.query_empty"));
    for (const auto& t : query.terms) query.text += (query.text.empty() ? "" : " ") + t;
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    query.access = read_filter(permissions, grants);
    query.limit = limit;
    auto hits = RAPPORT_TRY(repo_.search(actor.workspace_id, query));
    std::vector<SearchResult> out;
    for (auto& hit : hits) {
        SearchResult r;
        if (hit.entity_type == "interaction") {
            // Visible only through a person or company the actor may read.
            auto interaction = timeline_.get(actor, hit.entity_id);
            if (!interaction) continue;
            r.person_id = interaction->person_id;
            r.company_id = interaction->company_id;
        }
        r.hit = std::move(hit);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace rapport::domain::search
