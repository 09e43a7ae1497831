#pragma once
// IMAP mailbox (folder) names on the wire: modified UTF-7 (RFC 3501 §5.1.3), so "Entwürfe"
// travels as "Entw&APw-rfe" and "Posta in arrivo" as itself. Pure functions; thread-safe.
#include <optional>
#include <string>
#include <string_view>

namespace rapport::mail {

// The wire form of a UTF-8 folder name; nullopt when it is not valid UTF-8 or holds a control
// character (a CR or LF could end the command it is written into).
std::optional<std::string> encode_mailbox_name(std::string_view utf8);

// The UTF-8 form of a wire name; nullopt when it is not valid modified UTF-7.
std::optional<std::string> decode_mailbox_name(std::string_view wire);

}  // namespace rapport::mail
