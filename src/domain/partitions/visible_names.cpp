#include "domain/partitions/visible_names.hpp"

namespace rapport::domain::partitions {

Result<Names> VisibleNames::names(const Principal& actor) {
    const Actor who = RAPPORT_TRY(actors_.actor_for(actor));
    if (!who.partner_company_id) return repo_.all_names(actor.workspace_id);
    return repo_.names_around_buyer(actor.workspace_id, *who.partner_company_id, actor.user_id);
}

}  // namespace rapport::domain::partitions
