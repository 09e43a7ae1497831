#include "storage/sqlite/placeholders.hpp"

#include <cctype>

namespace rapport::storage::sqlite {

namespace {

// Calls on_text(run) for SQL text and on_parameter(number) for each $N outside string
// literals, quoted identifiers and comments.
template <class Text, class Parameter>
void scan(std::string_view sql, Text on_text, Parameter on_parameter) {
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {  // copy a quoted run verbatim ('' and "" escape themselves)
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
            on_text(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            on_text(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            std::size_t end = i + 1;
            std::size_t number = 0;
            while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) {
                number = number * 10 + static_cast<std::size_t>(sql[end] - '0');
                ++end;
            }
            on_parameter(sql.substr(i + 1, end - i - 1), number);
            i = end - 1;
        } else {
            on_text(sql.substr(i, 1));
        }
    }
}

}  // namespace

std::string rewrite_placeholders(std::string_view sql) {
    // When the parameters appear once each as $1, $2, ... in order, plain '?' numbers them
    // the same way, and SQLite prepares it without looking each ?N up among the earlier
    // ones (a cost quadratic in the count, which multi-row INSERTs of thousands of
    // parameters would otherwise pay).
    bool sequential = true;
    std::size_t expected = 1;
    scan(
        sql, [](std::string_view) {},
        [&](std::string_view, std::size_t number) { sequential = sequential && number == expected++; });
    std::string out;
    out.reserve(sql.size());
    scan(
        sql, [&](std::string_view text) { out.append(text); },
        [&](std::string_view digits, std::size_t) {
            out.push_back('?');
            if (!sequential) out.append(digits);
        });
    return out;
}

}  // namespace rapport::storage::sqlite
