#pragma once
// Secrets handling on top of libsodium.
//  * Passwords: argon2id (crypto_pwhash_str), verified in constant time by libsodium.
//  * Tokens (session cookies, API keys): 256 random bits, so a fast keyed-free hash
//    (BLAKE2b-256) is enough to store them; a slow hash would cap authenticated
//    requests per second for no security gain.
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

}  // namespace rapport::crypto
