#pragma once
// Message authentication on top of libsodium's crypto_auth (HMAC-SHA-512-256): a key, a tag
// over a message, and a constant-time check. Signed links (survey tokens) use it so that a
// link proves itself without a lookup, and a changed byte is refused.
#include <string>
#include <string_view>

namespace rapport::crypto {

// A fresh random key of the size crypto_auth wants, as URL-safe base64.
std::string new_auth_key();

// URL-safe base64 (no padding) of the tag of `message` under `key` (as new_auth_key gives it).
std::string auth_tag(std::string_view key, std::string_view message);

// Whether `tag` is the tag of `message` under `key`, checked in constant time.
bool verify_auth_tag(std::string_view key, std::string_view message, std::string_view tag);

}  // namespace rapport::crypto
