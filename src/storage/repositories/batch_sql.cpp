#include "storage/repositories/batch_sql.hpp"

namespace rapport::storage {

namespace {

constexpr std::size_t kChunkRows[] = {64, 8, 1};

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

Status insert_rows(Connection& c, const std::string& head, std::size_t width, const std::string& tail,
                   const std::vector<Params>& rows) {
    std::size_t at = 0;
    Params params;
    for (const std::size_t chunk : kChunkRows) {
        if (rows.size() - at < chunk) continue;
        const std::string sql = head + " VALUES " + placeholder_rows(chunk, width) + tail;
        while (rows.size() - at >= chunk) {
            params.clear();
            params.reserve(chunk * width);
            for (std::size_t r = at; r < at + chunk; ++r) params.insert(params.end(), rows[r].begin(), rows[r].end());
            RAPPORT_CHECK(c.execute(sql, params));
            at += chunk;
        }
    }
    return {};
}

}  // namespace rapport::storage
