#include "core/message_auth.hpp"

#include <sodium.h>

#include <array>
#include <vector>

namespace rapport::crypto {

namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

std::string encode(const unsigned char* bytes, std::size_t size) {
    std::string out(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, kVariant);
    out.resize(out.find('\0'));
    return out;
}

// The key's bytes; a key of another size is stretched by hashing, so a bad key still gives
// a deterministic (if useless) tag instead of reading out of bounds.
std::array<unsigned char, crypto_auth_KEYBYTES> key_bytes(std::string_view key) {
    std::array<unsigned char, crypto_auth_KEYBYTES> out{};
    std::vector<unsigned char> raw(key.size() + 1);
    std::size_t len = 0;
    if (sodium_base642bin(raw.data(), raw.size(), key.data(), key.size(), nullptr, &len, nullptr, kVariant) != 0 ||
        len != out.size()) {
        crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                           nullptr, 0);
        return out;
    }
    std::copy(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(len), out.begin());
    return out;
}

}  // namespace

std::string new_auth_key() {
    std::array<unsigned char, crypto_auth_KEYBYTES> key{};
    crypto_auth_keygen(key.data());
    return encode(key.data(), key.size());
}

std::string auth_tag(std::string_view key, std::string_view message) {
    const auto k = key_bytes(key);
    std::array<unsigned char, crypto_auth_BYTES> tag{};
    crypto_auth(tag.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(), k.data());
    return encode(tag.data(), tag.size());
}

bool verify_auth_tag(std::string_view key, std::string_view message, std::string_view tag) {
    std::array<unsigned char, crypto_auth_BYTES> raw{};
    std::size_t len = 0;
    if (sodium_base642bin(raw.data(), raw.size(), tag.data(), tag.size(), nullptr, &len, nullptr, kVariant) != 0 ||
        len != raw.size()) {
        return false;
    }
    const auto k = key_bytes(key);
    return crypto_auth_verify(raw.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                              k.data()) == 0;
}

}  // namespace rapport::crypto
