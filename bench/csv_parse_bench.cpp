// CSV import throughput: how many MB/s the streaming reader turns into records.
//
// The input is a generated 50 MB CSV of people (the shape of a CRM export: ids, names with
// accents, emails, phones, cities, a quoted notes column in some rows), fed in 64 KiB chunks
// as a file read would. Target (issue: CSV import): >= 200 MB/s on simple data on the 2-core
// development machine. Run on a quiet machine:
//   csv_parse_bench --benchmark_counters_tabular=true
#include <cstdint>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "domain/imports/csv_reader.hpp"
#include "domain/imports/csv_sniffer.hpp"
#include "domain/imports/encoding.hpp"

namespace {

using rapport::domain::imports::CsvOptions;
using rapport::domain::imports::CsvReader;
using rapport::domain::imports::CsvRecord;
using rapport::domain::imports::Encoding;

constexpr std::size_t kTargetBytes = 50u * 1000u * 1000u;
constexpr std::size_t kChunk = 64 * 1024;

// A small deterministic generator: the same file on every run, no <random> distribution
// differences between standard libraries.
struct Lcg {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
    template <std::size_t N>
    const char* pick(const char* const (&items)[N]) {
        return items[next() % N];
    }
};

// `quoted_notes`: every tenth row carries a quoted note with a delimiter, a doubled quote and
// a line break; `all_quoted`: every field is quoted (what some exporters do). `latin1`: the
// accented names are written in Windows-1252 instead of UTF-8.
std::string make_people_csv(bool quoted_notes, bool all_quoted, bool latin1) {
    static const char* const kFirst[] = {"Mario", "Giulia",    "José", "María", "João",   "Ana",    "Luca",
                                         "Sofía", "Francesco", "Inês", "Pedro", "Chiara", "Andrés", "Beatriz"};
    static const char* const kFirstLatin1[] = {"Mario",
                                               "Giulia",
                                               "Jos\xE9",
                                               "Mar\xED"
                                               "a",
                                               "Jo\xE3o",
                                               "Ana",
                                               "Luca",
                                               "Sof\xED"
                                               "a",
                                               "Francesco",
                                               "In\xEAs",
                                               "Pedro",
                                               "Chiara",
                                               "Andr\xE9s",
                                               "Beatriz"};
    static const char* const kLast[] = {"Rossi",    "Bianchi", "García", "Fernández", "Silva",    "Conceição",
                                        "Esposito", "López",   "Santos", "Ricci",     "Martínez", "Gonçalves"};
    static const char* const kLastLatin1[] = {"Rossi",
                                              "Bianchi",
                                              "Garc\xED"
                                              "a",
                                              "Fern\xE1ndez",
                                              "Silva",
                                              "Concei\xE7\xE3o",
                                              "Esposito",
                                              "L\xF3pez",
                                              "Santos",
                                              "Ricci",
                                              "Mart\xEDnez",
                                              "Gon\xE7"
                                              "alves"};
    static const char* const kCity[] = {"Milano",    "Roma",   "Madrid",  "Lisboa", "Porto",
                                        "Barcelona", "Torino", "Sevilla", "Napoli", "Coimbra"};
    static const char* const kCompany[] = {"Acme S.r.l.", "Globex S.A.", "Initech Lda", "Umbrella S.p.A.",
                                           "Hooli S.L."};
    static const char* const kRole[] = {"CEO",      "Sales manager",  "Buyer", "Responsabile acquisti",
                                        "Director", "Jefe de compras"};
    Lcg rng{42};
    std::string out;
    out.reserve(kTargetBytes + 4096);
    const auto field = [&](std::string_view value, bool last = false) {
        if (all_quoted) out.push_back('"');
        out.append(value);
        if (all_quoted) out.push_back('"');
        out.push_back(last ? '\n' : ',');
    };
    field("external_id");
    field("first_name");
    field("last_name");
    field("email");
    field("phone");
    field("city");
    field("company");
    field("job_title");
    field("notes", true);
    for (std::uint64_t row = 1; out.size() < kTargetBytes; ++row) {
        const char* first = latin1 ? rng.pick(kFirstLatin1) : rng.pick(kFirst);
        const char* last = latin1 ? rng.pick(kLastLatin1) : rng.pick(kLast);
        field("P" + std::to_string(row));
        field(first);
        field(last);
        field("person" + std::to_string(row) + "@example.com");
        field("+39 02 " + std::to_string(1000000 + rng.next() % 9000000));
        field(rng.pick(kCity));
        field(rng.pick(kCompany));
        field(rng.pick(kRole));
        if (quoted_notes && row % 10 == 0) {
            out.append("\"Met at the fair, said \"\"call me\"\"\nafter the summer\"\n");
        } else {
            field("", true);
        }
    }
    return out;
}

void run_reader(benchmark::State& state, const std::string& csv, Encoding encoding) {
    CsvOptions options;
    options.encoding = encoding;
    std::uint64_t records = 0;
    for (auto _ : state) {
        CsvReader reader(options);
        CsvRecord record;
        for (std::size_t at = 0; at < csv.size(); at += kChunk) {
            reader.feed(std::string_view(csv).substr(at, kChunk));
            while (reader.next(record)) ++records;
        }
        reader.finish();
        while (reader.next(record)) ++records;
        benchmark::DoNotOptimize(record.fields.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * csv.size()));
    state.counters["records/s"] = benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}

void BM_CsvReaderSimple(benchmark::State& state) {
    static const std::string csv = make_people_csv(false, false, false);
    run_reader(state, csv, Encoding::Utf8);
}

void BM_CsvReaderQuotedNotes(benchmark::State& state) {
    static const std::string csv = make_people_csv(true, false, false);
    run_reader(state, csv, Encoding::Utf8);
}

void BM_CsvReaderAllQuoted(benchmark::State& state) {
    static const std::string csv = make_people_csv(true, true, false);
    run_reader(state, csv, Encoding::Utf8);
}

void BM_CsvReaderWindows1252(benchmark::State& state) {
    static const std::string csv = make_people_csv(false, false, true);
    run_reader(state, csv, Encoding::Windows1252);
}

void BM_Utf8Validate(benchmark::State& state) {
    static const std::string csv = make_people_csv(false, false, false);
    for (auto _ : state) benchmark::DoNotOptimize(rapport::domain::imports::is_valid_utf8(csv));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * csv.size()));
}

void BM_SniffHead(benchmark::State& state) {
    static const std::string csv = make_people_csv(true, false, false);
    const std::string_view head = std::string_view(csv).substr(0, rapport::domain::imports::kSniffBytes);
    for (auto _ : state) benchmark::DoNotOptimize(rapport::domain::imports::sniff_csv(head, false));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * head.size()));
}

BENCHMARK(BM_CsvReaderSimple)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CsvReaderQuotedNotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CsvReaderAllQuoted)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CsvReaderWindows1252)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Utf8Validate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SniffHead)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
