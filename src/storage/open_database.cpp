#include "storage/database.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace rapport::storage {

Result<std::unique_ptr<Database>> open_database(const std::string& url) {
    if (url.rfind("sqlite:", 0) == 0) {
        const std::string path = url.substr(7);
        if (path.empty())
            return fail(
                Error::field("database", "sqlite: URL needs a file path, e.g. sqlite:./rapport-data/rapport.db"));
        auto db = RAPPORT_TRY(sqlite::SqliteDatabase::open(path));
        return std::unique_ptr<Database>(std::move(db));
    }
    if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) {
        return postgres::open_postgres(url);
    }
    return fail(Error::field("database", "unknown database URL '" + url +
                                             "': use sqlite:PATH or postgres://user:password@host:port/dbname"));
}

}  // namespace rapport::storage
