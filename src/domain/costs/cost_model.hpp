#pragma once
// The cost model of a workspace: what an hour of each team's or role's time costs, the fixed
// monthly costs (and which relationship types they serve), and what one message costs on each
// channel. Money is in minor units (integer cents) of the model's ISO 4217 currency.
//
// The model is dated: each version applies from its effective_from day (UTC) until the next
// version's, so a past period is costed with the model that applied then. Saving a version with
// the effective day of an existing one replaces it; the others are kept (the history).
//
// Hourly rate of an author (documented rule, see rate_of): the rates of the teams the user
// belongs to win over the rate of the user's role; when the user is in several teams that have
// a rate, the highest of those rates applies (a cost is never understated by picking the
// cheaper team). Without a team rate the role's rate applies; without either, the minutes are
// reported as unpriced and cost nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/identity/role.hpp"
#include "domain/timeline/interaction.hpp"

namespace rapport::domain::costs {

enum class FixedCostCategory { Software, Tools, Training, Certifications, Other };
std::string_view to_string(FixedCostCategory c);
std::optional<FixedCostCategory> parse_fixed_cost_category(std::string_view text);

struct TeamRate {
    Id team_id = 0;
    std::int64_t cents_per_hour = 0;
};
struct RoleRate {
    Role role = Role::Member;
    std::int64_t cents_per_hour = 0;
};
// A share of a fixed cost, in basis points (10000 = 100%).
struct Allocation {
    timeline::RelationshipType type = timeline::RelationshipType::PersonalAssistance;
    std::int64_t basis_points = 0;
};
struct FixedCost {
    std::string name;
    FixedCostCategory category = FixedCostCategory::Other;
    std::int64_t monthly_cents = 0;
    std::vector<Allocation> allocation;  // empty: unallocated (overhead); else sums to 10000
};
struct ChannelRate {
    std::string channel;  // a conversation channel: "email", "web_form", "chat", a bridge's name
    std::int64_t cents_per_message = 0;
};

struct CostModel {
    Id workspace_id = 0;
    Id version_id = 0;
    std::string effective_from;  // "YYYY-MM-DD", UTC
    std::string currency;        // ISO 4217, upper case
    std::vector<TeamRate> team_rates;
    std::vector<RoleRate> role_rates;
    std::vector<FixedCost> fixed_costs;
    std::vector<ChannelRate> channel_rates;
    std::string note;
    UnixMillis created_at = 0;
    std::optional<Id> created_by_user_id;
};

// Limits of a model (validation reports the pointer of each problem).
inline constexpr std::int64_t kMaxCents = 100'000'000'000;  // a billion units of any currency
inline constexpr std::size_t kMaxEntries = 200;
inline constexpr std::size_t kMaxName = 120;
inline constexpr std::int64_t kFullShare = 10'000;

// True for an ISO 4217 code in use (upper case, e.g. "EUR").
bool is_currency(std::string_view code);
// The number of minor units of the currency (2 for EUR, 0 for JPY, 3 for KWD).
int minor_digits(std::string_view currency);

// Checks a model's values (not its teams' existence: `known_team_ids` lists them). Every
// problem is a FieldError with a JSON pointer into the body (/currency, /fixed_costs/0/amount_cents...).
std::vector<FieldError> validate(const CostModel& model, const std::vector<Id>& known_team_ids);

// The hourly cost of a user with `role` in `team_ids` under `model` (see the rule above);
// nullopt when neither a team nor the role has a rate.
std::optional<std::int64_t> rate_of(const CostModel& model, std::optional<Role> role, const std::vector<Id>& team_ids);

}  // namespace rapport::domain::costs
