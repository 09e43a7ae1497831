#include "app/data_dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace rapport::app {

namespace {

// The process id the holder wrote, or "" when unreadable (it may be writing it right now).
std::string holder_pid(int fd) {
    char buf[32] = {};
    const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return "";
    std::string pid(buf, static_cast<std::size_t>(n));
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) return "";
    return pid;
}

}  // namespace

Result<DataDirLock> DataDirLock::acquire(const std::filesystem::path& dir) {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(dir, ec).lexically_normal();
    const std::string shown = ec ? dir.string() : absolute.string();
    const std::string path = (dir / kFileName).string();
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail(Error::unavailable("cannot open the lock file " + path + ": " + std::strerror(errno) +
                                       " (the data directory must be writable)"));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        const std::string pid = holder_pid(fd);
        ::close(fd);
        if (err == EWOULDBLOCK) {
            return fail(Error::conflict("another rapport server" + (pid.empty() ? "" : " (process " + pid + ")") +
                                        " is already using the data directory " + shown +
                                        "; stop it first, or give this server its own --data-dir"));
        }
        return fail(Error::unavailable("cannot lock " + path + ": " + std::strerror(err)));
    }
    // Best effort: the pid only makes a second server's message more helpful.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, pid.data(), pid.size(), 0);
    return DataDirLock(fd);
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DataDirLock& DataDirLock::operator=(DataDirLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

DataDirLock::~DataDirLock() {
    // Closing the last descriptor of the open file releases the flock.
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace rapport::app
