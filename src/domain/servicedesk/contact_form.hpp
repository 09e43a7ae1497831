#pragma once
// The public contact form a company embeds in its site: its settings, what a visitor submits,
// the form token and the spam check. Pure functions; ContactFormService puts them together.
//
// The token is a signed timestamp handed out with the form (GET .../public/contact/{slug}):
// "<issued_ms>.<signature>", the signature being BLAKE2b of the workspace's form secret, the
// workspace id and the time. A submission needs a valid token no older than a day, and at
// least kMinFillMs after it was issued: bots post at once, people take longer to type.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::servicedesk {

struct ContactFormSettings {
    Id workspace_id = 0;
    bool enabled = false;
    std::optional<Id> team_id;                 // the team whose inbox its conversations land in
    std::vector<std::string> allowed_origins;  // "https://www.example.com": CORS for the embedding site
    std::string success_message;               // shown after a submission; empty: the default text
    std::string secret;                        // signs the form tokens; never shown
    UnixMillis updated_at = 0;
};

struct ContactSubmission {
    std::string name;
    std::string email;
    std::string phone;
    std::string subject;
    std::string message;
    std::string website;  // the honeypot: hidden from people, filled by bots
    std::string token;
};

// Why a submission looks like spam; the visitor is told only "looks like spam".
enum class SpamReason { Honeypot, MissingToken, BadToken, TooFast, TooManyLinks, MostlyLinks };
std::string_view to_string(SpamReason reason);

constexpr UnixMillis kMinFillMs = 3'000;
constexpr UnixMillis kTokenLifetimeMs = 24LL * 3600 * 1000;
constexpr int kMaxLinks = 3;

std::string issue_form_token(std::string_view secret, Id workspace_id, UnixMillis now);
// When the token was issued, if it is one of ours for this workspace.
std::optional<UnixMillis> verify_form_token(std::string_view secret, Id workspace_id, std::string_view token);

// The links in a text (http://, https://, www.).
int count_links(std::string_view text);
// Whether the text is mostly links: their characters are over two thirds of the text's
// (spaces aside), so little else was written.
bool mostly_links(std::string_view text);

std::optional<SpamReason> spam_check(const ContactSubmission& s, std::string_view secret, Id workspace_id,
                                     UnixMillis now);

// Whether `origin` ("https://shop.example.com") may post from a browser: listed exactly.
bool origin_allowed(const ContactFormSettings& settings, std::string_view origin);
// An origin as settings keep it: scheme://host[:port], lower case, no path; nullopt when not one.
std::optional<std::string> normalize_origin(std::string_view origin);

}  // namespace rapport::domain::servicedesk
