#include "core/messages.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>

namespace rapport::messages {

namespace {

const std::unordered_map<std::string_view, const EmbeddedMessage*>& index() {
    static const auto map = [] {
        std::unordered_map<std::string_view, const EmbeddedMessage*> m;
        for (const EmbeddedMessage* e = generated::kEmbeddedMessages; e->key; ++e) m.emplace(e->key, e);
        return m;
    }();
    return map;
}

std::size_t language_index(std::string_view language) {
    for (std::size_t i = 0; i < kLanguageCount; ++i) {
        if (kLanguages[i] == language) return i;
    }
    return 0;
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The weight of one Accept-Language entry's parameters ("q=0.8"); 1 without one.
double weight(std::string_view params) {
    while (!params.empty()) {
        const auto semi = params.find(';');
        std::string_view p = trim(params.substr(0, semi));
        if (p.size() > 2 && lower(p[0]) == 'q' && p[1] == '=') {
            const std::string value(p.substr(2));
            char* end = nullptr;
            const double q = std::strtod(value.c_str(), &end);
            if (end == value.c_str()) return 0;
            return std::clamp(q, 0.0, 1.0);
        }
        if (semi == std::string_view::npos) break;
        params.remove_prefix(semi + 1);
    }
    return 1;
}

// Plural messages: a message that counts something is defined as "<key>_one" and "<key>_other"
// and rendered (and known to has()) by its base key; the `count` argument picks the form.
// The CLDR plural category of `count` in `language`, for the two forms every served language
// has: "one" for 1 (in Brazilian Portuguese also for 0), "other" for anything else.
std::string_view plural_category(std::string_view language, std::string_view count) {
    if (count == "1") return "one";
    if (count == "0" && language == "pt") return "one";
    return "other";
}

// The message `key` names: itself, or for a plural message (defined as "<key>_one" and
// "<key>_other") the form the `count` argument asks for in `language`.
const EmbeddedMessage* find(std::string_view key, std::string_view language, const MessageArgs& args) {
    const auto& map = index();
    if (const auto it = map.find(key); it != map.end()) return it->second;
    const auto count = std::find_if(args.begin(), args.end(), [](const auto& a) { return a.first == "count"; });
    std::string plural(key);
    plural += '_';
    plural += count == args.end() ? std::string_view("other") : plural_category(language, count->second);
    if (const auto it = map.find(plural); it != map.end()) return it->second;
    return nullptr;
}

}  // namespace

bool has(std::string_view key) {
    const auto& map = index();
    if (map.contains(key)) return true;
    const std::string k(key);
    return map.contains(k + "_one") && map.contains(k + "_other");
}

std::string render(std::string_view key, std::string_view language, const MessageArgs& args) {
    const EmbeddedMessage* found = find(key, language, args);
    if (!found) return std::string(key);
    const char* text = found->texts[language_index(language)];
    if (!text) text = found->texts[0];
    if (!text) return std::string(key);
    const std::string_view source(text);
    std::string out;
    out.reserve(source.size() + 16);
    std::size_t i = 0;
    while (i < source.size()) {
        if (source[i] == '{') {
            const auto close = source.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view name = source.substr(i + 1, close - i - 1);
                const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
                if (arg != args.end()) {
                    out += arg->second;
                    i = close + 1;
                    continue;
                }
                // "{action}" may also be filled by an argument "action_key" naming another
                // message, rendered in the same language (one level: its own arguments are none).
                const auto nested = std::find_if(args.begin(), args.end(), [&](const auto& a) {
                    return a.first.size() == name.size() + 4 && a.first.compare(0, name.size(), name) == 0 &&
                           a.first.compare(name.size(), 4, "_key") == 0;
                });
                if (nested != args.end() && nested->second != key) {
                    out += render(nested->second, language, {});
                    i = close + 1;
                    continue;
                }
            }
        }
        out += source[i++];
    }
    return out;
}

std::string_view served_language(std::string_view code) {
    const auto dash = code.find_first_of("-_");
    const std::string_view primary = code.substr(0, dash);
    for (const auto lang : kLanguages) {
        if (primary.size() == lang.size() &&
            std::equal(primary.begin(), primary.end(), lang.begin(), [](char a, char b) { return lower(a) == b; })) {
            return lang;
        }
    }
    return {};
}

std::string_view from_accept_language(std::string_view header) {
    std::string_view best;
    double best_weight = 0;
    while (!header.empty()) {
        const auto comma = header.find(',');
        const std::string_view entry = trim(header.substr(0, comma));
        const auto semi = entry.find(';');
        const std::string_view range = trim(entry.substr(0, semi));
        const double q = semi == std::string_view::npos ? 1.0 : weight(entry.substr(semi + 1));
        const std::string_view lang = served_language(range);
        if (!lang.empty() && q > best_weight) {
            best = lang;
            best_weight = q;
        }
        if (comma == std::string_view::npos) break;
        header.remove_prefix(comma + 1);
    }
    return best;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
        const auto close = text.find('}', i + 1);
        if (close == std::string_view::npos) break;
        out.emplace_back(text.substr(i + 1, close - i - 1));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<EmbeddedMessage> all() {
    std::vector<EmbeddedMessage> out;
    for (const EmbeddedMessage* e = generated::kEmbeddedMessages; e->key; ++e) out.push_back(*e);
    return out;
}

}  // namespace rapport::messages
