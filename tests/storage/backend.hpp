#pragma once
// Storage tests run on every engine: SQLite on a temporary file always, PostgreSQL when
// RAPPORT_TEST_POSTGRES_URL names a server (the test command always sets it), each test
// on a fresh database.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace rapport::storage::testing {

inline std::vector<std::string> backends() {
    std::vector<std::string> out = {"sqlite"};
    if (const char* pg = std::getenv("RAPPORT_TEST_POSTGRES_URL"); pg && *pg) out.push_back("postgres");
    return out;
}

inline std::string random_suffix() {
    static std::mt19937_64 rng{std::random_device{}()};
    return std::to_string(rng() % 1000000000ULL);
}

// Opens a fresh, empty database of `backend`; the returned cleanup removes it.
class FreshDatabase {
public:
    explicit FreshDatabase(const std::string& backend) {
        if (backend == "sqlite") {
            path_ = (std::filesystem::temp_directory_path() / ("rapport-storage-" + random_suffix() + ".db")).string();
            url_ = "sqlite:" + path_;
        } else {
            const std::string admin = std::getenv("RAPPORT_TEST_POSTGRES_URL");
            auto db = open_database(admin);
            if (!db) throw std::runtime_error(db.error().detail);
            name_ = "rapport_s_" + random_suffix();
            auto lease = (*db)->acquire(Access::Write);
            auto st = (*lease)->execute_script("CREATE DATABASE " + name_);
            if (!st) throw std::runtime_error(st.error().detail);
            url_ = admin.substr(0, admin.rfind('/') + 1) + name_;
        }
        auto db = open_database(url_);
        if (!db) throw std::runtime_error(db.error().detail);
        db_ = std::move(*db);
    }
    ~FreshDatabase() {
        db_.reset();
        if (!name_.empty()) {
            auto admin = open_database(std::getenv("RAPPORT_TEST_POSTGRES_URL"));
            if (admin) {
                auto lease = (*admin)->acquire(Access::Write);
                if (lease) (void)(*lease)->execute_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
            }
        }
        if (!path_.empty()) {
            for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
        }
    }
    Database& db() { return *db_; }
    const std::string& url() const { return url_; }
    void reopen() {
        db_.reset();
        db_ = std::move(*open_database(url_));
    }

private:
    std::string path_, name_, url_;
    std::unique_ptr<Database> db_;
};

class BackendTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        fresh_ = std::make_unique<FreshDatabase>(GetParam());
        auto report = migrate(db());
        ASSERT_TRUE(report) << report.error().detail;
    }
    Database& db() { return fresh_->db(); }
    std::unique_ptr<FreshDatabase> fresh_;
};

}  // namespace rapport::storage::testing
