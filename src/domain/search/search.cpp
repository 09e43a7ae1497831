#include "domain/search/search.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "core/latin_fold.hpp"

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

std::optional<double> typo_likeness(std::string_view word, std::string_view term) {
    constexpr double kAlike = 0.45;
    if (word == term || term.size() < 4) return std::nullopt;
    const int allowed = term.size() >= 8 ? 2 : 1;
    const int edits = edit_distance(word, term, 2);
    const double similarity = trigram_similarity(word, term);
    if (edits > allowed && similarity < kAlike) return std::nullopt;
    return (3 - edits) + similarity;
}

bool is_typo_of(std::string_view word, std::string_view term) {
    return typo_likeness(word, term).has_value();
}

namespace {

// Lower-case ASCII words of letters and digits, accents folded (how FTS5's unicode61 splits).
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (const char ch : fold_latin(text)) {
        if (std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) {
            word += ch;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

double term_score(const std::string& term, const std::vector<std::string>& words, const std::string& text, double whole,
                  double begins, double holds) {
    double best = 0;
    for (const auto& w : words) {
        if (w == term) return whole;
        if (w.size() > term.size() && w.compare(0, term.size(), term) == 0) best = begins;
    }
    if (best == 0 && text.find(term) != std::string::npos) best = holds;
    return best;
}

}  // namespace

double match_score(std::string_view title, std::string_view detail, const std::vector<std::string>& terms) {
    const std::string title_text = fold_latin(title), detail_text = fold_latin(detail);
    const auto title_words = words_of(title), detail_words = words_of(detail);
    double score = 0;
    for (const auto& query_term : terms) {
        // A term such as "mario.rossi" is several words to the index; each counts.
        for (const auto& term : words_of(query_term)) {
            score += std::max(term_score(term, title_words, title_text, 10, 6, 0.5),
                              term_score(term, detail_words, detail_text, 2, 1, 0.25));
        }
    }
    return score;
}

}  // namespace rapport::domain::search
