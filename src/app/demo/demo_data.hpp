#pragma once
// The demo data set: a realistic, multilingual (IT, ES, PT, EN) workspace for trying
// Rapport: a few hundred companies (Italian ones with valid P.IVA check digits and PEC
// addresses, Spanish CIF, Portuguese NIF), a few thousand people, a B2B2C network (the
// workspace is a producer; some companies are its buyers; buyers have consumers), and
// users in Sales (hunters and farmers), Marketing, Service and IT teams, a year of timelines
// (calls, meetings, emails, notes, tasks; open tasks on the staff's desks, demo_timeline.hpp) and
// segments with a year of daily history (demo_segments.hpp).
// Deterministic for a given seed.
#include <cstdint>
#include <string>

#include "app/demo/demo_generator.hpp"
#include "app/services.hpp"

namespace rapport::app::demo {

constexpr const char* kWorkspaceName = "Rapport Demo";
constexpr const char* kOwnerEmail = "demo@rapport.test";
// The partner user of the first buyer (B2B2C): sees that buyer's consumers only. Same password.
constexpr const char* kPartnerEmail = "partner@rapport.test";
constexpr const char* kOwnerPassword = "rapport-demo";

struct DemoReport {
    std::string workspace_slug;
    std::string owner_email;
    std::string owner_password;
    int users = 0;
    int teams = 0;
    int companies = 0;
    int buyers = 0;
    int people = 0;
    int consumers = 0;
    int interactions = 0;  // timeline entries, tasks included
    int open_tasks = 0;
    int segments = 0;
    int snapshots = 0;        // segment snapshots: a year of history each
    int conversations = 0;    // customer messages waiting in the service desk's inbox
    int desk_new_people = 0;  // their senders the demo's people did not include (not in `people`)
};

// Loads the data set into a new workspace. Conflict when the demo workspace exists.
// The customer records and their timelines are written in one transaction; the segments are
// created through the segment service, then their history in one more transaction.
Result<DemoReport> load_demo(Services& services, std::uint32_t seed = 42);

// The demo's staff in workspace `ws`: 16 users (sales in Italy, Spain and Portugal, key
// accounts, marketing, service, IT, finance) and their six teams, created through the
// identity and team services, and who looks after which customers.
Result<Staff> create_staff(Services& services, Id ws);

// True when the database holds no workspace (a first start).
Result<bool> database_is_empty(storage::Database& db);

}  // namespace rapport::app::demo
