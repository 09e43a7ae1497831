#include "storage/sqlite/sqlite_errors.hpp"

namespace rapport::storage::sqlite {

Error map_error(sqlite3* db, int rc, const std::string& context) {
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (extended) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return Error::localized(ErrorCode::Conflict, "common.db_unique", {{"detail", message}});
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return Error::localized(ErrorCode::Validation, "common.db_reference", {{"detail", message}});
        case SQLITE_CONSTRAINT_NOTNULL:
        case SQLITE_CONSTRAINT_CHECK:
            return Error::localized(ErrorCode::Validation, "common.db_rule", {{"detail", message}});
        default: break;
    }
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return Error::localized(ErrorCode::Unavailable, "common.db_busy");
        case SQLITE_FULL:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY: return Error::unavailable("the database cannot be written: " + message);
        default: return Error::internal(context + ": " + message);
    }
}

}  // namespace rapport::storage::sqlite
