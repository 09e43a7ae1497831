#include "domain/servicedesk/canned_reply.hpp"

#include <algorithm>

namespace rapport::domain::servicedesk {

namespace {

std::string trim(std::string_view s) {
    auto begin = s.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    auto end = s.find_last_not_of(" \t");
    return std::string(s.substr(begin, end - begin + 1));
}

bool known(const std::string& name) {
    const auto& all = canned_reply_placeholders();
    return std::find(all.begin(), all.end(), name) != all.end();
}

// Calls on_text for literal text and on_placeholder for each "{{ name }}" (trimmed); an
// unclosed "{{" goes to on_unclosed with what follows it.
template <class Text, class Placeholder, class Unclosed>
void scan(std::string_view body, Text on_text, Placeholder on_placeholder, Unclosed on_unclosed) {
    std::size_t pos = 0;
    while (pos < body.size()) {
        auto open = body.find("{{", pos);
        if (open == std::string_view::npos) {
            on_text(body.substr(pos));
            return;
        }
        on_text(body.substr(pos, open - pos));
        auto close = body.find("}}", open + 2);
        if (close == std::string_view::npos) {
            on_unclosed(body.substr(open));
            return;
        }
        on_placeholder(trim(body.substr(open + 2, close - open - 2)));
        pos = close + 2;
    }
}

}  // namespace

const std::vector<std::string>& canned_reply_placeholders() {
    static const std::vector<std::string> all = {
        "customer.first_name", "customer.last_name",  "customer.name",
        "agent.name",          "conversation.number", "conversation.subject",
    };
    return all;
}

std::vector<std::string> unknown_placeholders(std::string_view body) {
    std::vector<std::string> out;
    const auto add = [&out](std::string name) {
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    };
    scan(
        body, [](std::string_view) {},
        [&](const std::string& name) {
            if (!known(name)) add("{{" + name + "}}");
        },
        [&](std::string_view rest) { add(std::string(rest.substr(0, std::min<std::size_t>(rest.size(), 40)))); });
    return out;
}

std::string render_canned_reply(std::string_view body, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(body.size());
    scan(
        body, [&](std::string_view text) { out.append(text); },
        [&](const std::string& name) {
            if (auto it = values.find(name); it != values.end()) {
                out.append(it->second);
            } else if (!known(name)) {
                out.append("{{" + name + "}}");  // saved before the check: shown as written
            }
        },
        [&](std::string_view rest) { out.append(rest); });
    return out;
}

bool is_canned_reply_language(std::string_view language) {
    return language == "en" || language == "it" || language == "es" || language == "pt";
}

const CannedReply* choose_version(const std::vector<CannedReply>& versions, std::string_view name,
                                  std::string_view customer_language, std::string_view fallback_language) {
    const auto in = [&](std::string_view language) -> const CannedReply* {
        if (language.empty()) return nullptr;
        for (const auto& v : versions) {
            if (v.name == name && v.language == language) return &v;
        }
        return nullptr;
    };
    if (auto v = in(customer_language)) return v;
    if (auto v = in(fallback_language)) return v;
    if (auto v = in("en")) return v;
    for (const auto& v : versions) {
        if (v.name == name) return &v;
    }
    return nullptr;
}

}  // namespace rapport::domain::servicedesk
