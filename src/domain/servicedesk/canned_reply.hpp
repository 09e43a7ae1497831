#pragma once
// Canned replies: a workspace's reply templates. A template has a name, a language (en, it,
// es, pt) and a body with placeholders such as {{customer.first_name}}; templates with the
// same name in several languages are the versions of one reply. Rendering for a conversation
// picks the version in the customer's language, else the workspace's default language, else
// English, else any, and fills the placeholders; a placeholder without a value renders empty.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"

namespace rapport::domain::servicedesk {

struct CannedReply {
    Id workspace_id = 0;
    Id canned_reply_id = 0;
    std::string name;
    std::string language;  // en, it, es, pt
    std::string body;
    UnixMillis created_at = 0;
    UnixMillis updated_at = 0;
};

// The placeholders a body may use, in the order the documentation lists them.
const std::vector<std::string>& canned_reply_placeholders();

// The placeholders of `body` that are not known, each once, in order of appearance. A "{{"
// without its "}}" is reported as the text that follows it.
std::vector<std::string> unknown_placeholders(std::string_view body);

// `body` with every known placeholder replaced by its value in `values` (empty when absent).
std::string render_canned_reply(std::string_view body, const std::map<std::string, std::string>& values);

// Whether `language` is one of the languages a template may be written in.
bool is_canned_reply_language(std::string_view language);

// The version of `name` to use for a customer: their language, else `fallback_language`,
// else English, else the first. nullptr when `versions` has none named `name`.
const CannedReply* choose_version(const std::vector<CannedReply>& versions, std::string_view name,
                                  std::string_view customer_language, std::string_view fallback_language);

}  // namespace rapport::domain::servicedesk
