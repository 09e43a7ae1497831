#include "domain/identity/validation.hpp"

#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"

namespace rapport::domain {

std::optional<std::string> normalize_email(std::string_view email) {
    while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
    while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
    if (email.size() < 3 || email.size() > 254) return std::nullopt;
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view domain = email.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' || domain.find("..") != domain.npos) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(email.size());
    for (char c : email) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isspace(u) || std::iscntrl(u) || c == ',' || c == ';' || c == '<' || c == '>') return std::nullopt;
        out.push_back(static_cast<char>(std::tolower(u)));
    }
    return out;
}

std::optional<Message> password_problem(std::string_view password) {
    if (code_points(password) < kMinPasswordLength) {
        return Message::localized("identity.password_too_short", {{"min", std::to_string(kMinPasswordLength)}});
    }
    if (code_points(password) > 1024) return Message::localized("identity.password_too_long", {{"max", "1024"}});
    return std::nullopt;
}

std::string slugify(std::string_view name) {
    std::string out;
    bool dash = false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 128) {
            if (dash && !out.empty()) out.push_back('-');
            dash = false;
            out.push_back(static_cast<char>(std::tolower(u)));
        } else {
            dash = true;
        }
    }
    if (out.size() > 63) out.resize(63);
    return out;
}

}  // namespace rapport::domain
