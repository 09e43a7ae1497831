#pragma once
// `rapport bench-data`: a benchmark workspace of any size (the customers benchmarks use
// 100,000 companies and 1,000,000 people). The records come from the demo generator at a
// larger scale (the same multilingual names, cities, tax ids, phones, affiliations and
// owners/teams, plus tags), go through CustomerService::prepare_create exactly like an
// import's rows (validation, normalisation, provenance and history of every field), and are
// written with write_records() in large transactions of multi-row prepared INSERTs, so the
// search triggers and every index see what they see when the product writes.
#include <cstdint>
#include <functional>
#include <string>

#include "app/services.hpp"

namespace rapport::app {

struct BenchDataOptions {
    std::string workspace = "bench";
    std::string owner_email = "bench@rapport.test";
    std::string owner_password = "bench password 1";
    int companies = 100'000;
    int people = 1'000'000;
    int batch = 5'000;  // records per transaction
    std::uint32_t seed = 42;
};

struct BenchDataReport {
    std::string workspace_slug;
    std::int64_t companies = 0;
    std::int64_t people = 0;
    std::int64_t affiliations = 0;
    std::int64_t tags = 0;
    std::int64_t records_with_dropped_fields = 0;  // a generated value failed validation and was left out
    double generate_seconds = 0;
    double company_seconds = 0;
    double people_seconds = 0;
};

// Creates the workspace (Conflict when it exists) with its owner and the demo's staff and
// teams, then the records. `progress` receives a line now and then.
Result<BenchDataReport> load_bench_data(Services& services, const BenchDataOptions& options,
                                        const std::function<void(const std::string&)>& progress);

}  // namespace rapport::app
