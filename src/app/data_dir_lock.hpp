#pragma once
// The lock that keeps a second `rapport serve` off a SQLite database another server is
// using: an exclusive flock(2) on `rapport.lock` in the database's directory (the data
// directory unless --database names a file elsewhere), held until the object dies. The
// file holds the holder's process id, so the refusal can name the other process.
//
// flock locks belong to the open file description: the kernel drops the lock when the
// process ends, however it ends, so a crashed server never leaves a stale lock behind.
// Not thread-safe; one per process.
#include <filesystem>

#include "core/error.hpp"

namespace rapport::app {

class DataDirLock {
public:
    static constexpr const char* kFileName = "rapport.lock";

    // Takes the lock on `dir` (which must exist) without waiting. Conflict when another
    // process holds it, naming the directory and, when it wrote one, that process's id;
    // Unavailable when the lock file cannot be opened.
    static Result<DataDirLock> acquire(const std::filesystem::path& dir);

    DataDirLock(DataDirLock&& other) noexcept;
    DataDirLock& operator=(DataDirLock&& other) noexcept;
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;
    ~DataDirLock();

private:
    explicit DataDirLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace rapport::app
