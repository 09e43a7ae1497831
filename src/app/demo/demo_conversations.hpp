#pragma once
// The demo's service desk: the inbox of a Monday morning. Customers of the demo (and a few
// strangers, who become new people) have written over the last days by email, the web form
// and WhatsApp, in Italian, Spanish, Portuguese and English; some conversations are assigned
// and prioritised, most still wait for an answer, so the Unanswered view has work in it.
// Written through the service desk's own intake, like any real message.
#include "app/demo/demo_generator.hpp"
#include "app/services.hpp"

namespace rapport::app::demo {

struct DemoDesk {
    int conversations = 0;  // each with one customer message, waiting for an answer
    int new_people = 0;     // senders the desk did not know
};
Result<DemoDesk> create_conversations(Services& services, Id workspace_id, Id service_team_id,
                                      const std::vector<Id>& service_staff, const DemoCustomers& customers);

}  // namespace rapport::app::demo
