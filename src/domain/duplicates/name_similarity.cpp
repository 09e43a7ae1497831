#include "domain/duplicates/name_similarity.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/latin_fold.hpp"

namespace rapport::domain::duplicates {

namespace {

// Legal forms and filler words of company names in the four languages, after dots are dropped.
constexpr std::string_view kLegalForms[] = {
    "spa",      "srl",          "srls",        "sas",      "snc",     "sapa", "scarl",      "scrl",
    "sl",       "slu",          "sa",          "sau",      "lda",     "ltda", "unipessoal", "ltd",
    "limited",  "gmbh",         "ag",          "inc",      "llc",     "plc",  "co",         "company",
    "corp",     "sociedad",     "anonima",     "limitada", "societa", "per",  "azioni",     "responsabilita",
    "limitata", "semplificata", "cooperativa", "coop",     "de",      "di",   "e",          "y",
    "and",      "the",          "il",          "la",
};

bool is_legal_form(std::string_view word) {
    return std::find(std::begin(kLegalForms), std::end(kLegalForms), word) != std::end(kLegalForms);
}

}  // namespace

std::string normalize_name(std::string_view text, bool company) {
    // Accents folded first; then any byte but a letter or digit separates words (names beyond
    // Latin-1 still compare by their ASCII parts, which is what blocking and scoring can use).
    const std::string latin = fold_latin(text);
    std::string folded;
    folded.reserve(latin.size());
    for (const char ch : latin) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '.' || c == '\'') continue;  // "S.p.A." -> "SpA", "D'Angelo" -> "DAngelo"
        folded += (c < 0x80 && std::isalnum(c)) ? static_cast<char>(c) : ' ';
    }
    std::string out;
    out.reserve(folded.size());
    std::size_t at = 0;
    while (at < folded.size()) {
        while (at < folded.size() && folded[at] == ' ') ++at;
        std::size_t end = at;
        while (end < folded.size() && folded[end] != ' ') ++end;
        if (end > at) {
            const std::string_view word(folded.data() + at, end - at);
            if (!company || !is_legal_form(word)) {
                if (!out.empty()) out += ' ';
                out += word;
            }
        }
        at = end;
    }
    // A name made only of legal forms ("S.p.A.") keeps them rather than vanish.
    if (out.empty() && company) return normalize_name(text, false);
    return out;
}

double jaro_winkler(std::string_view a, std::string_view b) {
    // Names longer than this compare by their first kMaxBytes bytes: flags stay on the stack.
    constexpr std::size_t kMaxBytes = 64;
    a = a.substr(0, kMaxBytes);
    b = b.substr(0, kMaxBytes);
    if (a.empty() && b.empty()) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    if (a == b) return 1.0;
    const std::size_t longest = std::max(a.size(), b.size());
    const std::size_t window = longest >= 2 ? longest / 2 - 1 : 0;
    std::array<bool, kMaxBytes> a_matched{}, b_matched{};
    std::size_t matches = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t lo = i > window ? i - window : 0;
        const std::size_t hi = std::min(b.size(), i + window + 1);
        for (std::size_t j = lo; j < hi; ++j) {
            if (b_matched[j] || a[i] != b[j]) continue;
            a_matched[i] = b_matched[j] = true;
            ++matches;
            break;
        }
    }
    if (matches == 0) return 0.0;
    std::size_t transpositions = 0;
    for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
        if (!a_matched[i]) continue;
        while (!b_matched[j]) ++j;
        if (a[i] != b[j]) ++transpositions;
        ++j;
    }
    const double m = static_cast<double>(matches);
    const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                         (m - static_cast<double>(transpositions) / 2.0) / m) /
                        3.0;
    std::size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

std::string phonetic_key(std::string_view normalized) {
    // Soundex digits for a..z.
    static constexpr std::string_view kCodes = "01230120022455012623010202";
    std::string out;
    char last = 0;
    for (const char c : normalized) {
        if (c == ' ') break;  // first word only
        if (c < 'a' || c > 'z') {
            if (out.empty()) out += c;  // a leading digit keys by itself
            continue;
        }
        const char code = kCodes[static_cast<std::size_t>(c - 'a')];
        if (out.empty()) {
            out += c;
            last = code;
            continue;
        }
        if (code != '0' && code != last) out += code;
        if (c != 'h' && c != 'w') last = code;
        if (out.size() == 3) break;
    }
    if (out.empty()) return out;
    while (out.size() < 3) out += '0';
    return out;
}

}  // namespace rapport::domain::duplicates
