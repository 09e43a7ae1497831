// Satisfaction and feedback: CSAT on resolution and NPS surveys with signed one-click links,
// the feedback list and the service-level reports (src/app/satisfaction watches resolutions
// and sends the invitations). The links start with RAPPORT_PUBLIC_URL, the address customers
// reach the server at (default http://localhost:8080).
#include <cstdlib>
#include <optional>

#include "api/satisfaction/satisfaction_api.hpp"
#include "app/area_module.hpp"
#include "app/satisfaction/resolution_watcher.hpp"
#include "app/satisfaction/survey_mailer.hpp"
#include "domain/satisfaction/satisfaction_service.hpp"
#include "storage/person_erasure_steps.hpp"
#include "storage/satisfaction/person_erasure.hpp"
#include "storage/satisfaction/sql_satisfaction_repository.hpp"
#include "storage/servicedesk/sql_mailbox_repository.hpp"

namespace rapport::generated {
const char* openapi_satisfaction();  // src/api/satisfaction/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

std::string public_url() {
    const char* env = std::getenv("RAPPORT_PUBLIC_URL");
    std::string url = env && *env ? env : "http://localhost:8080";
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

class SatisfactionModule final : public AreaModule {
public:
    std::string_view name() const override { return "satisfaction"; }

    std::string_view openapi_fragment() const override { return generated::openapi_satisfaction(); }

    void build(ModuleContext& ctx) override {
        clock_ = &ctx.clock;
        repo_.emplace(ctx.database);
        mailboxes_.emplace(ctx.database);
        service_.emplace(*repo_, ctx.services.get<domain::segments::SegmentService>(),
                         ctx.services.get<domain::ActorDirectory>(), ctx.clock);
        mailer_.emplace(*repo_, *service_, *mailboxes_, public_url(), ctx.clock);
        watcher_.emplace(
            ctx.services.get<domain::servicedesk::ConversationFeed>(), *repo_, *service_, [this] { mailer_->wake(); },
            ctx.clock);
        ctx.services.provide<domain::satisfaction::SatisfactionService>(*service_);
        ctx.services.get<storage::PersonErasureSteps>().add(storage::erase_person_surveys);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::SatisfactionApi{shared, *service_, *clock_});
        api::register_satisfaction_routes(router, *api_);
        api::register_survey_page_routes(router, *api_);
    }

    void start() override {
        watcher_->start();
        mailer_->start();
    }
    void stop() override {
        watcher_->stop();
        mailer_->stop();
    }

private:
    const Clock* clock_ = nullptr;
    std::optional<storage::SqlSatisfactionRepository> repo_;
    std::optional<storage::SqlMailboxRepository> mailboxes_;
    std::optional<domain::satisfaction::SatisfactionService> service_;
    std::optional<SurveyMailer> mailer_;
    std::optional<ResolutionWatcher> watcher_;
    std::optional<api::SatisfactionApi> api_;
};

}  // namespace

std::unique_ptr<AreaModule> make_satisfaction_module() {
    return std::make_unique<SatisfactionModule>();
}

}  // namespace rapport::app
