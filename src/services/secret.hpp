// Bearer secrets (session ids, API tokens): 256 random bits from libsodium, written for people as
// a prefix plus unpadded base64url, stored only as a BLAKE2b-256 hash.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rapport::services {

inline constexpr std::size_t kSecretBytes = 32;
// 32 bytes in unpadded base64url.
inline constexpr std::size_t kSecretTextChars = 43;

inline constexpr std::string_view kApiTokenPrefix = "rpt_";
inline constexpr std::string_view kSessionPrefix = "rps_";

struct Secret {
  std::string text;  // shown to its owner once (token) or set as a cookie (session)
  std::string hash;  // what the store keeps: hex BLAKE2b-256 of `text`
};

// A fresh secret `prefix` + base64url(32 random bytes) and its hash.
Secret generate_secret(std::string_view prefix);

// The stored form of a secret: lower-case hex of BLAKE2b-256 over its whole text. The secret has
// 256 bits of entropy, so an unsalted fast hash suffices and allows lookup by hash.
std::string hash_secret(std::string_view text);

// Whether `text` has the shape generate_secret(prefix) produces; checked before any lookup so
// that junk never reaches the store.
bool has_secret_shape(std::string_view text, std::string_view prefix);

// Constant-time equality for secrets of equal length; unequal lengths compare unequal at once
// (lengths are not secret).
bool secrets_equal(std::string_view a, std::string_view b);

// The CSRF token that belongs to a session: a keyed BLAKE2b of a fixed label under the session
// secret, so the server recomputes it from the cookie instead of storing it, and it reveals nothing
// about the session id.
std::string csrf_token_for(std::string_view session_secret);

}  // namespace rapport::services
