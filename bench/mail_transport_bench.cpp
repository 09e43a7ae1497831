// The mail transport against the local test Dovecot (bench/mail_transport.sh starts it and
// fills the mailbox): how fast ImapClient lists, fetches (BODY.PEEK[]) and marks messages, and
// how long IDLE takes to announce a message delivered by another connection.
//
//   mail_transport_bench HOST IMAPS_PORT CA_FILE USER PASSWORD [idle-rounds]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "mail/imap_client.hpp"

using namespace rapport::mail;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(stderr, "usage: %s HOST IMAPS_PORT CA_FILE USER PASSWORD [idle-rounds]\n", argv[0]);
        return 2;
    }
    MailServer server;
    server.host = argv[1];
    server.port = std::atoi(argv[2]);
    server.ca_file = argv[3];
    server.username = argv[4];
    server.password = argv[5];
    const int idle_rounds = argc > 6 ? std::atoi(argv[6]) : 20;

    ImapClient client(server);
    auto start = Clock::now();
    auto state = client.examine();
    if (!state) {
        std::fprintf(stderr, "examine: %s\n", state.error().detail.c_str());
        return 1;
    }
    std::printf("connect + login + select: %.1f ms (%u messages)\n", seconds_since(start) * 1000, state->exists);

    start = Clock::now();
    auto uids = client.uids_from(1, 1'000'000);
    if (!uids) return std::fprintf(stderr, "search: %s\n", uids.error().detail.c_str()), 1;
    std::printf("uids_from: %zu uids in %.1f ms\n", uids->size(), seconds_since(start) * 1000);

    start = Clock::now();
    std::size_t bytes = 0;
    for (std::uint32_t uid : *uids) {
        auto raw = client.fetch(uid);
        if (!raw) return std::fprintf(stderr, "fetch %u: %s\n", uid, raw.error().detail.c_str()), 1;
        bytes += raw->size();
    }
    double took = seconds_since(start);
    std::printf("fetch: %zu messages, %.1f MB in %.2f s = %.0f messages/s\n", uids->size(), bytes / 1e6, took,
                uids->size() / took);

    start = Clock::now();
    bytes = 0;
    constexpr std::size_t kBatch = 100;
    for (std::size_t i = 0; i < uids->size(); i += kBatch) {
        std::vector<std::uint32_t> part(
            uids->begin() + static_cast<std::ptrdiff_t>(i),
            uids->begin() + static_cast<std::ptrdiff_t>(std::min(uids->size(), i + kBatch)));
        auto batch = client.fetch_batch(part);
        if (!batch) return std::fprintf(stderr, "fetch_batch: %s\n", batch.error().detail.c_str()), 1;
        for (const auto& message : *batch) bytes += message.raw.size();
    }
    took = seconds_since(start);
    std::printf("fetch_batch (%zu a command): %.1f MB in %.2f s = %.0f messages/s\n", kBatch, bytes / 1e6, took,
                uids->size() / took);

    start = Clock::now();
    for (std::uint32_t uid : *uids) {
        if (auto seen = client.mark_seen(uid); !seen)
            return std::fprintf(stderr, "%s\n", seen.error().detail.c_str()), 1;
    }
    took = seconds_since(start);
    std::printf("mark_seen, one a command: %.0f messages/s\n", uids->size() / took);
    start = Clock::now();
    if (auto seen = client.mark_seen(*uids); !seen) return std::fprintf(stderr, "%s\n", seen.error().detail.c_str()), 1;
    std::printf("mark_seen of all uids in one call: %.1f ms\n", seconds_since(start) * 1000);

    // IDLE: one client waits, another appends; the time from the append's start to the wake-up.
    std::vector<double> latencies;
    ImapClient sender(server);
    for (int round = 0; round < idle_rounds; ++round) {
        if (auto drained = client.uids_from(1, 1); !drained) return 1;
        Clock::time_point sent_at;
        std::thread deliver([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            sent_at = Clock::now();
            (void)sender.append("INBOX", "Subject: idle\r\n\r\nbody\r\n");
        });
        auto woke = client.wait_for_mail(std::chrono::seconds(30), {});
        const auto woke_at = Clock::now();
        deliver.join();
        if (!woke || !*woke) return std::fprintf(stderr, "IDLE did not wake\n"), 1;
        latencies.push_back(std::chrono::duration<double, std::milli>(woke_at - sent_at).count());
    }
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        std::printf("IDLE wake-up after an append: median %.1f ms, max %.1f ms (%zu rounds)\n",
                    latencies[latencies.size() / 2], latencies.back(), latencies.size());
    }
    return 0;
}
