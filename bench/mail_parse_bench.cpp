// Mail parsing throughput: messages/s that parse_mail turns into ParsedMail, per sample of
// tests/mail/samples (a Gmail mail, an Outlook reply, a bounce, attachments...) and over all of
// them in turn. Context (issue 15): ingestion from IMAP must reach >= 500 messages/s on SQLite,
// parsing included. Run on a quiet machine:
//   build/bench/mail_parse_bench --benchmark_counters_tabular=true
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "mail/parsed_mail.hpp"

namespace {

struct Sample {
    std::string name, raw;
};

const std::vector<Sample>& samples() {
    static const std::vector<Sample> all = [] {
        std::vector<Sample> out;
        for (const auto& entry : std::filesystem::directory_iterator(RAPPORT_MAIL_SAMPLES)) {
            if (entry.path().extension() != ".eml") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            out.push_back({entry.path().stem().string(), bytes.str()});
        }
        std::sort(out.begin(), out.end(), [](const Sample& a, const Sample& b) { return a.name < b.name; });
        return out;
    }();
    return all;
}

void parse_one(benchmark::State& state, const Sample* sample) {
    for (auto _ : state) {
        auto mail = rapport::mail::parse_mail(sample->raw);
        benchmark::DoNotOptimize(mail);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(sample->raw.size()));
}

void parse_all(benchmark::State& state) {
    std::int64_t bytes = 0, messages = 0;
    for (auto _ : state) {
        for (const Sample& sample : samples()) {
            auto mail = rapport::mail::parse_mail(sample.raw);
            benchmark::DoNotOptimize(mail);
            bytes += static_cast<std::int64_t>(sample.raw.size());
            ++messages;
        }
    }
    state.SetItemsProcessed(messages);
    state.SetBytesProcessed(bytes);
}

}  // namespace

int main(int argc, char** argv) {
    for (const Sample& sample : samples())
        benchmark::RegisterBenchmark(("parse_mail/" + sample.name).c_str(), parse_one, &sample);
    benchmark::RegisterBenchmark("parse_mail/all_samples", parse_all);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
