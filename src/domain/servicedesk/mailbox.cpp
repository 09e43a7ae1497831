#include "domain/servicedesk/mailbox.hpp"

#include "core/name_table.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace rapport::domain::servicedesk {

namespace {
constexpr std::array<std::pair<MailSecurity, std::string_view>, 3> kSecurity{{
    {MailSecurity::Tls, "tls"},
    {MailSecurity::StartTls, "starttls"},
    {MailSecurity::None, "none"},
}};
constexpr std::array<std::pair<AfterFetch, std::string_view>, 3> kAfterFetch{{
    {AfterFetch::MarkSeen, "mark_seen"},
    {AfterFetch::Move, "move"},
    {AfterFetch::Leave, "leave"},
}};
}  // namespace

std::string_view to_string(MailSecurity v) {
    return name_in(kSecurity, v);
}
std::string_view to_string(AfterFetch v) {
    return name_in(kAfterFetch, v);
}
std::optional<MailSecurity> parse_mail_security(std::string_view text) {
    return parse_in(kSecurity, text);
}
std::optional<AfterFetch> parse_after_fetch(std::string_view text) {
    return parse_in(kAfterFetch, text);
}

std::string address_domain(const std::string& address) {
    auto at = address.rfind('@');
    std::string domain = at == std::string::npos ? "" : address.substr(at + 1);
    std::transform(domain.begin(), domain.end(), domain.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return domain.empty() ? "rapport.invalid" : domain;
}

}  // namespace rapport::domain::servicedesk
