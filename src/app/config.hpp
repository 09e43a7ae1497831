#pragma once
// Settings, from (highest precedence first) command-line flags, RAPPORT_* environment
// variables, an optional config file (key = value lines, --config or RAPPORT_CONFIG),
// and built-in defaults. Zero configuration works: SQLite in ./rapport-data.
#include <chrono>
#include <string>

namespace rapport::app {

struct Config {
    std::string listen = "127.0.0.1:8080";
    std::string data_dir = "./rapport-data";
    std::string database;  // empty: sqlite:<data_dir>/rapport.db
    std::string web_root;  // empty: the first of ./web/dist, <exe>/../share/rapport/web
    std::string log_level = "info";
    bool access_log = true;
    bool load_demo = true;  // load demo data on first start of an empty database
    int threads = 0;
    std::size_t body_limit = 16 * 1024 * 1024;
    int header_timeout_ms = 15000;
    int body_timeout_ms = 60000;
    bool behind_proxy = false;
    // Keep the planner statistics current (after imports, scans and merges, and every few
    // minutes); off only for benchmarks and diagnosis.
    bool maintain_statistics = true;

    std::string database_url() const;
};

}  // namespace rapport::app
