#pragma once
// Secrets handling on top of libsodium.
//  * Passwords: argon2id (crypto_pwhash_str), verified in constant time by libsodium.
//  * Tokens (session cookies, API keys): 256 random bits, so a fast keyed-free hash
//    (BLAKE2b-256) is enough to store them; a slow hash would cap authenticated
//    requests per second for no security gain.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace rapport::crypto {

// Must be called once before any other function here (safe to call again).
void initialize();

Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view stored_hash, std::string_view password);

// URL-safe base64 of `bytes` random bytes.
std::string random_token(std::size_t bytes = 32);

// Hex BLAKE2b-256 of a token.
std::string hash_token(std::string_view token);

bool constant_time_equal(std::string_view a, std::string_view b);

// Standard base64 (RFC 4648, padded) of any bytes, and back; nullopt for text that is not base64.
// Lets bytes that are not UTF-8 (mail sources, attachments) live in text columns of both engines.
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace rapport::crypto
