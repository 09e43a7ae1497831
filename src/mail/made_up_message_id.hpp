#pragma once
// The stable Message-ID given to a mail that has none, so fetching it twice still finds it:
// "rapport-<hex SHA-256>@rapport.invalid" over its Date, From, To and Subject header values as
// written (unfolded by nothing, trimmed) and the first 4 KB of its body, with carriage returns
// removed so the same mail read with CRLF or LF line ends gets the same id. Pure; thread-safe.
#include <string>
#include <string_view>

namespace rapport::mail {

struct MadeUpIdInput {
    std::string_view date, from, to, subject;  // raw header values
    std::string_view body;                     // the raw bytes after the header block
};

std::string made_up_message_id(const MadeUpIdInput& input);

// The raw bytes after a message's header block (after its first empty line); empty if none.
std::string_view raw_body(std::string_view raw);

}  // namespace rapport::mail
