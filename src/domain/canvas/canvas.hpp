#pragma once
// What the canvases answer: sections of named figures (figure.hpp) and rows of them (one per
// owner, team, segment, ...), so the API and the web render every block the same way.
#include <string>
#include <utility>
#include <vector>

#include "domain/canvas/canvas_repository.hpp"
#include "domain/canvas/figure.hpp"

namespace rapport::domain::canvas {

using Figures = std::vector<std::pair<std::string, Figure>>;

struct Row {
    std::string id;
    std::string label;
    std::string kind;  // e.g. a team's kind, a segment's market
    Figures figures;
};

struct Section {
    std::string name;
    Figures figures;
    std::vector<std::pair<std::string, std::string>> facts;  // text facts (engine, version)
    std::vector<std::pair<std::string, std::vector<Row>>> rows;
    std::string reason;  // a hook not filled yet ("no_plan_yet", "not_yet_measured"); empty otherwise
};

// The relationship types, in the order of the Business Model Canvas texts.
const std::vector<std::string>& relationship_types();

struct SegmentInfo {
    Id segment_id = 0;
    std::string name;
    std::string kind;         // b2b, b2c, mixed
    std::string entity_type;  // person, company
};

// What the data shows for one segment over a period: one section per relationship type
// (dedicated_assistance, personal_assistance, self_service, automated, community,
// co_creation), then "metrics", and the size trend from the daily snapshots.
struct SegmentEstablished {
    SegmentInfo segment;
    Period period;
    int no_contact_days = 90;
    std::vector<Section> types;
    Section metrics;
    std::vector<SnapshotFact> trend;  // snapshots taken in the period
    SelectionFacts facts;             // what the figures were computed from (not served as such)
};

// The nine blocks of the CRM Model Canvas: customer, data, data_sources, executors, market,
// strategies, processes, costs, technology.
struct CrmCanvas {
    Period period;
    std::vector<Section> blocks;
};

}  // namespace rapport::domain::canvas
