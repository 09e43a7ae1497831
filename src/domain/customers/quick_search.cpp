#include "domain/customers/quick_search.hpp"

#include "core/utf8.hpp"

namespace rapport::domain::customers {

std::vector<std::string> quick_words(std::string_view q, std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    std::string word;
    bool too_long = false;
    const auto flush = [&] {
        if (word.empty()) return;
        if (code_points(word) > kMaxQuickWordLength) too_long = true;
        out.push_back(std::move(word));
        word.clear();
    };
    for (char ch : q) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            flush();
        } else {
            word.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
        }
    }
    flush();
    if (too_long) {
        errors.push_back(FieldError::localized("?q", "lists.quick_search_word_too_long",
                                               {{"max", std::to_string(kMaxQuickWordLength)}}));
    }
    if (out.size() > kMaxQuickWords) {
        errors.push_back(FieldError::localized("?q", "lists.quick_search_too_many_words",
                                               {{"max", std::to_string(kMaxQuickWords)}}));
    }
    return out;
}

const std::vector<std::string>& quick_search_fields(EntityType type) {
    static const std::vector<std::string> company = {"legal_name", "trade_name", "email"};
    static const std::vector<std::string> person = {"first_name", "last_name", "email"};
    return type == EntityType::Company ? company : person;
}

}  // namespace rapport::domain::customers
