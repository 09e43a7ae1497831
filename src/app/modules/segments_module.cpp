// Segments: saved filters over companies and people, their members, counts and the daily
// snapshots of their sizes.
#include <optional>

#include "api/segments/segments_api.hpp"
#include "app/area_module.hpp"
#include "app/segment_snapshots.hpp"
#include "domain/segments/segment_service.hpp"
#include "storage/segments/sql_segment_repository.hpp"

namespace rapport::generated {
const char* openapi_segments();  // src/api/segments/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class SegmentsModule final : public AreaModule {
public:
    std::string_view name() const override { return "segments"; }

    std::string_view openapi_fragment() const override { return generated::openapi_segments(); }

    void build(ModuleContext& ctx) override {
        repo_.emplace(ctx.database);
        segments_.emplace(*repo_, ctx.services.get<domain::customers::CustomerService>(),
                          ctx.services.get<domain::ActorDirectory>(), ctx.services.get<domain::UserDirectory>(),
                          ctx.clock);
        ctx.services.provide<domain::segments::SegmentService>(*segments_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::SegmentApi{shared, *segments_});
        api::register_segment_routes(router, *api_);
    }

    void start() override { snapshots_.emplace(*segments_).start(); }
    void stop() override {
        if (snapshots_) snapshots_->stop();
    }

private:
    std::optional<storage::SqlSegmentRepository> repo_;
    std::optional<domain::segments::SegmentService> segments_;
    std::optional<api::SegmentApi> api_;
    std::optional<SegmentSnapshotTimer> snapshots_;  // last: its thread uses the members above
};

}  // namespace

std::unique_ptr<AreaModule> make_segments_module() {
    return std::make_unique<SegmentsModule>();
}

}  // namespace rapport::app
