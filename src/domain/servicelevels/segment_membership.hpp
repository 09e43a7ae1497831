#pragma once
// Whether a customer belongs to a segment, for choosing SLA policies. It acts for the
// workspace (no user's read permissions apply): a segment of companies is matched against
// the company, a segment of people against the person.
#include <optional>

#include "core/error.hpp"
#include "core/ids.hpp"

namespace rapport::domain::customers {
class CustomerService;
}
namespace rapport::domain::segments {
class SegmentRepository;
}

namespace rapport::domain::servicelevels {

class SegmentMembership {
public:
    virtual ~SegmentMembership() = default;
    virtual Result<bool> exists(Id workspace_id, Id segment_id) = 0;
    // False for a segment that no longer exists.
    virtual Result<bool> contains(Id workspace_id, Id segment_id, std::optional<Id> person_id,
                                  std::optional<Id> company_id) = 0;
};

// Over the segments area: a dynamic segment's filter or a static one's members, evaluated by
// CustomerService exactly as the segment's member list is.
class SegmentMembershipOfSegments final : public SegmentMembership {
public:
    SegmentMembershipOfSegments(segments::SegmentRepository& segments, customers::CustomerService& customers)
        : segments_(segments), customers_(customers) {}
    Result<bool> exists(Id workspace_id, Id segment_id) override;
    Result<bool> contains(Id workspace_id, Id segment_id, std::optional<Id> person_id,
                          std::optional<Id> company_id) override;

private:
    segments::SegmentRepository& segments_;
    customers::CustomerService& customers_;
};

}  // namespace rapport::domain::servicelevels
