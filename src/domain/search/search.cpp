#include "domain/search/search.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace rapport::domain::search {

std::vector<std::string> terms_of(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (!current.empty() && out.size() < 8) out.push_back(current);
        current.clear();
    };
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80 || c == '@' || c == '.' || c == '+' || c == '-' || c == '_') {
            current.push_back(static_cast<char>(std::tolower(u)));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

namespace {
std::set<std::string> trigrams(std::string_view s) {
    std::set<std::string> out;
    // pg_trgm pads each word with two spaces in front and one behind.
    std::string word;
    auto add_word = [&] {
        if (word.empty()) return;
        const std::string padded = "  " + word + " ";
        for (std::size_t i = 0; i + 3 <= padded.size(); ++i) out.insert(padded.substr(i, 3));
        word.clear();
    };
    for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        } else {
            add_word();
        }
    }
    add_word();
    return out;
}
}  // namespace

double trigram_similarity(std::string_view a, std::string_view b) {
    const auto ta = trigrams(a), tb = trigrams(b);
    if (ta.empty() || tb.empty()) return 0;
    std::size_t common = 0;
    for (const auto& t : ta) common += tb.count(t);
    return static_cast<double>(common) / static_cast<double>(ta.size() + tb.size() - common);
}

}  // namespace rapport::domain::search
