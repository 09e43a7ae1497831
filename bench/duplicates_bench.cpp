// Workspace duplicate scan, the in-memory part: how long preparing (normalising, keying)
// and blocking + scoring take for N people, of whom about 5% are near copies of another
// (a typo in the last name, the same email, or the same phone). Target (issue 3 §4): a
// scan of 1,000,000 people within a minute on the 2-core machine, database read included
// (the read streams rows; measure it with POST /api/v1/duplicates/scan on a loaded database).
//   duplicates_bench --benchmark_counters_tabular=true
#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "domain/duplicates/blocking.hpp"

namespace {

using namespace rapport::domain::duplicates;

struct Lcg {
    std::uint64_t state = 42;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
    std::size_t below(std::size_t n) { return next() % n; }
};

const char* kFirst[] = {"Giulia", "Marco",  "Anna",  "Luca",    "Sofia", "Matteo", "José",      "María",
                        "João",   "Ana",    "Pedro", "Carmen",  "Paolo", "Chiara", "Lucía",     "Tiago",
                        "Elena",  "Davide", "Sara",  "Alessio", "Inês",  "Rui",    "Francesca", "Javier"};
const char* kLast[] = {"Rossi",  "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",    "Colombo",   "Ricci",
                       "García", "López", "Martín",  "Sánchez",  "Silva",   "Santos",    "Ferreira",  "Pereira",
                       "Gallo",  "Conti", "Bruno",   "Greco",    "Costa",   "Rodrigues", "Fernández", "Moreno"};
const char* kSyllables[] = {"ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo", "ma",
                            "ri", "to", "lu", "ne", "ca", "bo", "de", "fi", "go", "li", "mo", "nu", "pe", "ro", "su"};
const char* kCities[] = {"Milano",  "Roma",    "Torino",  "Napoli",   "Madrid", "Barcelona", "Lisboa", "Porto",
                         "Bologna", "Firenze", "Sevilla", "Valencia", "Braga",  "Genova",    "Verona", "Bari"};

std::vector<MatchRecord> people(std::size_t n) {
    Lcg rng;
    std::vector<MatchRecord> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        MatchRecord m;
        m.id = static_cast<rapport::Id>(i + 1);
        if (i > 0 && rng.below(20) == 0) {
            // A near copy of an earlier record.
            m = out[rng.below(out.size())];
            m.id = static_cast<rapport::Id>(i + 1);
            switch (rng.below(3)) {
                case 0:
                    m.alt_name += "i";  // a typo
                    m.email.clear();
                    m.phone.clear();
                    break;
                case 1: m.phone.clear(); break;
                default: m.email.clear(); break;
            }
        } else {
            m.name = kFirst[rng.below(std::size(kFirst))];
            // Half the surnames are common ones, half are made of three syllables (about
            // 27,000 distinct), so blocks hold both crowds of Rossis and rarer names.
            if (rng.below(2) == 0) {
                m.alt_name = kLast[rng.below(std::size(kLast))];
            } else {
                m.alt_name.clear();
                for (int k = 0; k < 3; ++k) m.alt_name += kSyllables[rng.below(std::size(kSyllables))];
                m.alt_name[0] = static_cast<char>(m.alt_name[0] - 'a' + 'A');
            }
            // 16 big cities and 500 smaller towns.
            m.city = rng.below(3) == 0 ? std::string(kCities[rng.below(std::size(kCities))])
                                       : "Comune " + std::to_string(rng.below(500));
            m.email = "p" + std::to_string(i) + "@example.com";
            m.phone = "+39" + std::to_string(3000000000ULL + i);
        }
        out.push_back(std::move(m));
    }
    return out;
}

void BM_ScanPeople(benchmark::State& state) {
    const auto raw = people(static_cast<std::size_t>(state.range(0)));
    std::size_t pairs = 0;
    for (auto _ : state) {
        std::vector<PreparedRecord> prepared;
        prepared.reserve(raw.size());
        for (const auto& r : raw) prepared.push_back(prepare(EntityType::Person, r));
        auto found = find_pairs(EntityType::Person, prepared);
        pairs = found.size();
        benchmark::DoNotOptimize(found.data());
    }
    state.counters["records"] = static_cast<double>(raw.size());
    state.counters["pairs"] = static_cast<double>(pairs);
    state.counters["records/s"] =
        benchmark::Counter(static_cast<double>(raw.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ScanPeople)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
