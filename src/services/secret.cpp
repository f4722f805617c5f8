// Generation, hashing and comparison of bearer secrets with libsodium.
#include "services/secret.hpp"

#include <sodium.h>

#include <array>

#include "services/sodium_init.hpp"

namespace rapport::services {
namespace {

constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

std::string to_base64url(const unsigned char* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, kBase64Variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, kBase64Variant);
  out.resize(out.size() - 1);  // drop the terminating NUL
  return out;
}

bool is_base64url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

Secret generate_secret(std::string_view prefix) {
  ensure_sodium();
  std::array<unsigned char, kSecretBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  Secret s;
  s.text = std::string(prefix) + to_base64url(bytes.data(), bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  s.hash = hash_secret(s.text);
  return s;
}

std::string hash_secret(std::string_view text) {
  ensure_sodium();
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

bool has_secret_shape(std::string_view text, std::string_view prefix) {
  if (text.size() != prefix.size() + kSecretTextChars || !text.starts_with(prefix)) return false;
  for (char c : text.substr(prefix.size())) {
    if (!is_base64url_char(c)) return false;
  }
  return true;
}

bool secrets_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  ensure_sodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string csrf_token_for(std::string_view session_secret) {
  ensure_sodium();
  static constexpr std::string_view kLabel = "rapport csrf v1";
  std::array<unsigned char, 32> key{};
  // BLAKE2b keys are at most 64 bytes; hash the secret down to a 32-byte key first.
  crypto_generichash(key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>(session_secret.data()),
                     session_secret.size(), nullptr, 0);
  std::array<unsigned char, 32> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(kLabel.data()),
                     kLabel.size(), key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return to_base64url(mac.data(), mac.size());
}

}  // namespace rapport::services
