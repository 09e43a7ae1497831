#include "domain/relationships/motivation_history.hpp"

#include <map>

namespace rapport::domain::relationships {

std::vector<MotivationHistory> motivation_history(const std::vector<PlanVersion>& versions) {
    std::map<int, MotivationHistory> by_type;
    for (const auto& v : versions) {
        // Entries planned in this version.
        for (const auto& e : v.entries) {
            auto& h = by_type[static_cast<int>(e.relationship_type)];
            h.relationship_type = e.relationship_type;
            if (h.current != e.motivation || h.changes.empty() || !h.changes.back().planned) {
                h.changes.push_back({v.version, v.created_at, true, e.motivation});
            }
            h.current = e.motivation;
        }
        // Entries this version dropped.
        for (auto& [type, h] : by_type) {
            if (!h.current || v.entry(h.relationship_type)) continue;
            h.changes.push_back({v.version, v.created_at, false, std::nullopt});
            h.current.reset();
        }
    }
    std::vector<MotivationHistory> out;
    for (auto& [type, h] : by_type) out.push_back(std::move(h));
    return out;
}

}  // namespace rapport::domain::relationships
