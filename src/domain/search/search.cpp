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

int edit_distance(std::string_view a, std::string_view b, int cap) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > cap) return cap + 1;
    // Three rows of the distance matrix: a swap looks two rows back.
    std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
    for (int j = 0; j <= m; ++j) previous[j] = j;
    for (int i = 1; i <= n; ++i) {
        current[0] = i;
        int row_best = current[0];
        for (int j = 1; j <= m; ++j) {
            const int replace = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + replace});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
            row_best = std::min(row_best, current[j]);
        }
        if (row_best > cap) return cap + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], cap + 1);
}

bool is_typo_of(std::string_view word, std::string_view term) {
    constexpr double kAlike = 0.45;
    if (word == term || term.size() < 4) return false;
    const int allowed = term.size() >= 8 ? 2 : 1;
    return edit_distance(word, term, allowed) <= allowed || trigram_similarity(word, term) >= kAlike;
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
