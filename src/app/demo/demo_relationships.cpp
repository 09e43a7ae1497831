#include "app/demo/demo_relationships.hpp"

#include <map>

#include "domain/audit/audit_of.hpp"
#include "domain/identity/principals.hpp"
#include "domain/relationships/relationship_plan_repository.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::app::demo {

namespace {

using namespace rapport::domain::relationships;
using RT = RelationshipType;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
enum TeamIndex : std::size_t { kSalesItalia = 0, kVentasEspana = 1, kMarketing = 2, kService = 3, kKeyAccounts = 5 };

Target target(MetricKey metric, Comparator comparator, double value) {
    return {metric, comparator, value, std::string(unit_of(metric))};
}

struct DemoVersion {
    int days_ago = 0;
    const char* comment = "";
    std::vector<PlanEntry> entries;
};

struct DemoPlan {
    const char* segment;
    std::vector<DemoVersion> versions;
};

std::vector<DemoPlan> demo_plans(const std::vector<Id>& teams) {
    const auto team = [&](TeamIndex i) { return std::optional<Id>(teams.at(i)); };
    const auto at_least = Comparator::AtLeast;
    const auto at_most = Comparator::AtMost;
    const auto touched = ThresholdMeasure::CustomersTouchedPercent;
    const auto per100 = ThresholdMeasure::InteractionsPer100Customers;

    PlanEntry it_dedicated{
        RT::DedicatedAssistance,
        Motivation::Acquisition,
        team(kSalesItalia),
        {"phone", "in_person", "email"},
        "A named sales person per bar and shop: visits with tastings open the account, the same "
        "person takes the orders (value proposition: fresh coffee delivered, machines serviced).",
        {target(MetricKey::OwnerCoverageShare, at_least, 100), target(MetricKey::ContactIntervalDays, at_most, 60)},
        {touched, 50}};
    PlanEntry it_personal{
        RT::PersonalAssistance,
        Motivation::Retention,
        team(kService),
        {"email", "phone", "whatsapp"},
        "Customer Service answers orders, deliveries and machine faults the same day.",
        {target(MetricKey::FirstResponseBusinessHours, at_most, 4), target(MetricKey::CsatAverage, at_least, 4.5),
         target(MetricKey::SlaComplianceShare, at_least, 90)},
        {per100, 20}};
    PlanEntry it_dedicated_retention = it_dedicated;
    it_dedicated_retention.motivation = Motivation::Retention;
    it_dedicated_retention.note =
        "The market is saturated: farmers keep the accounts we have, with a visit every quarter and a call a month "
        "(key activity: account reviews before the season changes).";
    it_dedicated_retention.targets.push_back(target(MetricKey::RetentionRate, at_least, 90));
    it_dedicated_retention.targets[1].value = 30;
    PlanEntry it_cocreation{RT::CoCreation,
                            Motivation::Upselling,
                            team(kMarketing),
                            {"web", "social"},
                            "Buyers vote next season's blends and get them first: new products sold to the buyers "
                            "who chose them.",
                            {target(MetricKey::InteractionsPerCustomer, at_least, 1)},
                            {touched, 20}};

    PlanEntry large{RT::DedicatedAssistance,
                    Motivation::Upselling,
                    team(kKeyAccounts),
                    {"in_person", "phone", "email"},
                    "Key Accounts: one account manager, quarterly business reviews and tailored blends for the "
                    "offices and canteens of large companies.",
                    {target(MetricKey::OwnerCoverageShare, at_least, 100),
                     target(MetricKey::ContactIntervalDays, at_most, 30), target(MetricKey::Nps, at_least, 40)},
                    {touched, 80}};

    PlanEntry iberia_dedicated{
        RT::DedicatedAssistance,
        Motivation::Acquisition,
        team(kVentasEspana),
        {"phone", "in_person", "email"},
        "Hunters open accounts in Spain and Portugal; each new account gets its owner.",
        {target(MetricKey::OwnerCoverageShare, at_least, 100), target(MetricKey::ContactIntervalDays, at_most, 45)},
        {touched, 40}};
    PlanEntry iberia_self{RT::SelfService,
                          Motivation::Acquisition,
                          team(kMarketing),
                          {"web", "web_form"},
                          "The trade shop in Spanish and Portuguese: price lists, reorders and invoices online.",
                          {target(MetricKey::InteractionsPerCustomer, at_least, 2)},
                          {per100, 10}};

    PlanEntry consumers_automated{
        RT::Automated,
        Motivation::Retention,
        team(kMarketing),
        {"email", "web"},
        "The newsletter and the loyalty programme: reminders when a bag of beans should "
        "be running out (product's useful life) and recommendations from past orders.",
        {target(MetricKey::RetentionRate, at_least, 80), target(MetricKey::Nps, at_least, 30)},
        {per100, 50}};
    PlanEntry consumers_community{RT::Community,
                                  Motivation::Acquisition,
                                  team(kMarketing),
                                  {"social", "web"},
                                  "The coffee lovers' community: recipes, brewing tips and meetups, moderated by "
                                  "Marketing.",
                                  {target(MetricKey::InteractionsPerCustomer, at_least, 1)},
                                  {touched, 10}};

    PlanEntry phone_personal{
        RT::PersonalAssistance,
        Motivation::Retention,
        team(kService),
        {"phone", "whatsapp", "chat"},
        "Consumers call or text about their orders; Customer Service answers within two hours.",
        {target(MetricKey::FirstResponseBusinessHours, at_most, 2), target(MetricKey::CsatAverage, at_least, 4.5),
         target(MetricKey::ResolutionBusinessHours, at_most, 16)},
        {per100, 25}};

    return {
        {"Buyers in Italy",
         {{300, "Launch in Italy: open accounts", {it_dedicated, it_personal}},
          {60,
           "The Italian market is saturated: keep the buyers we have, and let them choose the new blends",
           {it_dedicated_retention, it_personal, it_cocreation}}}},
        {"Large accounts", {{200, "Key Accounts team set up", {large}}}},
        {"Iberia", {{250, "Entering Spain and Portugal", {iberia_dedicated, iberia_self}}}},
        {"Consumers in Italy",
         {{180, "Consumers: newsletter and community", {consumers_automated, consumers_community}}}},
        {"Consumers with a phone", {{120, "Phone and WhatsApp support for consumers", {phone_personal}}}},
    };
}

}  // namespace

Result<int> create_relationship_plans(Services& services, Id ws, Id owner_user_id, const std::string& owner_email,
                                      const std::vector<Id>& team_ids) {
    auto& repo = services.get<RelationshipPlanRepository>();
    const auto op = domain::operator_principal(ws);
    std::map<std::string, Id> segment_ids;
    domain::PageRequest page{200, std::nullopt};
    for (const auto& s : RAPPORT_TRY(services.get<domain::segments::SegmentService>().list(op, page)).items)
        segment_ids[s.name] = s.segment_id;
    const auto now = services.clock().now_ms();
    int written = 0;
    for (auto& plan : demo_plans(team_ids)) {
        auto found = segment_ids.find(plan.segment);
        if (found == segment_ids.end()) {
            return fail(Error(ErrorCode::Internal, std::string("demo segment missing: ") + plan.segment));
        }
        std::int64_t number = 0;
        for (auto& v : plan.versions) {
            PlanVersion version;
            version.workspace_id = ws;
            version.segment_id = found->second;
            version.version = ++number;
            version.author_user_id = owner_user_id;
            version.author_label = owner_email;
            version.created_at = now - v.days_ago * kDayMs;
            version.comment = v.comment;
            version.entries = std::move(v.entries);
            if (auto errors = validate_entries(version.entries); !errors.empty()) {
                return fail(Error(ErrorCode::Internal, "demo plan invalid at " + errors[0].pointer));
            }
            sort_entries(version.entries);
            RAPPORT_CHECK(repo.append(version, domain::audit_of(op, version.created_at, "relationship_plan.saved",
                                                                "segment", id_to_string(found->second), "")));
            ++written;
        }
    }
    return written;
}

}  // namespace rapport::app::demo
