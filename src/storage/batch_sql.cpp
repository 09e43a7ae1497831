#include "storage/batch_sql.hpp"

#include <iterator>

namespace rapport::storage {

namespace {

// Powers of two: any count is at most ten statements, and each table has at most ten SQL
// strings in a connection's statement cache. Few statements per batch matter beyond their
// own cost: on SQLite each statement that fires the search triggers flushes the FTS5 index's
// pending terms into a new segment, and many small segments cost merges later.
constexpr std::size_t kChunkRows[] = {512, 256, 128, 64, 32, 16, 8, 4, 2, 1};
// Bound parameters per statement. SQLite allows 32,766 and PostgreSQL 65,535, but libpq
// refuses a statement description (4 bytes per parameter) longer than 30,000 bytes as "lost
// synchronization with server".
constexpr std::size_t kMaxParams = 7000;

std::string placeholder_rows(std::size_t rows, std::size_t width) {
    std::string out;
    std::size_t p = 1;
    for (std::size_t r = 0; r < rows; ++r) {
        out += r ? ", (" : "(";
        for (std::size_t i = 0; i < width; ++i) out += (i ? ", $" : "$") + std::to_string(p++);
        out += ')';
    }
    return out;
}

}  // namespace

namespace {

// `take(row)` appends a row's values to a statement's parameters (copied or moved).
template <class Rows, class Take>
Status insert_chunks(Connection& c, const std::string& head, std::size_t width, const std::string& tail, Rows& rows,
                     Take take) {
    std::size_t at = 0;
    Params params;
    for (const std::size_t chunk : kChunkRows) {
        if (rows.size() - at < chunk || chunk * width > kMaxParams) continue;
        const std::string sql = head + " VALUES " + placeholder_rows(chunk, width) + tail;
        while (rows.size() - at >= chunk) {
            params.clear();
            params.reserve(chunk * width);
            for (std::size_t r = at; r < at + chunk; ++r) take(params, rows[r]);
            RAPPORT_CHECK(c.execute(sql, params));
            at += chunk;
        }
    }
    return {};
}

}  // namespace

Status insert_rows(Connection& c, const std::string& head, std::size_t width, const std::string& tail,
                   const std::vector<Params>& rows) {
    return insert_chunks(c, head, width, tail, rows, [](Params& params, const Params& row) {
        params.insert(params.end(), row.begin(), row.end());
    });
}

Status insert_rows(Connection& c, const std::string& head, std::size_t width, const std::string& tail,
                   std::vector<Params>&& rows) {
    return insert_chunks(c, head, width, tail, rows, [](Params& params, Params& row) {
        params.insert(params.end(), std::make_move_iterator(row.begin()), std::make_move_iterator(row.end()));
    });
}

}  // namespace rapport::storage
