#pragma once
// Starts the real `rapport serve` binary on 127.0.0.1 with an ephemeral port and its own
// database, and stops it (SIGTERM) when destroyed.
//
// The backend comes from RAPPORT_TEST_BACKEND: "sqlite" (default) or "postgres"; for
// PostgreSQL, RAPPORT_TEST_POSTGRES_URL names a server where each TestServer creates a
// fresh database.
#include <string>
#include <vector>

#include "testlib/http_client.hpp"

namespace rapport::testing {

struct TestServerOptions {
    std::vector<std::string> extra_args;  // e.g. {"--body-limit", "1024"}
    bool demo = false;
};

class TestServer {
public:
    explicit TestServer(TestServerOptions options = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    unsigned short port() const { return port_; }
    HttpClient client() const { return HttpClient("127.0.0.1", port_); }
    const std::string& database_url() const { return database_url_; }

    // Runs `rapport <args> --database <this server's database>` and returns its stdout.
    std::string cli(const std::vector<std::string>& args, int* exit_code = nullptr) const;

    // Creates a workspace with an owner via the CLI; returns a client signed in as that owner
    // with a session cookie and CSRF header set.
    struct Workspace {
        std::string slug;
        std::string owner_email;
        std::string password;
    };
    Workspace bootstrap(const std::string& name);
    // An API key for the workspace with `role` (CLI), returned as the raw token.
    std::string api_key(const std::string& workspace, const std::string& role);

    // Sends SIGTERM and waits for exit; returns the exit status.
    int stop();
    // Kills the server outright (SIGKILL, as a crash or `kill -9`) and waits for it.
    void kill_now();
    int pid() const { return pid_; }

private:
    int pid_ = -1;
    unsigned short port_ = 0;
    std::string dir_;
    std::string database_url_;
};

// A client that logged in with email/password; sets cookie and CSRF headers.
HttpClient signed_in_client(const TestServer& server, const std::string& email, const std::string& password);

std::string unique_name(const std::string& prefix);

}  // namespace rapport::testing
