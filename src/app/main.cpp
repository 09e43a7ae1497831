// The `rapport` command: serve, migrate, admin, demo, bench-data, backup.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/backup_command.hpp"
#include "app/bench_data.hpp"
#include "app/config.hpp"
#include "app/data_dir_lock.hpp"
#include "app/demo/demo_data.hpp"
#include "app/logging.hpp"
#include "app/serve.hpp"
#include "app/services.hpp"
#include "core/crypto.hpp"
#include "domain/identity/api_key_service.hpp"
#include "domain/identity/principals.hpp"
#include "domain/identity/validation.hpp"
#include "domain/identity/workspace_bootstrap.hpp"
#include "domain/identity/workspace_repository.hpp"
#include "storage/migrations.hpp"

using namespace rapport;

namespace {

int report(const Error& e) {
    std::fprintf(stderr, "rapport: %s\n", e.detail.c_str());
    for (const auto& f : e.fields) std::fprintf(stderr, "  %s: %s\n", f.pointer.c_str(), f.message.c_str());
    return 1;
}

// Creates `dir` if missing, readable by its owner only (0700): it holds the database.
Status create_data_dir(const std::filesystem::path& dir) {
    std::error_code ec;
    if (dir.empty() || std::filesystem::exists(dir, ec)) return {};
    std::filesystem::create_directories(dir, ec);
    if (!ec) std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    if (ec) return fail(Error::unavailable("cannot create data directory " + dir.string() + ": " + ec.message()));
    return {};
}

// The folder of the SQLite database file, or nothing for PostgreSQL.
std::optional<std::filesystem::path> sqlite_dir(const app::Config& config) {
    const std::string url = config.database_url();
    if (url.rfind("sqlite:", 0) != 0) return std::nullopt;
    const auto dir = std::filesystem::path(url.substr(7)).parent_path();
    return dir.empty() ? std::filesystem::path(".") : dir;
}

Result<std::unique_ptr<app::Services>> open_services(const app::Config& config) {
    if (config.database.empty()) RAPPORT_CHECK(create_data_dir(config.data_dir));
    return app::Services::open(config.database_url());
}

std::optional<Id> workspace_by_name(app::Services& services, const std::string& name) {
    for (const auto& candidate : {name, domain::slugify(name)}) {
        auto ws = services.get<domain::WorkspaceRepository>().find_workspace_by_slug(candidate);
        if (ws && *ws) return (*ws)->workspace_id;
    }
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    crypto::initialize();
    app::Config config;
    CLI::App cli{"Rapport: the CRM whose model of the business is its configuration"};
    cli.set_version_flag("--version", std::string("rapport ") + RAPPORT_VERSION);
    cli.set_config("--config", "", "optional settings file (TOML/INI: key = value)")->envname("RAPPORT_CONFIG");
    cli.require_subcommand(1);
    cli.fallthrough();
    cli.add_option("--data-dir", config.data_dir, "folder for the embedded SQLite database")
        ->envname("RAPPORT_DATA_DIR")
        ->capture_default_str();
    cli.add_option("--database", config.database, "sqlite:PATH or postgres://user:pass@host:port/db")
        ->envname("RAPPORT_DATABASE");
    cli.add_option("--log-level", config.log_level, "trace, debug, info, warn, error")
        ->envname("RAPPORT_LOG_LEVEL")
        ->capture_default_str();

    auto* serve = cli.add_subcommand("serve", "run the web server");
    serve->add_option("--listen", config.listen, "HOST:PORT to listen on")
        ->envname("RAPPORT_LISTEN")
        ->capture_default_str();
    serve->add_option("--web-root", config.web_root, "folder of the built web UI")->envname("RAPPORT_WEB_ROOT");
    serve->add_option("--threads", config.threads, "io threads (0: one per core)")->envname("RAPPORT_THREADS");
    serve->add_option("--body-limit", config.body_limit, "largest request body in bytes")
        ->envname("RAPPORT_BODY_LIMIT")
        ->capture_default_str();
    serve->add_option("--header-timeout-ms", config.header_timeout_ms, "time allowed to send request headers")
        ->envname("RAPPORT_HEADER_TIMEOUT_MS")
        ->capture_default_str();
    serve->add_option("--body-timeout-ms", config.body_timeout_ms, "time allowed to send a request body")
        ->envname("RAPPORT_BODY_TIMEOUT_MS")
        ->capture_default_str();
    serve->add_option("--access-log", config.access_log, "write one log line per request")
        ->envname("RAPPORT_ACCESS_LOG")
        ->capture_default_str();
    serve->add_option("--demo", config.load_demo, "load the demo data on the first start of an empty database")
        ->envname("RAPPORT_DEMO")
        ->capture_default_str();
    serve->add_flag("--behind-proxy", config.behind_proxy, "trust X-Forwarded-Proto/For from a reverse proxy")
        ->envname("RAPPORT_BEHIND_PROXY");
    serve
        ->add_option("--maintain-statistics", config.maintain_statistics,
                     "keep the database's planner statistics current (off only for benchmarks)")
        ->envname("RAPPORT_MAINTAIN_STATISTICS")
        ->capture_default_str();

    cli.add_subcommand("migrate", "apply pending database migrations and exit");

    auto* admin = cli.add_subcommand("admin", "administration");
    admin->require_subcommand(1);
    std::string ws_name, email, password, display_name, key_name, role = "admin";
    auto* bootstrap = admin->add_subcommand("bootstrap", "create a workspace and its owner");
    bootstrap->add_option("--workspace", ws_name, "workspace name")->required();
    bootstrap->add_option("--email", email, "owner's email")->required();
    bootstrap->add_option("--password", password, "owner's password")->required();
    bootstrap->add_option("--name", display_name, "owner's display name");
    auto* create_key = admin->add_subcommand("create-api-key", "create an API key; prints the token last");
    create_key->add_option("--workspace", ws_name, "workspace name or slug")->required();
    create_key->add_option("--name", key_name, "what the key is for")->required();
    create_key->add_option("--role", role, "owner, admin, manager, member or viewer")->capture_default_str();

    cli.add_subcommand("demo", "load the demo data set");
    app::BenchDataOptions bench;
    auto* bench_data = cli.add_subcommand("bench-data", "create a large generated workspace for benchmarks");
    bench_data->add_option("--workspace", bench.workspace, "workspace name")->capture_default_str();
    bench_data->add_option("--people", bench.people, "people to create")->capture_default_str();
    bench_data->add_option("--companies", bench.companies, "companies to create")->capture_default_str();
    bench_data->add_option("--email", bench.owner_email, "owner's email")->capture_default_str();
    bench_data->add_option("--password", bench.owner_password, "owner's password")->capture_default_str();
    bench_data->add_option("--batch", bench.batch, "records per transaction")->capture_default_str();
    bench_data->add_option("--seed", bench.seed, "generator seed")->capture_default_str();
    std::string backup_to;
    bool backup_force = false;
    auto* backup = cli.add_subcommand("backup", "write a consistent copy of the database while it runs");
    backup->add_option("--to", backup_to, "destination file (must not exist unless --force)")->required();
    backup->add_flag("--force", backup_force, "overwrite the destination file if it exists");

    auto* openapi = cli.add_subcommand("openapi", "print the OpenAPI document the server serves, and exit");

    CLI11_PARSE(cli, argc, argv);
    app::setup_logging(config.log_level, config.access_log);

    // Needs no database: the document is assembled from the areas' embedded fragments.
    if (openapi->parsed()) {
        std::printf("%s\n", app::openapi_document_of(app::all_modules(), RAPPORT_VERSION).dump(2).c_str());
        return 0;
    }

    // Before anything opens (and so creates) the database: a backup copies an existing one.
    if (backup->parsed()) {
        auto st = app::run_backup({config.database_url(), backup_to, backup_force});
        if (!st) return report(st.error());
        std::printf("backup written to %s\n", backup_to.c_str());
        return 0;
    }
    // One server per SQLite database: the lock lives until main returns, after the services.
    std::optional<app::DataDirLock> data_dir_lock;
    if (serve->parsed()) {
        if (auto dir = sqlite_dir(config)) {
            if (config.database.empty()) {
                if (auto st = create_data_dir(*dir); !st) return report(st.error());
            }
            auto locked = app::DataDirLock::acquire(*dir);
            if (!locked) return report(locked.error());
            data_dir_lock.emplace(std::move(*locked));
        }
    }

    auto services_or = open_services(config);
    if (!services_or) return report(services_or.error());
    auto& services = **services_or;

    if (serve->parsed()) {
        services.statistics().set_automatic(config.maintain_statistics);
        std::string demo_email, demo_password;
        auto empty = app::demo::database_is_empty(services.database());
        if (!empty) return report(empty.error());
        if (*empty && config.load_demo) {
            spdlog::info("empty database: loading the demo data set (disable with --demo=false)");
            auto loaded = app::demo::load_demo(services);
            if (!loaded) return report(loaded.error());
        }
        // Offer the demo login while the demo account still has its published password.
        auto account = services.get<domain::WorkspaceRepository>().find_account_by_email(app::demo::kOwnerEmail);
        if (account && *account && crypto::verify_password((*account)->password_hash, app::demo::kOwnerPassword)) {
            demo_email = app::demo::kOwnerEmail;
            demo_password = app::demo::kOwnerPassword;
        }
        const int code = app::serve(config, services, demo_email, demo_password);
        spdlog::shutdown();  // flushes the asynchronous access log
        return code;
    }
    if (cli.got_subcommand("migrate")) {
        auto version = storage::current_schema_version(services.database());
        if (!version) return report(version.error());
        std::printf("database %s is at schema version %d\n", services.database().describe().c_str(), *version);
        return 0;
    }
    if (bootstrap->parsed()) {
        auto result = services.get<domain::WorkspaceBootstrap>().bootstrap(ws_name, email, password, display_name);
        if (!result) return report(result.error());
        std::printf("created workspace %s (%s) with owner %s\n", result->workspace.name.c_str(),
                    result->workspace.slug.c_str(), result->owner.email.c_str());
        return 0;
    }
    if (create_key->parsed()) {
        auto ws = workspace_by_name(services, ws_name);
        if (!ws) return report(Error::not_found("no workspace named '" + ws_name + "'"));
        auto parsed_role = domain::parse_role(role);
        if (!parsed_role) return report(Error::field("--role", "must be owner, admin, manager, member or viewer"));
        auto key = services.get<domain::ApiKeyService>().create_api_key(domain::operator_principal(*ws), key_name,
                                                                        *parsed_role, "");
        if (!key) return report(key.error());
        std::printf("created API key %s (%s, role %s); the token is shown once:\n%s\n",
                    id_to_string(key->key.key_id).c_str(), key_name.c_str(), role.c_str(), key->token.c_str());
        return 0;
    }
    if (cli.got_subcommand("demo")) {
        auto result = app::demo::load_demo(services);
        if (!result) return report(result.error());
        std::printf("demo workspace %s: %d users, %d teams, %d companies (%d buyers), %d people (%d consumers)\n",
                    result->workspace_slug.c_str(), result->users, result->teams, result->companies, result->buyers,
                    result->people, result->consumers);
        std::printf("demo login: %s / %s\n", result->owner_email.c_str(), result->owner_password.c_str());
        std::printf("partner login (a buyer's partner user, B2B2C): %s / %s\n", app::demo::kPartnerEmail,
                    result->owner_password.c_str());
        return 0;
    }
    if (bench_data->parsed()) {
        const auto start = std::chrono::steady_clock::now();
        auto result = app::load_bench_data(
            services, bench, [](const std::string& line) { std::fprintf(stderr, "bench-data: %s\n", line.c_str()); });
        if (!result) return report(result.error());
        const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto& r = *result;
        const auto rate = [](std::int64_t n, double s) { return s > 0 ? static_cast<double>(n) / s : 0.0; };
        std::printf("bench workspace %s on %s: %lld companies, %lld people, %lld affiliations, %lld tags\n",
                    r.workspace_slug.c_str(), services.database().describe().c_str(),
                    static_cast<long long>(r.companies), static_cast<long long>(r.people),
                    static_cast<long long>(r.affiliations), static_cast<long long>(r.tags));
        std::printf("records written without a generated value that failed validation: %lld\n",
                    static_cast<long long>(r.records_with_dropped_fields));
        std::printf("generated in %.1f s; companies %.1f s (%.0f rows/s); people %.1f s (%.0f rows/s); total %.1f s\n",
                    r.generate_seconds, r.company_seconds, rate(r.companies, r.company_seconds), r.people_seconds,
                    rate(r.people, r.people_seconds), total);
        return 0;
    }
    return 0;
}
