#include "storage/postgres/pg_url.hpp"

#include <algorithm>
#include <cctype>

namespace rapport::storage::postgres {

namespace {

// A password's place in the string: `value` is the secret itself, `whole` is what to cut when
// removing it (":secret" in the user info, "password=secret" plus one separator elsewhere).
struct Span {
    std::size_t value_begin = 0;
    std::size_t value_end = 0;
    std::size_t whole_begin = 0;
    std::size_t whole_end = 0;
};

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// URI form: the user-info password and any password=... query parameter.
std::vector<Span> uri_spans(std::string_view url, std::size_t scheme_end) {
    std::vector<Span> spans;
    const std::size_t rest = scheme_end + 3;
    // The user info ends at the last '@'. Passwords should percent-encode '@', '/' and '?',
    // but people paste them raw, so a '@' after a '?' still ends the user info unless what
    // lies between them looks like a query string (key=value): then it belongs to a parameter
    // such as application_name=a@b, and the user info ends at the last '@' before the '?'.
    std::size_t at = url.rfind('@');
    if (at != std::string_view::npos && at < rest) at = std::string_view::npos;
    const std::size_t first_query = url.find('?', rest);
    if (at != std::string_view::npos && first_query != std::string_view::npos && at > first_query &&
        url.substr(first_query, at - first_query).find('=') != std::string_view::npos) {
        at = url.rfind('@', first_query);
        if (at != std::string_view::npos && at < rest) at = std::string_view::npos;
    }
    if (at != std::string_view::npos) {
        const std::size_t colon = url.find(':', rest);
        if (colon != std::string_view::npos && colon < at) spans.push_back({colon + 1, at, colon, at});
    }
    const std::size_t query = url.find('?', at == std::string_view::npos ? rest : at + 1);
    if (query == std::string_view::npos) return spans;
    std::size_t param = query + 1;
    while (param <= url.size()) {
        std::size_t end = url.find('&', param);
        if (end == std::string_view::npos) end = url.size();
        const std::string_view item = url.substr(param, end - param);
        if (item.substr(0, 9) == "password=") {
            // Remove the parameter with the '&' after it, or with the separator before it
            // when it is the last one ("?password=x" disappears whole).
            Span s{param + 9, end, param, end};
            if (end < url.size()) {
                s.whole_end = end + 1;
            } else {
                s.whole_begin = param - 1;
            }
            spans.push_back(s);
        }
        param = end + 1;
    }
    return spans;
}

// Keyword form: key = value pairs separated by spaces; values may be single-quoted with
// backslash escapes.
std::vector<Span> keyword_spans(std::string_view text) {
    std::vector<Span> spans;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t key_begin = i;
        while (i < text.size() && text[i] != '=' && !is_space(text[i])) ++i;
        const std::string_view key = text.substr(key_begin, i - key_begin);
        while (i < text.size() && is_space(text[i])) ++i;
        if (i >= text.size() || text[i] != '=') continue;
        ++i;
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t value_begin = i;
        if (i < text.size() && text[i] == '\'') {
            ++i;
            while (i < text.size() && text[i] != '\'') i += text[i] == '\\' ? 2 : 1;
            i = std::min(i + 1, text.size());
        } else {
            while (i < text.size() && !is_space(text[i])) ++i;
        }
        if (key == "password") spans.push_back({value_begin, i, key_begin, i});
    }
    return spans;
}

std::vector<Span> password_spans(std::string_view url) {
    const std::size_t scheme_end = url.find("://");
    if (scheme_end != std::string_view::npos && url.find('=') > scheme_end) return uri_spans(url, scheme_end);
    return keyword_spans(url);
}

std::string rebuild(std::string_view url, bool remove) {
    std::string out;
    std::size_t pos = 0;
    for (const Span& s : password_spans(url)) {
        const std::size_t begin = remove ? s.whole_begin : s.value_begin;
        const std::size_t end = remove ? s.whole_end : s.value_end;
        if (begin < pos) continue;  // overlapping spans cannot happen, but stay safe
        out.append(url.substr(pos, begin - pos));
        if (!remove) out += "***";
        pos = end;
    }
    out.append(url.substr(std::min(pos, url.size())));
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

}  // namespace

std::string redact_url(std::string_view url) {
    return rebuild(url, false);
}

std::string strip_password(std::string_view url) {
    return rebuild(url, true);
}

std::vector<std::string> url_passwords(std::string_view url) {
    std::vector<std::string> out;
    for (const Span& s : password_spans(url)) {
        std::string raw(url.substr(s.value_begin, s.value_end - s.value_begin));
        if (raw.size() >= 2 && raw.front() == '\'' && raw.back() == '\'') raw = raw.substr(1, raw.size() - 2);
        if (raw.empty()) continue;
        std::string decoded = percent_decode(raw);
        if (decoded != raw) out.push_back(std::move(decoded));
        out.push_back(std::move(raw));
    }
    // Longest first, so a secret containing another is replaced whole.
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return out;
}

std::string scrub_secrets(std::string text, const std::vector<std::string>& secrets) {
    for (const std::string& secret : secrets) {
        if (secret.empty()) continue;
        for (std::size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 3)) {
            text.replace(pos, secret.size(), "***");
        }
    }
    return text;
}

}  // namespace rapport::storage::postgres
