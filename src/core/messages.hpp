#pragma once
// The server's message catalogue (docs/adr/0005-server-messages.md): every message a person
// may read in a problem's `detail` or a field error has a stable key ("customers.phone_invalid")
// and a text in each language Rapport serves, with named placeholders ("{max}"). Shared
// messages live in src/core/messages.json, each area's beside its code in
// src/<layer>/<area>/messages.json; the build embeds them all (cmake/embed_messages.cmake).
// Core knows no language setting and no HTTP: the api layer picks the request's language.
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport {

// Named arguments of a message: {"max", "200"} fills "{max}".
using MessageArgs = std::vector<std::pair<std::string, std::string>>;

namespace messages {

// The languages Rapport serves, English (the fallback) first; pt is Brazilian Portuguese.
inline constexpr std::array<std::string_view, 4> kLanguages = {"en", "it", "es", "pt"};
inline constexpr std::size_t kLanguageCount = kLanguages.size();

// One embedded message: texts in kLanguages' order, nullptr where a language is missing.
struct EmbeddedMessage {
    const char* key;
    const char* file;  // where it is defined, relative to the repository
    std::array<const char*, kLanguageCount> texts;
};

namespace generated {
// The embedded catalogue (cmake/embed_messages.cmake); ends with a row whose key is nullptr.
extern const EmbeddedMessage kEmbeddedMessages[];
}  // namespace generated

// Whether the catalogue has `key`.
bool has(std::string_view key);

// The text of `key` in `language` (one of kLanguages; anything else means English) with its
// placeholders filled from `args`. Falls back to English when the language is missing, and to
// the key itself when the catalogue does not know it. A placeholder with no argument stays.
std::string render(std::string_view key, std::string_view language, const MessageArgs& args = {});

// The served language `code` names ("it", "IT", "pt-BR", "es-419"): its primary subtag if
// Rapport serves it, else an empty view.
std::string_view served_language(std::string_view code);

// The best served language of an Accept-Language header (RFC 9110 §12.5.4): the one with the
// highest weight, the earlier one on a tie; an empty view when none is served.
std::string_view from_accept_language(std::string_view header);

// The placeholders of a text, sorted and deduplicated: "{a} of {b}" -> {"a", "b"}.
std::vector<std::string> placeholders(std::string_view text);

// Every embedded message (for the catalogue test and tools).
std::vector<EmbeddedMessage> all();

}  // namespace messages
}  // namespace rapport
