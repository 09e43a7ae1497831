#include "domain/servicelevels/segment_membership.hpp"

#include "domain/customers/customer_service.hpp"
#include "domain/segments/segment_repository.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::domain::servicelevels {

Result<bool> SegmentMembershipOfSegments::exists(Id workspace_id, Id segment_id) {
    auto segment = RAPPORT_TRY(segments_.find(workspace_id, segment_id));
    return segment.has_value();
}

Result<bool> SegmentMembershipOfSegments::contains(Id workspace_id, Id segment_id, std::optional<Id> person_id,
                                                   std::optional<Id> company_id) {
    auto segment = RAPPORT_TRY(segments_.find(workspace_id, segment_id));
    if (!segment) return false;
    const auto record = segment->entity_type == customers::EntityType::Company ? company_id : person_id;
    if (!record) return false;
    auto request = segments::SegmentService::member_request(*segment);
    request.ids = {*record};
    auto count = customers_.count_all(workspace_id, segment->entity_type, request);
    // A dynamic segment whose stored filter went stale (a removed custom field) matches no one.
    if (!count && count.error().code == ErrorCode::Validation) return false;
    return RAPPORT_TRY(std::move(count)) > 0;
}

}  // namespace rapport::domain::servicelevels
