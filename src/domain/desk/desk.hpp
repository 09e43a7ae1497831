#pragma once
// The desk: the signed-in user's home page, made of cards. Each card is computed on its own
// (a request may ask for some only), so later areas add a card without changing the others.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/desk/desk_visit.hpp"
#include "domain/tasks/task.hpp"

namespace rapport::domain::desk {

using tasks::CustomerRef;

struct TasksCard {
    tasks::TaskCounts counts;           // my open tasks, and how many are overdue
    std::vector<tasks::TaskRow> first;  // the first few by due date (overdue ones first)
};

struct RecentRecord {
    CustomerRef record;
    UnixMillis touched_at = 0;
};
struct RecentCard {
    std::vector<RecentRecord> items;  // newest first, each record once
};

struct QuietCustomer {
    CustomerRef record;
    std::optional<UnixMillis> last_contact_at;  // never contacted: absent
};
struct QuietCard {
    int days = 30;
    std::vector<QuietCustomer> items;  // never contacted first, then the longest silence
    std::int64_t count = 0;            // how many, up to kQuietCountCap
    bool count_capped = false;         // there are at least kQuietCountCap
};
constexpr std::int64_t kQuietCountCap = 1000;

struct NewRecord {
    CustomerRef record;
    UnixMillis at = 0;  // when it became mine
};
struct NewCard {
    UnixMillis since = 0;
    std::vector<NewRecord> records;     // records handed to me (or created for me) by others
    std::vector<tasks::TaskRow> tasks;  // open tasks assigned to me by others
    bool more = false;                  // more than shown
};

struct Desk {
    UnixMillis now = 0;
    std::optional<TasksCard> tasks;
    std::optional<RecentCard> recent;
    std::optional<QuietCard> quiet;
    std::optional<NewCard> news;
};

struct DeskRequest {
    std::set<std::string> cards;  // empty: every card
    int quiet_days = 30;
    int limit = 5;  // items per card
    bool wants(const std::string& card) const { return cards.empty() || cards.count(card) > 0; }
};

}  // namespace rapport::domain::desk
