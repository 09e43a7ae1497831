#include "app/backup_command.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/database.hpp"

namespace rapport::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSqlitePrefix = "sqlite:";

// The path as the file system resolves it (symlinks of its existing part followed).
fs::path resolved(const fs::path& p) {
    std::error_code ec;
    auto r = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? fs::absolute(p).lexically_normal() : r;
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec) && !ec;
    return resolved(a) == resolved(b);
}

Status check_sqlite_source(const fs::path& database) {
    std::error_code ec;
    if (!fs::exists(database, ec)) {
        return fail(Error::validation(
            "no database at " + resolved(database).string() +
            ": rapport backup copies an existing database and creates none; check --data-dir or --database"));
    }
    if (!fs::is_regular_file(database, ec)) {
        return fail(Error::validation(resolved(database).string() + " is not a database file"));
    }
    return {};
}

Status check_target(const fs::path& database, const fs::path& to, bool force) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (same_file(database.string() + suffix, to)) {
            return fail(Error::validation("--to " + to.string() + " is the live database" +
                                          (*suffix ? std::string(" file ") + suffix : std::string()) +
                                          "; write the backup to another file"));
        }
    }
    std::error_code ec;
    if (fs::is_directory(to, ec)) {
        return fail(Error::validation("--to " + to.string() + " is a directory; name the backup file"));
    }
    if (!force && fs::exists(fs::symlink_status(to, ec))) {
        return fail(Error::validation("--to " + to.string() +
                                      " already exists; pass --force to overwrite it, or choose another file"));
    }
    return {};
}

// Moves the finished copy into place: without --force only if nothing appeared under the
// destination's name meanwhile (link fails on an existing name), with it replacing it.
Status move_into_place(const fs::path& temporary, const fs::path& to, bool force) {
    if (force) {
        std::error_code ec;
        fs::rename(temporary, to, ec);
        if (ec) return fail(Error::unavailable("cannot move the backup to " + to.string() + ": " + ec.message()));
        return {};
    }
    if (::link(temporary.c_str(), to.c_str()) != 0) {
        const int err = errno;
        if (err == EEXIST) {
            return fail(
                Error::validation("--to " + to.string() + " appeared during the backup; pass --force to overwrite it"));
        }
        return fail(Error::unavailable("cannot create " + to.string() + ": " + std::strerror(err)));
    }
    std::error_code ec;
    fs::remove(temporary, ec);
    return {};
}

}  // namespace

Status run_backup(const BackupRequest& request) {
    const fs::path to = request.to;
    if (request.database_url.rfind(kSqlitePrefix, 0) == 0) {
        const fs::path database = request.database_url.substr(std::strlen(kSqlitePrefix));
        RAPPORT_CHECK(check_sqlite_source(database));
        RAPPORT_CHECK(check_target(database, to, request.force));
    }
    // Opened without migrating: a backup copies the database as it is.
    auto db = RAPPORT_TRY(storage::open_database(request.database_url));
    const fs::path temporary = to.string() + ".partial-" + std::to_string(::getpid());
    std::error_code ec;
    fs::remove(temporary, ec);
    if (auto st = db->backup_to(temporary.string()); !st) {
        fs::remove(temporary, ec);
        return st;
    }
    if (auto st = move_into_place(temporary, to, request.force); !st) {
        fs::remove(temporary, ec);
        return st;
    }
    return {};
}

}  // namespace rapport::app
