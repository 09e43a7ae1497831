// CSV import of people, end to end, against SQLite's raw insert rate in the same run.
//
// Target (customers issue, benchmark section): on the 2-core development machine with SQLite,
// importing 1,000,000 people runs at >= 100,000 rows/s end to end, and at >= 50% of the raw
// prepared-statement insert rate that this program measures in the same run.
//
//   import_1m [--rows N] [--dir DIR] [--database URL] [--stages] [--keep] [--skip-raw] [--no-schema-raw]
//   (--skip-raw: end to end only; --no-schema-raw: without the informational product-schema
//   raw run, which takes minutes at 1,000,000 rows; --database: the end-to-end import into
//   that empty database, e.g. PostgreSQL, instead of DIR/e2e.db; the raw runs stay SQLite's)
//
// 1. Generates a people CSV (DIR/people.csv): external id, first and last name (accents),
//    email (some in upper case or with spaces), phone (Italy, Spain, Portugal, France,
//    Germany, UK; international and national forms), city, country, language, birthday,
//    tags, and two custom fields (a select and a number); about 1 row in 1,000 is bad (a
//    wrong email, a phone that is no number, a missing last name, a missing delimiter).
// 2. Raw: a plain prepared INSERT of the same 17 columns of `people`, one row per step,
//    100,000 rows per transaction, into a new database with the product's connection
//    pragmas (WAL, synchronous=NORMAL) and a table with the same columns and primary key
//    but no secondary index and no trigger; the values are the file's cells as text
//    (already split, not validated). Only the inserts and commits are timed. The same
//    inserts into the product's schema (migrated: its indexes and its search triggers) are
//    printed for information ("raw, product schema").
// 3. End to end, through the parts of domain/imports (not over HTTP): the timer runs from reading the
//    file through upload (sniff, transcode, count, store), mapping, start, to the job's
//    completion (every batch committed). Rows/s = data rows of the file / seconds.
// 4. With --stages, each stage of the import alone over the whole file, single-threaded:
//    CSV parsing, row -> input, validation and normalisation (prepare_create, which
//    includes libphonenumber), phone parsing alone, and writing (write_records of
//    prepared batches, records + provenance + history + search triggers), then, as a
//    diagnosis, the same writes without provenance/history rows, without the name
//    vocabulary's trigger, with the search index but no trigrams, and with no search trigger
//    (each pass adds to the table, so later passes write into a bigger one).
#include <sqlite3.h>
#include <sys/resource.h>

#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/services.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/customers/phone.hpp"
#include "domain/identity/workspace_bootstrap.hpp"
#include "domain/imports/csv_reader.hpp"
#include "domain/imports/import_mapping.hpp"
#include "domain/imports/import_parts.hpp"
#include "storage/customers/sql_customer_repository.hpp"
#include "storage/transaction.hpp"

namespace {

using namespace rapport;
using Clock = std::chrono::steady_clock;

// User + system CPU seconds of the whole process so far (all threads).
double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Lcg {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
    std::uint32_t below(std::uint32_t n) { return next() % n; }
    template <std::size_t N>
    const char* pick(const char* const (&items)[N]) {
        return items[next() % N];
    }
};

std::string digits(Lcg& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.below(10));
    return s;
}

struct Country {
    const char* code;
    const char* language;
    const char* const* cities;
    std::size_t n_cities;
};

const char* const kItCities[] = {"Milano", "Roma", "Torino", "Napoli", "Bologna", "Firenze"};
const char* const kEsCities[] = {"Madrid", "Barcelona", "Sevilla", "Valencia", "Bilbao"};
const char* const kPtCities[] = {"Lisboa", "Porto", "Coimbra", "Braga"};
const char* const kFrCities[] = {"Paris", "Lyon", "Marseille", "Toulouse"};
const char* const kDeCities[] = {"Berlin", "München", "Hamburg", "Köln"};
const char* const kGbCities[] = {"London", "Manchester", "Leeds", "Bristol"};
const Country kCountries[] = {
    {"IT", "it", kItCities, std::size(kItCities)}, {"ES", "es", kEsCities, std::size(kEsCities)},
    {"PT", "pt", kPtCities, std::size(kPtCities)}, {"FR", "fr", kFrCities, std::size(kFrCities)},
    {"DE", "de", kDeCities, std::size(kDeCities)}, {"GB", "en", kGbCities, std::size(kGbCities)},
};

// A mobile number of the country, international ("+39 ...") or national, both valid.
std::string phone_of(Lcg& rng, const std::string& country, bool international) {
    std::string national, prefix;
    if (country == "IT") {
        prefix = "+39";
        national = "3" + std::to_string(2 + rng.below(8)) + digits(rng, 1) + " " + digits(rng, 7);
    } else if (country == "ES") {
        prefix = "+34";
        national = "6" + digits(rng, 2) + " " + digits(rng, 3) + " " + digits(rng, 3);
    } else if (country == "PT") {
        prefix = "+351";
        national = "91" + digits(rng, 1) + " " + digits(rng, 3) + " " + digits(rng, 3);
    } else if (country == "FR") {
        prefix = "+33";
        national = "6 1" + digits(rng, 1) + " " + digits(rng, 2) + " " + digits(rng, 2) + " " + digits(rng, 2);
        if (!international) national = "0" + national;
    } else if (country == "DE") {
        prefix = "+49";
        national = "151 " + digits(rng, 8);
        if (!international) national = "0" + national;
    } else {
        prefix = "+44";
        national = "7400 " + digits(rng, 6);
        if (!international) national = "0" + national;
    }
    if (!international) return national;
    if (national.front() == '0') national.erase(0, 1);
    return prefix + " " + national;
}

const char* const kHeader[] = {"external_id", "first_name", "last_name", "email", "phone",        "city",
                               "country",     "language",   "birthday",  "tags",  "loyalty_tier", "lifetime_value"};

// The generated file; `bad` counts the rows made to be rejected.
std::string make_people_csv(std::int64_t rows, std::int64_t& bad) {
    static const char* const kFirst[] = {"Mario", "Giulia", "José",  "María",  "João", "Ana",     "Luca",   "Sofía",
                                         "Chloé", "Jürgen", "Emma",  "Oliver", "Inês", "Pedro",   "Chiara", "Andrés",
                                         "Léa",   "Lukas",  "Harry", "Amelia", "Zoë",  "Beatriz", "Hugo",   "Marta"};
    static const char* const kLast[] = {"Rossi", "Bianchi", "García", "Fernández", "Silva",   "Conceição", "Esposito",
                                        "López", "Santos",  "Ricci",  "Martínez",  "Dubois",  "Müller",    "Schmidt",
                                        "Smith", "Jones",   "Moreau", "Gonçalves", "O'Brien", "Lefèvre"};
    static const char* const kTier[] = {"bronze", "silver", "gold", "platinum"};
    static const char* const kTags[] = {"", "", "", "newsletter", "vip", "fair-2024", "newsletter;vip"};
    Lcg rng{20240611};
    std::string out;
    out.reserve(static_cast<std::size_t>(rows) * 150 + 256);
    for (std::size_t i = 0; i < std::size(kHeader); ++i) {
        out += i ? "," : "";
        out += kHeader[i];
    }
    out += '\n';
    bad = 0;
    for (std::int64_t row = 1; row <= rows; ++row) {
        const Country& c = kCountries[rng.below(std::size(kCountries))];
        const std::string first = rng.pick(kFirst);
        std::string last = rng.pick(kLast);
        std::string email = "p" + std::to_string(row) + "." + std::to_string(rng.below(1000)) + "@example.com";
        if (row % 7 == 0) email = "P" + email.substr(1);  // upper case
        if (row % 11 == 0) email = " " + email + " ";     // stray spaces
        std::string phone = phone_of(rng, c.code, rng.below(3) != 0);
        const std::string birthday = std::to_string(1950 + rng.below(55)) + "-0" + std::to_string(1 + rng.below(9)) +
                                     "-1" + std::to_string(rng.below(10));
        const std::string ltv = std::to_string(rng.below(100000)) + "." + std::to_string(rng.below(100));
        bool missing_delimiter = false;
        switch (row % 1000 == 500 ? rng.below(4) : 99) {
            case 0: email = "not-an-email"; break;
            case 1: phone = "call me"; break;
            case 2: last = ""; break;
            case 3: missing_delimiter = true; break;
            default: break;
        }
        if (row % 1000 == 500) ++bad;
        std::string quoted_last = last.find('\'') != std::string::npos ? "\"" + last + "\"" : last;
        out += "EXT-" + std::to_string(row) + "," + first + "," + quoted_last + "," + email + "," + phone + "," +
               c.cities[rng.below(static_cast<std::uint32_t>(c.n_cities))] + "," + c.code + "," + c.language + "," +
               birthday + (missing_delimiter ? "" : ",") + "\"" + rng.pick(kTags) + "\"," + rng.pick(kTier) + "," +
               ltv + "\n";
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Raw SQLite inserts.

void check_sqlite(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "sqlite: %s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

void exec(sqlite3* db, const std::string& sql) {
    check_sqlite(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), sql.c_str());
}

constexpr const char* kRawTable =
    "CREATE TABLE people (workspace_id BIGINT NOT NULL, person_id BIGINT NOT NULL, first_name TEXT NOT NULL,"
    " last_name TEXT NOT NULL, email TEXT, phone TEXT, language TEXT, birthday TEXT, city TEXT, country TEXT,"
    " kind TEXT NOT NULL, buyer_company_id BIGINT, owner_user_id BIGINT, team_id BIGINT, created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL, external_id TEXT, custom TEXT NOT NULL DEFAULT '{}',"
    " PRIMARY KEY (workspace_id, person_id))";

// Rows/s of `cells` (rows of the file, split) inserted into `people` of the database at
// `path`, workspace `ws`, owner `owner`.
double raw_insert_rate(const std::string& path, const std::vector<std::vector<std::string>>& cells, std::int64_t ws,
                       std::int64_t owner, std::int64_t first_id) {
    sqlite3* db = nullptr;
    check_sqlite(db, sqlite3_open(path.c_str(), &db), "open");
    exec(db,
         "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
         " PRAGMA cache_size = -16000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    sqlite3_stmt* stmt = nullptr;
    const std::string sql =
        "INSERT INTO people (workspace_id, person_id, first_name, last_name, email, phone, language, birthday, city,"
        " country, kind, owner_user_id, created_at, updated_at, external_id, custom)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'b2b_contact', ?11, ?12, ?12, ?13, ?14)";
    check_sqlite(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), "prepare");
    const auto bind_text = [&](int i, const std::string& s) {
        sqlite3_bind_text(stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    };
    const auto start = Clock::now();
    std::int64_t id = first_id;
    std::size_t n = 0;
    exec(db, "BEGIN");
    for (const auto& r : cells) {
        if (r.size() < std::size(kHeader)) continue;
        sqlite3_bind_int64(stmt, 1, ws);
        sqlite3_bind_int64(stmt, 2, id++);
        bind_text(3, r[1]);
        bind_text(4, r[2]);
        bind_text(5, r[3]);
        bind_text(6, r[4]);
        bind_text(7, r[7]);
        bind_text(8, r[8]);
        bind_text(9, r[5]);
        bind_text(10, r[6]);
        sqlite3_bind_int64(stmt, 11, owner);
        sqlite3_bind_int64(stmt, 12, 1718000000000);
        bind_text(13, r[0]);
        const std::string custom = "{\"lifetime_value\":" + r[11] + ",\"loyalty_tier\":\"" + r[10] + "\"}";
        bind_text(14, custom);
        check_sqlite(db, sqlite3_step(stmt), "insert");
        sqlite3_reset(stmt);
        if (++n % 100000 == 0) {
            exec(db, "COMMIT");
            exec(db, "BEGIN");
        }
    }
    exec(db, "COMMIT");
    const double secs = seconds_since(start);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return static_cast<double>(n) / secs;
}

std::vector<std::vector<std::string>> split_rows(const std::string& csv) {
    domain::imports::CsvReader reader({',', domain::imports::Encoding::Utf8});
    reader.feed(csv);
    reader.finish();
    std::vector<std::vector<std::string>> out;
    domain::imports::CsvRecord record;
    bool header = true;
    while (reader.next(record)) {
        if (header) {
            header = false;
            continue;
        }
        out.push_back(std::move(record.fields));
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// The product.

struct Workspace {
    std::unique_ptr<app::Services> services;
    domain::Principal owner;
};

Workspace open_workspace(const std::string& url) {
    auto services = app::Services::open(url);
    if (!services) {
        std::fprintf(stderr, "open: %s\n", services.error().detail.c_str());
        std::exit(1);
    }
    auto boot = (*services)->get<domain::WorkspaceBootstrap>().bootstrap("Bench", "owner@bench.test",
                                                                         "bench-password-1", "Owner");
    if (!boot) {
        std::fprintf(stderr, "bootstrap: %s\n", boot.error().detail.c_str());
        std::exit(1);
    }
    domain::Principal owner;
    owner.workspace_id = boot->workspace.workspace_id;
    owner.user_id = boot->owner.user_id;
    owner.role = domain::Role::Owner;
    owner.label = boot->owner.email;
    using domain::customers::CustomFieldDef;
    using domain::customers::FieldType;
    CustomFieldDef tier;
    tier.entity_type = domain::customers::EntityType::Person;
    tier.key = "loyalty_tier";
    tier.label = "Loyalty tier";
    tier.type = FieldType::Select;
    tier.options = {"bronze", "silver", "gold", "platinum"};
    CustomFieldDef ltv;
    ltv.entity_type = domain::customers::EntityType::Person;
    ltv.key = "lifetime_value";
    ltv.label = "Lifetime value";
    ltv.type = FieldType::Number;
    for (const auto& def : {tier, ltv}) {
        if (auto made = (*services)->get<domain::customers::CustomerService>().create_custom_field(owner, def, "");
            !made) {
            std::fprintf(stderr, "custom field: %s\n", made.error().detail.c_str());
            std::exit(1);
        }
    }
    return {std::move(*services), owner};
}

nlohmann::json mapping_request() {
    nlohmann::json columns = nlohmann::json::object();
    for (const char* h : kHeader) {
        const std::string name = h;
        columns[name] = (name == "loyalty_tier" || name == "lifetime_value") ? "custom." + name : name;
    }
    return {{"columns", columns},
            {"source", {{"data_kind", "first_party"}, {"label", "bench export"}}},
            {"match_on", {"external_id", "email"}}};
}

template <class T>
T must(Result<T> r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "%s: %s\n", what, r.error().detail.c_str());
        std::exit(1);
    }
    return std::move(*r);
}

struct EndToEnd {
    double seconds = 0;
    double upload_seconds = 0;
    double cpu_seconds = 0;
    domain::imports::ImportJob job;
};

EndToEnd import_file(Workspace& w, const std::string& csv_path) {
    auto imports = w.services->get<domain::imports::ImportParts>();
    EndToEnd out;
    const double cpu_start = cpu_seconds();
    const auto start = Clock::now();
    std::string bytes;
    {
        std::ifstream in(csv_path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        bytes = s.str();
    }
    auto up =
        must(imports.uploads.upload(w.owner, domain::customers::EntityType::Person, "people.csv", bytes), "upload");
    bytes.clear();
    bytes.shrink_to_fit();
    out.upload_seconds = seconds_since(start);
    const Id id = up.job.import_id;
    must(imports.mapper.set_mapping(w.owner, id, mapping_request()), "mapping");
    must(imports.runner.start(w.owner, id), "start");
    for (;;) {
        out.job = must(imports.runner.get(w.owner, id), "progress");
        if (out.job.status != domain::imports::ImportStatus::Running) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    out.seconds = seconds_since(start);
    out.cpu_seconds = cpu_seconds() - cpu_start;
    return out;
}

std::int64_t count_people(Workspace& w) {
    auto lease = must(w.services->database().acquire(storage::Access::Read), "lease");
    auto rs =
        must(lease->query("SELECT COUNT(*) FROM people WHERE workspace_id = $1", {w.owner.workspace_id}), "count");
    return storage::as_int(rs.rows[0][0]);
}

// ---------------------------------------------------------------------------------------
// Stages, each alone over the whole file.

void stages(const std::string& csv, const std::vector<std::vector<std::string>>& cells, const std::string& dir) {
    using namespace domain::imports;
    namespace customers = domain::customers;
    std::printf("\nstages, each alone, single-threaded, over %zu rows:\n", cells.size());
    const auto rate = [&](const char* name, double secs) {
        std::printf("  %-44s %8.2f s  %10.0f rows/s  %6.2f us/row\n", name, secs,
                    static_cast<double>(cells.size()) / secs, secs * 1e6 / static_cast<double>(cells.size()));
    };
    {
        const auto start = Clock::now();
        CsvReader reader({',', Encoding::Utf8});
        CsvRecord record;
        std::size_t n = 0;
        for (std::size_t at = 0; at < csv.size(); at += 64 * 1024) {
            reader.feed(std::string_view(csv).substr(at, 64 * 1024));
            while (reader.next(record)) ++n;
        }
        reader.finish();
        while (reader.next(record)) ++n;
        rate("CSV parsing (CsvReader)", seconds_since(start));
    }
    Workspace w = open_workspace("sqlite:" + dir + "/stages.db");
    auto& svc = w.services->get<domain::customers::CustomerService>();
    const auto defs = must(svc.custom_fields(w.owner, customers::EntityType::Person), "defs");
    const auto mapping = must(parse_mapping(mapping_request(), customers::EntityType::Person,
                                            std::vector<std::string>(std::begin(kHeader), std::end(kHeader)), defs),
                              "mapping");
    std::vector<customers::CustomerInput> inputs;
    inputs.reserve(cells.size());
    {
        const auto start = Clock::now();
        for (const auto& r : cells) inputs.push_back(row_input(r, mapping));
        rate("row -> CustomerInput (row_input, JSON)", seconds_since(start));
    }
    {
        const auto start = Clock::now();
        std::size_t ok = 0;
        for (const auto& r : cells) {
            if (r.size() > 6 && !r[4].empty()) ok += domain::customers::to_e164(r[4], r[6]).has_value();
        }
        rate("phone parsing alone (to_e164)", seconds_since(start));
    }
    const auto context = must(svc.write_context(w.owner, customers::EntityType::Person), "context");
    customers::Source source{customers::SourceKind::Import, "import:1:people.csv", customers::DataKind::FirstParty};
    std::vector<customers::RecordWrite> writes;
    writes.reserve(inputs.size());
    {
        const auto start = Clock::now();
        for (const auto& in : inputs) {
            auto wr = svc.prepare_create(w.owner, context, customers::EntityType::Person, in, source);
            if (wr) writes.push_back(std::move(*wr));
        }
        rate("validate + normalise (prepare_create)", seconds_since(start));
    }
    std::size_t changes = 0;
    for (const auto& wr : writes) changes += wr.changes.size();
    std::printf("  (%zu valid rows, %.1f fields set per record: a history row each, one provenance row)\n",
                writes.size(), static_cast<double>(changes) / static_cast<double>(writes.size()));
    // Writes every prepared record in transactions of 5,000 (the import's batch size).
    const auto write_all = [&](const char* name) {
        const auto start = Clock::now();
        for (std::size_t at = 0; at < writes.size(); at += 5000) {
            const std::vector<customers::RecordWrite> batch(
                writes.begin() + static_cast<std::ptrdiff_t>(at),
                writes.begin() + static_cast<std::ptrdiff_t>(std::min(writes.size(), at + 5000)));
            auto st = storage::write_transaction(w.services->database(), [&](storage::Connection& c) -> Status {
                return storage::write_records(c, batch, {});
            });
            if (!st) {
                std::fprintf(stderr, "write: %s\n", st.error().detail.c_str());
                std::exit(1);
            }
        }
        rate(name, seconds_since(start));
    };
    // Each pass writes the records again under new ids, into a table that holds the earlier passes.
    const auto renumber = [&](bool keep_changes) {
        for (auto& wr : writes) {
            wr.record.id += std::int64_t{1} << 58;
            if (!keep_changes) wr.changes.clear();
        }
    };
    write_all("SQL: write_records, 5,000 per transaction");
    renumber(true);
    write_all("SQL: the same again (table not empty)");
    renumber(false);
    write_all("SQL: the same, no provenance/history rows");
    // Diagnosis only, not product paths: without the name vocabulary's trigger, then without
    // the search index's too.
    const auto drop_trigger = [&](const char* name) {
        auto lease = must(w.services->database().acquire(storage::Access::Write), "lease");
        (void)lease->execute_script(std::string("DROP TRIGGER ") + name);
    };
    drop_trigger("people_terms_insert");
    renumber(false);
    write_all("SQL: the same, no name-vocabulary trigger (diagnosis)");
    drop_trigger("people_search_insert");
    {
        auto lease = must(w.services->database().acquire(storage::Access::Write), "lease");
        (void)lease->execute_script(
            "CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN "
            "INSERT INTO search_index (rowid, ws, title, body, entity_type, owner_user_id, team_id) VALUES ("
            "new.person_id, 'w' || new.workspace_id, new.first_name || ' ' || new.last_name,"
            "coalesce(new.email, '') || ' ' || coalesce(new.phone, '') || ' ' || coalesce(new.city, '') || ' ' ||"
            "coalesce(new.external_id, ''), 'person', new.owner_user_id, new.team_id); END");
    }
    renumber(false);
    write_all("SQL: the same, search index without trigrams (diagnosis)");
    drop_trigger("people_search_insert");
    renumber(false);
    write_all("SQL: the same, no search triggers either (diagnosis)");
}

}  // namespace

int main(int argc, char** argv) {
    std::int64_t rows = 1'000'000;
    std::string dir, database;
    bool with_stages = false, keep = false, skip_raw = false, schema_raw_too = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rows" && i + 1 < argc) {
            rows = std::atoll(argv[++i]);
        } else if (a == "--dir" && i + 1 < argc) {
            dir = argv[++i];
        } else if (a == "--database" && i + 1 < argc) {
            database = argv[++i];
        } else if (a == "--stages") {
            with_stages = true;
        } else if (a == "--keep") {
            keep = true;
        } else if (a == "--skip-raw") {
            skip_raw = true;
        } else if (a == "--no-schema-raw") {
            schema_raw_too = false;
        } else {
            std::fprintf(stderr,
                         "usage: import_1m [--rows N] [--dir DIR] [--database URL] [--stages] [--keep] [--skip-raw] "
                         "[--no-schema-raw]\n");
            return 2;
        }
    }
    if (dir.empty())
        dir = std::filesystem::temp_directory_path() / ("rapport-import-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    for (const char* f : {"raw.db", "schema.db", "e2e.db", "stages.db"}) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(dir + "/" + f + suffix);
    }

    std::int64_t bad = 0;
    const std::string csv = make_people_csv(rows, bad);
    const std::string csv_path = dir + "/people.csv";
    std::ofstream(csv_path, std::ios::binary) << csv;
    std::printf("file: %s, %" PRId64 " rows, %.1f MB, %" PRId64 " made bad\n", csv_path.c_str(), rows,
                static_cast<double>(csv.size()) / 1e6, bad);
    const auto cells = split_rows(csv);

    // (a) raw
    double raw = 0, schema_raw = 0;
    if (!skip_raw) {
        sqlite3* db = nullptr;
        sqlite3_open((dir + "/raw.db").c_str(), &db);
        exec(db, "PRAGMA journal_mode = WAL;");
        exec(db, kRawTable);
        sqlite3_close(db);
        raw = raw_insert_rate(dir + "/raw.db", cells, 1, 1, 1);
        std::printf("raw prepared INSERT, plain table (PK only), 100k rows/txn: %10.0f rows/s\n", raw);
    }
    if (!skip_raw && schema_raw_too) {
        Workspace w = open_workspace("sqlite:" + dir + "/schema.db");
        const Id ws = w.owner.workspace_id, owner = *w.owner.user_id;
        w.services.reset();
        schema_raw = raw_insert_rate(dir + "/schema.db", cells, ws, owner, 1'000'000'000'000LL);
        std::printf("raw prepared INSERT, product schema (indexes + search triggers): %10.0f rows/s\n", schema_raw);
    }

    // (b) end to end
    if (database.empty()) database = "sqlite:" + dir + "/e2e.db";
    std::printf("end to end into %s\n", database.rfind("sqlite:", 0) == 0 ? database.c_str() : "PostgreSQL");
    Workspace w = open_workspace(database);
    const auto e2e = import_file(w, csv_path);
    const double rate = static_cast<double>(rows) / e2e.seconds;
    const std::int64_t stored = count_people(w);
    std::printf(
        "end to end (domain/imports: read file, upload, mapping, run to completion): %.2f s (upload %.2f s) "
        "%10.0f rows/s\n",
        e2e.seconds, e2e.upload_seconds, rate);
    std::printf("  CPU time of the import: %.2f s (%.1f us per row, all threads)\n", e2e.cpu_seconds,
                e2e.cpu_seconds * 1e6 / static_cast<double>(rows));
    std::printf(
        "  status %s, created %" PRId64 ", updated %" PRId64 ", rejected %" PRId64 ", people stored %" PRId64 "\n",
        std::string(to_string(e2e.job.status)).c_str(), e2e.job.created, e2e.job.updated, e2e.job.rejected, stored);
    const double ratio = raw > 0 ? rate / raw : 0;
    std::printf("ratio end to end / raw: %.1f%%\n", ratio * 100.0);
    std::printf("%s  >= 100,000 rows/s end to end (%.0f)\n", rate >= 100000 ? "PASS" : "MISS", rate);
    std::printf("%s  >= 50%% of raw (%.1f%%)\n", ratio >= 0.5 ? "PASS" : "MISS", ratio * 100.0);
    const bool consistent = e2e.job.status == domain::imports::ImportStatus::Completed &&
                            e2e.job.created + e2e.job.rejected == rows && stored == e2e.job.created;
    if (!consistent) std::printf("ERROR: the import's counts do not add up\n");
    w.services.reset();

    if (with_stages) stages(csv, cells, dir);
    if (!keep) std::filesystem::remove_all(dir);
    return consistent ? 0 : 1;
}
