#include "domain/servicedesk/contact_form.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/crypto.hpp"

namespace rapport::domain::servicedesk {

namespace {

std::string signature(std::string_view secret, Id workspace_id, UnixMillis issued) {
    std::string material = "contact-form|";
    material += secret;
    material += '|' + id_to_string(workspace_id) + '|' + std::to_string(issued);
    return crypto::hash_token(material);
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The positions and lengths of the links in a text.
std::vector<std::pair<std::size_t, std::size_t>> links_in(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const std::string low = lower(text);
    std::size_t pos = 0;
    while (pos < low.size()) {
        std::size_t best = std::string::npos;
        for (const char* start : {"http://", "https://", "www."}) best = std::min(best, low.find(start, pos));
        if (best == std::string::npos) break;
        std::size_t end = best;
        while (end < low.size() && !std::isspace(static_cast<unsigned char>(low[end])) && low[end] != '<' &&
               low[end] != '>' && low[end] != '"')
            ++end;
        out.emplace_back(best, end - best);
        pos = end;
    }
    return out;
}

}  // namespace

std::string_view to_string(SpamReason reason) {
    switch (reason) {
        case SpamReason::Honeypot: return "honeypot";
        case SpamReason::MissingToken: return "missing_token";
        case SpamReason::BadToken: return "bad_token";
        case SpamReason::TooFast: return "too_fast";
        case SpamReason::TooManyLinks: return "too_many_links";
        case SpamReason::MostlyLinks: return "mostly_links";
    }
    return "honeypot";
}

std::string issue_form_token(std::string_view secret, Id workspace_id, UnixMillis now) {
    return std::to_string(now) + "." + signature(secret, workspace_id, now);
}

std::optional<UnixMillis> verify_form_token(std::string_view secret, Id workspace_id, std::string_view token) {
    auto dot = token.find('.');
    if (dot == std::string_view::npos || secret.empty()) return std::nullopt;
    UnixMillis issued = 0;
    auto digits = token.substr(0, dot);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), issued);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    if (!crypto::constant_time_equal(token.substr(dot + 1), signature(secret, workspace_id, issued))) {
        return std::nullopt;
    }
    return issued;
}

int count_links(std::string_view text) {
    return static_cast<int>(links_in(text).size());
}

bool mostly_links(std::string_view text) {
    std::size_t linked = 0;
    for (const auto& l : links_in(text)) linked += l.second;
    if (linked == 0) return false;
    std::size_t other = 0;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c))) ++other;
    }
    other -= std::min(other, linked);
    return linked > 2 * other;  // the links are over two thirds of what was written
}

std::optional<SpamReason> spam_check(const ContactSubmission& s, std::string_view secret, Id workspace_id,
                                     UnixMillis now) {
    if (!s.website.empty()) return SpamReason::Honeypot;
    if (s.token.empty()) return SpamReason::MissingToken;
    auto issued = verify_form_token(secret, workspace_id, s.token);
    if (!issued || *issued > now || now - *issued > kTokenLifetimeMs) return SpamReason::BadToken;
    if (now - *issued < kMinFillMs) return SpamReason::TooFast;
    const std::string all = s.subject + "\n" + s.message;
    if (count_links(all) > kMaxLinks) return SpamReason::TooManyLinks;
    if (mostly_links(s.message)) return SpamReason::MostlyLinks;
    return std::nullopt;
}

std::optional<std::string> normalize_origin(std::string_view origin) {
    std::string o = lower(origin);
    while (!o.empty() && o.back() == '/') o.pop_back();
    std::size_t scheme = 0;
    if (o.rfind("https://", 0) == 0) {
        scheme = 8;
    } else if (o.rfind("http://", 0) == 0) {
        scheme = 7;
    } else {
        return std::nullopt;
    }
    if (o.size() == scheme) return std::nullopt;
    for (std::size_t i = scheme; i < o.size(); ++i) {
        const char c = o[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':')) return std::nullopt;
    }
    return o;
}

bool origin_allowed(const ContactFormSettings& settings, std::string_view origin) {
    auto normal = normalize_origin(origin);
    if (!normal) return false;
    return std::find(settings.allowed_origins.begin(), settings.allowed_origins.end(), *normal) !=
           settings.allowed_origins.end();
}

}  // namespace rapport::domain::servicedesk
