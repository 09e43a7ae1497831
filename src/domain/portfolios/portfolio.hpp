#pragma once
// Dedicated personal assistance (issue 16): each customer has one named owner, and an owner's
// customers are their portfolio. "Contact" is a call, a meeting or an email on the timeline (a
// note or a task is not), for a company also with any of its contacts, as the desk counts it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/customers/fields.hpp"
#include "domain/tasks/task.hpp"

namespace rapport::domain::portfolios {

using customers::EntityType;
using tasks::CustomerRef;

constexpr UnixMillis kDay = 24LL * 60 * 60 * 1000;
constexpr int kDefaultCoverageDays = 90;
constexpr int kMaxDays = 3650;
// At most so many records chosen by id in one reassignment (a whole portfolio has no limit).
constexpr std::size_t kMaxSelected = 10000;

// Whole days from `last_contact_at` to `now` (0 on the day itself); absent when never contacted.
std::optional<std::int64_t> days_since(std::optional<UnixMillis> last_contact_at, UnixMillis now);

// The portfolio's order: most neglected first (never contacted, then the oldest contact), or
// the reverse; ties by type (companies first) and id. A cursor is a position in that order.
struct PortfolioCursor {
    std::optional<UnixMillis> last_contact_at;  // absent: among the never contacted
    EntityType type = EntityType::Company;
    Id id = 0;
};
std::string format_cursor(const PortfolioCursor& cursor);
std::optional<PortfolioCursor> parse_portfolio_cursor(std::string_view text);

struct NextAction {
    Id task_id = 0;
    std::string subject;
    std::optional<UnixMillis> due_at;
    bool overdue = false;
};

struct PortfolioItem {
    CustomerRef record;
    std::optional<UnixMillis> last_contact_at;
    std::optional<std::int64_t> days_since_contact;
    std::optional<NextAction> next_action;  // the open task due first (then the oldest undated)
    std::int64_t open_tasks = 0;
    std::int64_t open_conversations = 0;  // service desk conversations new, open or pending
};

struct PortfolioQuery {
    Id owner_user_id = 0;
    std::optional<EntityType> type;      // companies or people only
    std::optional<int> no_contact_days;  // only those without contact in so many days
    bool most_neglected_first = true;    // false: most recently contacted first
    std::optional<PortfolioCursor> after;
    int limit = 50;
    UnixMillis now = 0;
};

struct PortfolioPage {
    std::vector<PortfolioItem> items;
    std::optional<std::string> next_cursor;
};

// One owner's portfolio in the manager's view.
struct OwnerCounts {
    Id user_id = 0;
    std::int64_t companies = 0;
    std::int64_t people = 0;
    std::int64_t contacted = 0;  // customers with contact in the period
};
struct OwnerSummary {
    Id user_id = 0;
    std::string display_name;  // empty when the user is gone
    bool active = false;
    std::int64_t companies = 0;
    std::int64_t people = 0;
    std::int64_t contacted = 0;
    std::int64_t not_contacted = 0;
    std::optional<double> coverage;  // contacted / size; absent for an empty portfolio
};
OwnerSummary summarize(const OwnerCounts& counts);

struct ManagerView {
    int days = kDefaultCoverageDays;
    UnixMillis since = 0;
    std::vector<OwnerSummary> owners;  // largest portfolio first
    std::int64_t unowned_companies = 0;
    std::int64_t unowned_people = 0;
};

// What the repository counts for the manager's view.
struct WorkspaceCounts {
    std::vector<OwnerCounts> owners;
    std::int64_t unowned_companies = 0;
    std::int64_t unowned_people = 0;
};

struct RecordKey {
    EntityType type = EntityType::Company;
    Id id = 0;
};

struct ReassignRequest {
    Id from_user_id = 0;
    Id to_user_id = 0;
    std::optional<std::vector<RecordKey>> records;  // absent: the whole portfolio
};

struct Reassignment {
    Id workspace_id = 0;
    Id reassignment_id = 0;
    Id from_user_id = 0;
    Id to_user_id = 0;
    std::optional<Id> actor_user_id;
    std::string actor_label;
    std::int64_t companies = 0;
    std::int64_t people = 0;
    bool selected = false;
    UnixMillis reassigned_at = 0;
    // Not stored: records of the selection that were not moved (gone, not the from-user's, or
    // outside what the actor may write).
    std::int64_t skipped = 0;
};

// A user as a reassignment target must be: of the workspace, active, and staff (not a buyer's
// partner user, who sees only their buyer's records).
struct UserFacts {
    std::string display_name;
    bool active = false;
    bool partner = false;
};

struct ReassignmentPage {
    std::vector<Reassignment> items;
    std::optional<std::string> next_cursor;
};

}  // namespace rapport::domain::portfolios
