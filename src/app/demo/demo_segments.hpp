#pragma once
// The demo's segments and their history. Each segment is a saved filter (created through the
// segment service like any user's) with the same condition written in C++ over the generated
// rows, so its member count on each past day can be told from the records' creation times:
// the demo's records never change after they are created, so a segment held on day D the
// records that match and were created by the end of D. No I/O; deterministic.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/demo/demo_generator.hpp"
#include "domain/customers/fields.hpp"
#include "domain/segments/segment.hpp"

namespace rapport::app::demo {

struct DemoSegment {
    std::string name;
    std::string description;
    domain::segments::SegmentKind kind = domain::segments::SegmentKind::B2b;
    domain::customers::EntityType entity_type = domain::customers::EntityType::Company;
    nlohmann::json filter;  // the filter language's document
    // The same condition, for one record (exactly one of the two is given).
    std::function<bool(const CompanyRow*, const PersonRow*)> matches;
};

std::vector<DemoSegment> demo_segments();

// The segment's member count at the end of each of the `days` UTC days before today's, oldest
// first, as (day "YYYY-MM-DD", count).
std::vector<std::pair<std::string, std::int64_t>> segment_history(const DemoSegment& segment,
                                                                  const DemoCustomers& customers, std::int64_t now_ms,
                                                                  int days);

// How many records match now.
std::int64_t segment_size(const DemoSegment& segment, const DemoCustomers& customers);

}  // namespace rapport::app::demo
