#include "testlib/test_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "storage/database.hpp"

#ifndef RAPPORT_BINARY
#error "RAPPORT_BINARY must name the rapport executable"
#endif

namespace rapport::testing {

namespace {

std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

// Creates a fresh PostgreSQL database on the test server and returns its URL.
std::string fresh_postgres_database(const std::string& admin_url) {
    const std::string name = unique_name("rapport_t");
    auto db = storage::open_database(admin_url);
    if (!db) throw std::runtime_error("cannot reach test PostgreSQL: " + db.error().detail);
    auto lease = (*db)->acquire(storage::Access::Write);
    if (!lease) throw std::runtime_error(lease.error().detail);
    auto st = (*lease)->execute_script("CREATE DATABASE " + name);
    if (!st) throw std::runtime_error("CREATE DATABASE failed: " + st.error().detail);
    const auto slash = admin_url.rfind('/');
    return admin_url.substr(0, slash + 1) + name;
}

int run_capture(const std::vector<std::string>& argv, std::string& out) {
    int pipefd[2];
    if (pipe(pipefd) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], STDOUT_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(pipefd[1]);
    char buf[4096];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    close(pipefd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string unique_name(const std::string& prefix) {
    static std::mt19937_64 rng{std::random_device{}()};
    std::ostringstream s;
    s << prefix << "_" << getpid() << "_" << std::hex << (rng() & 0xffffffffffULL);
    return s.str();
}

TestServer::TestServer(TestServerOptions options) {
    dir_ = (std::filesystem::temp_directory_path() / unique_name("rapport-test")).string();
    std::filesystem::create_directories(dir_);
    const std::string backend = env_or("RAPPORT_TEST_BACKEND", "sqlite");
    if (backend == "postgres") {
        const std::string admin = env_or("RAPPORT_TEST_POSTGRES_URL", "");
        if (admin.empty()) throw std::runtime_error("RAPPORT_TEST_BACKEND=postgres needs RAPPORT_TEST_POSTGRES_URL");
        database_url_ = fresh_postgres_database(admin);
    } else {
        database_url_ = "sqlite:" + dir_ + "/rapport.db";
    }

    std::vector<std::string> argv = {RAPPORT_BINARY, "serve",       "--listen",    "127.0.0.1:0",
                                     "--database",   database_url_, "--demo",      options.demo ? "true" : "false",
                                     "--threads",    "2",           "--log-level", "warn"};
    for (const auto& a : options.extra_args) argv.push_back(a);

    int pipefd[2];
    if (pipe(pipefd) != 0) throw std::runtime_error("pipe failed");
    const std::string log = dir_ + "/server.log";
    pid_ = fork();
    if (pid_ == 0) {
        dup2(pipefd[1], STDOUT_FILENO);
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) dup2(fd, STDERR_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(pipefd[1]);
    // Read stdout until the listen line tells the port.
    std::string out;
    char c;
    const std::string marker = "rapport listening on http://127.0.0.1:";
    while (read(pipefd[0], &c, 1) == 1) {
        out.push_back(c);
        if (c == '\n') {
            const auto at = out.find(marker);
            if (at != std::string::npos) {
                port_ = static_cast<unsigned short>(std::stoi(out.substr(at + marker.size())));
                break;
            }
        }
    }
    close(pipefd[0]);
    if (port_ == 0) {
        std::ifstream in(log);
        std::stringstream s;
        s << in.rdbuf();
        stop();
        throw std::runtime_error("rapport serve did not start; its log:\n" + s.str());
    }
}

TestServer::~TestServer() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

int TestServer::stop() {
    if (pid_ <= 0) return 0;
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 300; ++i) {  // up to 15 s
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return -1;
}

void TestServer::kill_now() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string TestServer::cli(const std::vector<std::string>& args, int* exit_code) const {
    std::vector<std::string> argv = {RAPPORT_BINARY};
    for (const auto& a : args) argv.push_back(a);
    argv.push_back("--database");
    argv.push_back(database_url_);
    argv.push_back("--log-level");
    argv.push_back("warn");
    std::string out;
    const int code = run_capture(argv, out);
    if (exit_code) *exit_code = code;
    return out;
}

TestServer::Workspace TestServer::bootstrap(const std::string& name) {
    Workspace ws;
    ws.slug = name;
    ws.owner_email = "owner@" + name + ".test";
    ws.password = "correct horse battery";
    int code = 0;
    const auto out = cli({"admin", "bootstrap", "--workspace", name, "--email", ws.owner_email, "--password",
                          ws.password, "--name", "Owner of " + name},
                         &code);
    if (code != 0) throw std::runtime_error("bootstrap failed: " + out);
    return ws;
}

std::string TestServer::api_key(const std::string& workspace, const std::string& role) {
    int code = 0;
    const auto out =
        cli({"admin", "create-api-key", "--workspace", workspace, "--name", "test " + role, "--role", role}, &code);
    if (code != 0) throw std::runtime_error("create-api-key failed: " + out);
    auto trimmed = out;
    while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
    return trimmed.substr(trimmed.rfind('\n') + 1);
}

HttpClient signed_in_client(const TestServer& server, const std::string& email, const std::string& password) {
    HttpClient client = server.client();
    auto res = client.post("/api/v1/auth/login", {{"email", email}, {"password", password}});
    if (res.status != 200) throw std::runtime_error("login failed: " + res.body);
    const std::string cookie = res.header("set-cookie");
    client.set_default_header("Cookie", cookie.substr(0, cookie.find(';')));
    client.set_default_header("X-CSRF-Token", res.json()["csrf_token"].get<std::string>());
    return client;
}

}  // namespace rapport::testing
