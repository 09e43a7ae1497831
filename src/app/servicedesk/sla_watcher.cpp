#include "app/servicedesk/sla_watcher.hpp"

#include <spdlog/spdlog.h>

namespace rapport::app {

namespace {
constexpr std::chrono::seconds kEvery{30};
constexpr int kBatch = 200;
}  // namespace

void SlaWatcher::start() {
    loop_.start([this] {
        do {
            try {
                while (escalate_due() == kBatch && loop_.running()) {
                }
            } catch (const std::exception& e) {
                spdlog::error("service levels: the escalation pass threw: {}", e.what());
            }
        } while (loop_.wait_for(kEvery));
    });
}

int SlaWatcher::escalate_due() {
    const UnixMillis now = clock_.now_ms();
    auto breaches = conversations_.unescalated_breaches(now, kBatch);
    if (!breaches) {
        spdlog::warn("service levels: cannot read the breaches: {}", breaches.error().detail);
        return 0;
    }
    int escalated = 0;
    for (const auto& c : *breaches) {
        auto contact = conversations_.escalation_contact(c.workspace_id, c.team_id);
        if (!contact) continue;
        const std::string subject =
            "SLA breached " + domain::servicedesk::ticket_reference(c.number) + ": " + c.subject;
        if (auto st = conversations_.escalate(c, *contact, subject, now); !st) {
            spdlog::warn("service levels: conversation {}: {}", id_to_string(c.conversation_id), st.error().detail);
            continue;
        }
        events_.changed(c.workspace_id, c.conversation_id);
        ++escalated;
    }
    return escalated;
}

}  // namespace rapport::app
