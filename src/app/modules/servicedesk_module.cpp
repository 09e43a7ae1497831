// The service desk: conversations from every channel, the inbox, mailboxes read over IMAP and
// replies sent over SMTP (src/app/servicedesk wires src/mail to the domain).
#include <optional>

#include "api/servicedesk/servicedesk_api.hpp"
#include "api/servicedesk/servicedesk_extras_api.hpp"
#include "app/area_module.hpp"
#include "app/servicedesk/conversation_change_hub.hpp"
#include "app/servicedesk/email_channel.hpp"
#include "app/servicedesk/mailbox_readers.hpp"
#include "app/servicedesk/reply_sender.hpp"
#include "app/servicedesk/service_level_planner.hpp"
#include "app/servicedesk/sla_watcher.hpp"
#include "domain/duplicates/duplicate_service.hpp"
#include "domain/identity/user_directory.hpp"
#include "domain/identity/workspace_repository.hpp"
#include "storage/person_erasure_steps.hpp"
#include "storage/servicedesk/person_erasure.hpp"
#include "storage/servicedesk/sql_assignment_repository.hpp"
#include "storage/servicedesk/sql_canned_reply_repository.hpp"
#include "storage/servicedesk/sql_contact_form_repository.hpp"
#include "storage/servicedesk/sql_conversation_repository.hpp"
#include "storage/servicedesk/sql_mailbox_repository.hpp"

namespace rapport::generated {
const char* openapi_servicedesk();  // src/api/servicedesk/openapi.json, embedded by CMake
}

namespace rapport::app {

namespace {

class ServiceDeskModule final : public AreaModule {
public:
    std::string_view name() const override { return "servicedesk"; }

    std::string_view openapi_fragment() const override { return generated::openapi_servicedesk(); }

    void build(ModuleContext& ctx) override {
        clock_ = &ctx.clock;
        conversations_repo_.emplace(ctx.database);
        mailboxes_repo_.emplace(ctx.database);
        auto& duplicates = ctx.services.get<domain::duplicates::DuplicateService>();
        sla_.emplace(ctx.services.get<domain::servicelevels::ServiceLevelService>());
        intake_.emplace(
            *conversations_repo_, ctx.services.get<domain::customers::CustomerService>(), *sla_, hub_,
            [&duplicates](Id ws, Id person_id) {
                return duplicates.check_records(ws, domain::customers::EntityType::Person, {person_id});
            },
            ctx.clock);
        transport_.emplace(*intake_, ctx.clock);
        mailbox_service_.emplace(*mailboxes_repo_, *transport_, ctx.clock);
        conversations_.emplace(*conversations_repo_, *mailboxes_repo_, ctx.services.get<domain::ActorDirectory>(),
                               *sla_, hub_, ctx.clock);
        readers_.emplace(*mailboxes_repo_, *intake_, ctx.clock);
        sender_.emplace(*conversations_repo_, *mailboxes_repo_, hub_, ctx.clock);
        watcher_.emplace(*conversations_repo_, hub_, ctx.clock);
        mailbox_service_->on_change([this] { readers_->settings_changed(); });
        ctx.services.get<storage::PersonErasureSteps>().add(storage::erase_person_conversations);
        hub_.subscribe([this] { sender_->wake(); });
        // Canned replies, the public contact form and assignment within a team.
        assignment_repo_.emplace(ctx.database);
        assignment_.emplace(*assignment_repo_, ctx.clock);
        intake_->set_assignment_policy(&*assignment_);
        canned_repo_.emplace(ctx.database);
        canned_.emplace(*canned_repo_, *conversations_, ctx.services.get<domain::customers::CustomerService>(),
                        ctx.services.get<domain::ActorDirectory>(), ctx.services.get<domain::UserDirectory>(),
                        ctx.clock);
        contact_repo_.emplace(ctx.database);
        contact_limiter_.emplace(ctx.clock);
        contact_forms_.emplace(*contact_repo_, ctx.services.get<domain::WorkspaceRepository>(), *intake_,
                               *contact_limiter_, ctx.clock);
        ctx.services.provide<domain::servicedesk::IntakeService>(*intake_);
        ctx.services.provide<domain::servicedesk::ConversationService>(*conversations_);
        ctx.services.provide<domain::servicedesk::ConversationFeed>(hub_);
    }

    void add_routes(http::Router& router, api::ApiContext& shared) override {
        api_.emplace(api::ServiceDeskApi{shared, *conversations_, *intake_, *mailbox_service_, hub_, *clock_});
        api::register_conversation_routes(router, *api_);
        api::register_channel_routes(router, *api_);
        api::register_mailbox_routes(router, *api_);
        api::register_conversation_event_routes(router, *api_);
        api::register_canned_reply_routes(router, *api_, *canned_);
        api::register_contact_form_routes(router, *api_, *contact_forms_);
        api::register_assignment_routes(router, *api_, *assignment_);
    }

    void start() override {
        hub_.start();
        readers_->start();
        sender_->start();
        watcher_->start();
    }
    void stop() override {
        readers_->stop();
        sender_->stop();
        watcher_->stop();
        hub_.stop();
    }

private:
    const Clock* clock_ = nullptr;
    ConversationChangeHub hub_;
    std::optional<ServiceLevelPlanner> sla_;
    std::optional<storage::SqlConversationRepository> conversations_repo_;
    std::optional<storage::SqlMailboxRepository> mailboxes_repo_;
    std::optional<domain::servicedesk::IntakeService> intake_;
    std::optional<EmailTransport> transport_;
    std::optional<domain::servicedesk::MailboxService> mailbox_service_;
    std::optional<domain::servicedesk::ConversationService> conversations_;
    std::optional<MailboxReaders> readers_;
    std::optional<ReplySender> sender_;
    std::optional<SlaWatcher> watcher_;
    std::optional<api::ServiceDeskApi> api_;
    std::optional<storage::SqlAssignmentRepository> assignment_repo_;
    std::optional<domain::servicedesk::AssignmentService> assignment_;
    std::optional<storage::SqlCannedReplyRepository> canned_repo_;
    std::optional<domain::servicedesk::CannedReplyService> canned_;
    std::optional<storage::SqlContactFormRepository> contact_repo_;
    std::optional<domain::servicedesk::ContactFormLimiter> contact_limiter_;
    std::optional<domain::servicedesk::ContactFormService> contact_forms_;
};

}  // namespace

std::unique_ptr<AreaModule> make_servicedesk_module() {
    return std::make_unique<ServiceDeskModule>();
}

}  // namespace rapport::app
