#pragma once
// `rapport serve` started again on the database of a TestServer that was killed (kill -9 as a
// crash): the same arguments as the fixture's server, a new port. Stopped (SIGTERM, then
// SIGKILL) when destroyed.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "testlib/test_server.hpp"

namespace rapport::testing {

class RelaunchedServer {
public:
    RelaunchedServer(const std::string& database_url, const std::string& log_file) {
        const std::vector<std::string> argv = {RAPPORT_BINARY, "serve",      "--listen",    "127.0.0.1:0",
                                               "--database",   database_url, "--demo",      "false",
                                               "--threads",    "2",          "--log-level", "warn"};
        int pipefd[2];
        if (pipe(pipefd) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ == 0) {
            dup2(pipefd[1], STDOUT_FILENO);
            const int fd = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
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
        std::string out;
        char c;
        const std::string marker = "rapport listening on http://127.0.0.1:";
        while (read(pipefd[0], &c, 1) == 1) {
            out.push_back(c);
            const auto at = out.find(marker);
            if (c == '\n' && at != std::string::npos) {
                port_ = static_cast<unsigned short>(std::stoi(out.substr(at + marker.size())));
                break;
            }
        }
        close(pipefd[0]);
        if (port_ == 0) {
            stop();
            throw std::runtime_error("rapport serve did not start again; see " + log_file);
        }
    }
    ~RelaunchedServer() { stop(); }
    RelaunchedServer(const RelaunchedServer&) = delete;
    RelaunchedServer& operator=(const RelaunchedServer&) = delete;

    HttpClient client() const { return HttpClient("127.0.0.1", port_); }
    HttpClient signed_in(const std::string& email, const std::string& password) const {
        HttpClient c = client();
        auto res = c.post("/api/v1/auth/login", {{"email", email}, {"password", password}});
        if (res.status != 200) throw std::runtime_error("login failed: " + res.body);
        const std::string cookie = res.header("set-cookie");
        c.set_default_header("Cookie", cookie.substr(0, cookie.find(';')));
        c.set_default_header("X-CSRF-Token", res.json()["csrf_token"].get<std::string>());
        return c;
    }

    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 300; ++i) {  // up to 15 s
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        pid_ = -1;
    }

private:
    pid_t pid_ = -1;
    unsigned short port_ = 0;
};

}  // namespace rapport::testing
