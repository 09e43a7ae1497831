// The app's commands through the real binary: `rapport backup` refuses what it must not do
// (a missing database, the live database as destination, overwriting without --force), a
// second server on one data directory is refused, and the data directory and its files are
// private.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "testlib/test_server.hpp"

#ifndef RAPPORT_BINARY
#error "RAPPORT_BINARY must name the rapport executable"
#endif

namespace rapport::testing {

namespace {

namespace fs = std::filesystem;

struct Ran {
    int code = -1;
    std::string output;  // stdout and stderr together
};

std::vector<char*> c_args(std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    return args;
}

// Runs `rapport <args>` to its end.
Ran rapport(std::vector<std::string> args) {
    args.insert(args.begin(), RAPPORT_BINARY);
    int pipefd[2];
    if (pipe(pipefd) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], STDOUT_FILENO);
        dup2(pipefd[1], STDERR_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        auto argv = c_args(args);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipefd[1]);
    Ran ran;
    char buf[4096];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) ran.output.append(buf, static_cast<std::size_t>(n));
    close(pipefd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    ran.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return ran;
}

// `rapport serve` on an ephemeral port with the given extra arguments, until it listens.
class Serving {
public:
    explicit Serving(const std::vector<std::string>& extra) {
        std::vector<std::string> args = {RAPPORT_BINARY, "serve",     "--listen", "127.0.0.1:0", "--demo",
                                         "false",        "--threads", "1",        "--log-level", "warn"};
        args.insert(args.end(), extra.begin(), extra.end());
        int pipefd[2];
        if (pipe(pipefd) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ == 0) {
            dup2(pipefd[1], STDOUT_FILENO);
            close(pipefd[0]);
            close(pipefd[1]);
            const int null = ::open("/dev/null", O_WRONLY);
            if (null >= 0) dup2(null, STDERR_FILENO);
            auto argv = c_args(args);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(pipefd[1]);
        std::string out;
        char c;
        while (read(pipefd[0], &c, 1) == 1) {
            out.push_back(c);
            if (c == '\n' && out.find("rapport listening on") != std::string::npos) break;
        }
        close(pipefd[0]);
        listening_ = out.find("rapport listening on") != std::string::npos;
    }
    ~Serving() { stop(); }
    Serving(const Serving&) = delete;
    Serving& operator=(const Serving&) = delete;

    bool listening() const { return listening_; }
    int pid() const { return pid_; }
    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
    }

private:
    pid_t pid_ = -1;
    bool listening_ = false;
};

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return 0;
    return st.st_mode & 0777;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class OperationsCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / unique_name("rapport-ops");
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    // A migrated SQLite database in its own data directory.
    fs::path make_database(const std::string& name) {
        const fs::path data = dir_ / name;
        const auto ran = rapport({"migrate", "--data-dir", data.string(), "--log-level", "warn"});
        EXPECT_EQ(ran.code, 0) << ran.output;
        return data;
    }
    fs::path dir_;
};

}  // namespace

TEST_F(OperationsCliTest, BackupRefusesADatabaseThatDoesNotExist) {
    const fs::path missing = dir_ / "mistyped-data-dir";
    const fs::path to = dir_ / "backup.db";
    const auto ran = rapport({"backup", "--to", to.string(), "--data-dir", missing.string()});
    EXPECT_NE(ran.code, 0) << ran.output;
    EXPECT_NE(ran.output.find("no database at"), std::string::npos) << ran.output;
    EXPECT_NE(ran.output.find("--data-dir"), std::string::npos) << ran.output;
    EXPECT_FALSE(fs::exists(missing)) << "the backup created the data directory";
    EXPECT_FALSE(fs::exists(to)) << "the backup wrote a file";

    const auto by_url = rapport({"backup", "--to", to.string(), "--database", "sqlite:" + (dir_ / "no.db").string()});
    EXPECT_NE(by_url.code, 0) << by_url.output;
    EXPECT_FALSE(fs::exists(dir_ / "no.db")) << "the backup created the database";
}

TEST_F(OperationsCliTest, BackupRefusesToWriteOverTheLiveDatabase) {
    const fs::path data = make_database("data");
    const std::string before = read_all(data / "rapport.db");
    for (const fs::path& to : {data / "rapport.db", data / "." / "rapport.db", data / "rapport.db-wal"}) {
        const auto ran = rapport({"backup", "--to", to.string(), "--data-dir", data.string(), "--force"});
        EXPECT_NE(ran.code, 0) << to << ": " << ran.output;
        EXPECT_NE(ran.output.find("live database"), std::string::npos) << ran.output;
    }
    EXPECT_EQ(read_all(data / "rapport.db"), before);
}

TEST_F(OperationsCliTest, BackupOverwritesOnlyWithForce) {
    const fs::path data = make_database("data");
    const fs::path to = dir_ / "existing.db";
    std::ofstream(to) << "an older backup, or any file";
    const auto refused = rapport({"backup", "--to", to.string(), "--data-dir", data.string()});
    EXPECT_NE(refused.code, 0) << refused.output;
    EXPECT_NE(refused.output.find("already exists"), std::string::npos) << refused.output;
    EXPECT_NE(refused.output.find("--force"), std::string::npos) << refused.output;
    EXPECT_EQ(read_all(to), "an older backup, or any file");

    const auto forced = rapport({"backup", "--to", to.string(), "--data-dir", data.string(), "--force"});
    EXPECT_EQ(forced.code, 0) << forced.output;
    EXPECT_EQ(read_all(to).substr(0, 15), "SQLite format 3");
    for (const auto& entry : fs::directory_iterator(dir_)) {
        EXPECT_EQ(entry.path().string().find(".partial-"), std::string::npos) << "left behind: " << entry.path();
    }
}

TEST_F(OperationsCliTest, BackupIsAPrivateCopyOfTheDatabase) {
    const fs::path data = make_database("data");
    const fs::path to = dir_ / "copy.db";
    const auto ran = rapport({"backup", "--to", to.string(), "--data-dir", data.string()});
    ASSERT_EQ(ran.code, 0) << ran.output;
    EXPECT_EQ(read_all(to).substr(0, 15), "SQLite format 3");
    EXPECT_EQ(mode_of(to), 0600u);
    // The copy is a database rapport opens.
    const auto migrated = rapport({"migrate", "--database", "sqlite:" + to.string(), "--log-level", "warn"});
    EXPECT_EQ(migrated.code, 0) << migrated.output;
}

TEST_F(OperationsCliTest, ASecondServerOnOneDataDirectoryIsRefused) {
    const fs::path data = dir_ / "shared";
    Serving first({"--data-dir", data.string()});
    ASSERT_TRUE(first.listening());
    const auto second = rapport({"serve", "--listen", "127.0.0.1:0", "--data-dir", data.string(), "--demo", "false"});
    EXPECT_NE(second.code, 0) << second.output;
    EXPECT_NE(second.output.find("already using the data directory"), std::string::npos) << second.output;
    EXPECT_NE(second.output.find(fs::absolute(data).lexically_normal().string()), std::string::npos) << second.output;
    EXPECT_NE(second.output.find("process " + std::to_string(first.pid())), std::string::npos) << second.output;
    EXPECT_EQ(second.output.find("rapport listening on"), std::string::npos) << second.output;

    // The lock dies with its server, however it ends: a crash leaves nothing stale.
    kill(first.pid(), SIGKILL);
    first.stop();
    Serving third({"--data-dir", data.string()});
    EXPECT_TRUE(third.listening());
}

TEST_F(OperationsCliTest, DataDirectoryAndDatabaseFilesArePrivate) {
    const fs::path data = dir_ / "private";
    Serving server({"--data-dir", data.string()});
    ASSERT_TRUE(server.listening());
    EXPECT_EQ(mode_of(data), 0700u);
    for (const char* name : {"rapport.db", "rapport.db-wal", "rapport.db-shm", "rapport.lock"}) {
        ASSERT_TRUE(fs::exists(data / name)) << name;
        EXPECT_EQ(mode_of(data / name), 0600u) << name;
    }
}

}  // namespace rapport::testing
