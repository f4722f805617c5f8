// Password hashing with argon2id (libsodium's crypto_pwhash_str), verification, rehash detection
// and the password policy. Passwords never leave this unit except as their hash.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::services {

struct PasswordParams {
  unsigned long long opslimit;
  std::size_t memlimit;
};

// The server's argon2id cost: 3 passes over 64 MiB, RFC 9106's second recommended option and
// above OWASP's minimum (2 passes, 19 MiB). libsodium's MODERATE (256 MiB) would let a handful of
// concurrent logins take a gigabyte on a small server; INTERACTIVE (2 passes, 64 MiB) is a little
// cheaper than we can afford. Measured 0.5–0.6 s per hash or verification on the shared 2-core
// development machine at load average 16; an unloaded core needs a fraction of that.
inline constexpr PasswordParams kServerPasswordParams{3, 64u * 1024u * 1024u};

inline constexpr std::size_t kMinPasswordBytes = 10;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Ok when `password` is acceptable: 10 to 1024 bytes of valid UTF-8. Otherwise an invalid-input
// error on field "password" whose message never contains the password.
core::Status check_password_policy(std::string_view password);

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordParams params = kServerPasswordParams);

  // The argon2id hash string (algorithm, parameters, salt, digest) of a password that passes
  // check_password_policy; its error otherwise, or an internal error if memory runs out.
  core::Result<std::string> hash(std::string_view password) const;

  // True exactly when `stored_hash` is a well-formed hash of `password`. Runs in time that does
  // not depend on where the two differ.
  bool verify(std::string_view stored_hash, std::string_view password) const;

  // Spends the time of one verification without any stored hash, so that a login for an unknown
  // e-mail takes as long as one for a known e-mail.
  void verify_nothing(std::string_view password) const;

  // Whether `stored_hash` was made with parameters other than this hasher's (or is not a hash),
  // so that a successful login should store a fresh hash.
  bool needs_rehash(std::string_view stored_hash) const;

 private:
  PasswordParams params_;
  std::string dummy_hash_;
};

}  // namespace rapport::services
