#pragma once
// The use cases of the canvases: what the data shows per segment and relationship type
// (established measures and segment metrics), and the CRM Model Canvas's nine blocks.
//
// Who may read: members and above (viewers are refused). Every customer figure counts only
// the records the reader may read (the record-level permissions of lists: own, team, all, and
// a partner user's buyer partition). Figures that count beyond them (a segment's daily
// snapshots, so its trend and retention; the workspace's imports, teams, workload and
// technology) are "not_visible" for a reader without the "all" read scope, or for a partner.
#include "core/clock.hpp"
#include "domain/canvas/canvas.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::domain::canvas {

inline constexpr int kDefaultNoContactDays = 90;
inline constexpr int kMaxNoContactDays = 3650;

class CanvasService {
public:
    CanvasService(CanvasRepository& repo, segments::SegmentService& segments, customers::CustomerService& customers,
                  ActorDirectory& actors, const Clock& clock)
        : repo_(repo), segments_(segments), customers_(customers), actors_(actors), clock_(clock) {}

    // Validation (pointers ?from, ?to, ?no_contact_days) for a reversed period or a day count
    // outside 1..3650; NotFound for a segment the reader cannot see.
    Result<SegmentEstablished> established(const Principal& actor, Id segment_id, Period period, int no_contact_days);
    // Every segment the reader can see, in the segments list's order (at most 200).
    Result<std::vector<SegmentEstablished>> established_all(const Principal& actor, Period period, int no_contact_days);
    // `version`: the server's version, for the technology block.
    Result<CrmCanvas> crm(const Principal& actor, Period period, const std::string& version);

private:
    Status check(const Principal& actor, Period period, int no_contact_days);
    Result<SegmentEstablished> measure(const Principal& actor, const segments::Segment& segment, Period period,
                                       int no_contact_days, bool sees_all);
    Result<bool> sees_all(const Principal& actor);

    CanvasRepository& repo_;
    segments::SegmentService& segments_;
    customers::CustomerService& customers_;
    ActorDirectory& actors_;
    const Clock& clock_;
};

}  // namespace rapport::domain::canvas
